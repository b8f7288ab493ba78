"""Serving evidence files back: only to users who may see the task's plan, always as a download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest

from kehoach.accounts import scope
from kehoach.assignments import storage
from kehoach.assignments.models import Evidence
from kehoach.core.exceptions import NotFound

# The file is never rendered by the browser: a sandboxed, script-less policy in case it is opened.
FILE_CSP = "default-src 'none'; sandbox"


def evidence_response(evidence: Evidence) -> FileResponse:
    """Content-Disposition: attachment with the cleaned original name, the *detected* type, nosniff."""
    try:
        path = storage.path_of(evidence.stored_name)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = "private, no-store"
    return response


def visible_evidence(user: object, pk: int) -> Evidence:
    evidence = Evidence.objects.select_related("task__plan").filter(pk=pk).first()
    if evidence is None or not scope.can_view_plan(user, evidence.task.plan):
        raise Http404("Không tìm thấy tệp minh chứng.")  # out of scope looks exactly like missing
    return evidence


@login_required
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    return evidence_response(visible_evidence(request.user, pk))
