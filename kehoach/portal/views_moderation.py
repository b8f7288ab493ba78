"""The moderation queue for the responsible agency's officers and the plan owner."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kehoach.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from kehoach.portal import services
from kehoach.portal.forms import AnswerForm, RejectForm
from kehoach.portal.moderation import feedback_for, feedback_queue


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {"queue": feedback_queue(user=request.user, today=today), "today": today}
    return render(request, "portal/moderation.html", context)


@login_required
@require_POST
def moderate(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    try:
        feedback = feedback_for(user=request.user, pk=pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    try:
        if action == "cong-khai":
            form = AnswerForm(request.POST)
            answer = form.cleaned_data["answer"] if form.is_valid() else ""
            services.publish_feedback(actor=request.user, feedback=feedback, answer=answer)
            messages.success(request, _("Đã công khai ý kiến số %(id)s.") % {"id": pk})
        elif action == "khong-cong-khai":
            reject = RejectForm(request.POST)
            reason = reject.cleaned_data["reason"] if reject.is_valid() else ""
            services.reject_feedback(actor=request.user, feedback=feedback, reason=reason)
            messages.success(request, _("Đã không công khai ý kiến số %(id)s.") % {"id": pk})
        elif action == "tra-loi":
            form = AnswerForm(request.POST)
            answer = form.cleaned_data["answer"] if form.is_valid() else ""
            services.answer_feedback(actor=request.user, feedback=feedback, answer=answer)
            messages.success(request, _("Đã lưu trả lời ý kiến số %(id)s.") % {"id": pk})
        else:
            raise Http404(_("Không có thao tác này."))
    except ValidationFailed as exc:
        messages.error(request, exc.message)
    except PermissionDenied as exc:
        return render(request, "web/forbidden.html", {"message": exc.message}, status=403)
    return redirect("portal:moderation")
