"""Domain exceptions raised by services; the edges (views, API, CLI) map them to responses.

Messages are Vietnamese because they are shown to users as they are.
"""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every domain error; `messages` holds one or more user-facing lines."""

    def __init__(self, message: str, *, messages: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.messages = messages or [message]


class ValidationFailed(KehoachError):
    """Input broke a rule; nothing was written."""


class PermissionDenied(KehoachError):
    """The user's role or scope does not allow the action."""


class NotFound(KehoachError):
    """The object does not exist or is outside the user's scope (the two are not distinguished)."""


class Conflict(KehoachError):
    """The object changed since the user loaded it."""
