"""API plumbing shared by every app's api.py."""

from __future__ import annotations

from typing import Any

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from kehoach.core import exceptions


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Map domain exceptions to HTTP answers; out-of-scope is 404, like a missing object."""
    if isinstance(exc, exceptions.NotFound):
        return Response({"detail": exc.message}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, exceptions.PermissionDenied):
        return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, exceptions.Conflict):
        return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, exceptions.ValidationFailed):
        return Response({"detail": exc.message, "errors": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
