"""The comment form (never cached: it carries a CSRF token) and its thank-you page (reached by a
redirect after the POST, so a refresh cannot send the comment twice)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from kehoach.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from kehoach.plans.models import Plan
from kehoach.portal import selectors
from kehoach.portal.choices import SubjectKind
from kehoach.portal.forms import HONEYPOT, FeedbackForm
from kehoach.portal.services import check_rate, submit_feedback

MAX_BODY = 20_000  # bytes: a comment of 2.000 characters in Vietnamese fits several times over


_CHOOSABLE = (SubjectKind.TASK, SubjectKind.BUDGET_LINE, SubjectKind.COMMUNE)


def _choices(plan: Plan, kind: str) -> list[tuple[str, str]]:
    """The items a visitor can pick when a page offered "comment on a task/budget line/commune"."""
    if kind == SubjectKind.TASK:
        return [(t.code, f"{t.code}: {t.title}"[:160]) for t in plan.tasks.order_by("order")]
    if kind == SubjectKind.BUDGET_LINE:
        lines = plan.budget_lines.select_related("programme").order_by("order")
        return [(b.code, f"{b.code}: {b.text or b.programme.name}"[:160]) for b in lines]
    if kind == SubjectKind.COMMUNE:
        return [(str(u.pk), u.name) for u in selectors.communes(plan)]
    return []


def _subject(plan: Plan, kind: str, code: str) -> tuple[str, Any, str]:
    """(kind, object, label) of what the comment is about; the plan itself when nothing matches."""
    if kind == SubjectKind.TARGET:
        target = plan.targets.filter(code=code).first()
        if target:
            return kind, target, f"{_('Chỉ tiêu')} {target.code}: {target.text}"
    if kind == SubjectKind.TASK:
        task = plan.tasks.filter(code=code).first()
        if task:
            return kind, task, f"{_('Nhiệm vụ')} {task.code}: {task.title}"
    if kind == SubjectKind.BUDGET_LINE:
        line = plan.budget_lines.filter(code=code).first()
        if line:
            return kind, line, f"{_('Nguồn vốn')} {line.code}: {line.text or line.programme.name}"
    if kind == SubjectKind.COMMUNE:
        commune = next((u for u in selectors.communes(plan) if str(u.pk) == code), None)
        if commune:
            return kind, commune, commune.name
    if kind in _CHOOSABLE and not code:
        return kind, None, ""  # the visitor picks the item in the form
    if kind and kind != SubjectKind.PLAN:
        raise NotFound(_("Không tìm thấy nội dung được góp ý."))
    return SubjectKind.PLAN, None, _("Kế hoạch nói chung")


def feedback_form(request: HttpRequest, code: str) -> HttpResponse:
    try:
        plan = selectors.public_plan(code)
        source = request.POST if request.method == "POST" else request.GET
        kind, subject, label = _subject(plan, source.get("ve", ""), source.get("ma", ""))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    context: dict[str, Any] = {"plan": plan, "kind": kind, "code": source.get("ma", ""), "label": label}
    if subject is None and kind != SubjectKind.PLAN:
        context["choices"] = _choices(plan, kind)
    form = FeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
            return _done(request, context, _("Nội dung gửi quá dài."), 413)
        if request.POST.get(HONEYPOT):
            # A robot filled the hidden field: answer as if accepted, store nothing.
            return _thanks_redirect(plan)
        if subject is None and kind != SubjectKind.PLAN:
            form.is_valid()
            form.add_error(None, _("Xin vui lòng chọn nội dung muốn góp ý."))
            status = 400
        elif form.is_valid():
            try:
                check_rate(request.META.get("REMOTE_ADDR", ""))
                submit_feedback(
                    plan=plan,
                    kind=kind,
                    subject=subject,
                    text=form.cleaned_data["text"],
                    name=form.cleaned_data["name"],
                    contact=form.cleaned_data["contact"],
                    today=timezone.localdate(),
                )
            except PermissionDenied as exc:
                return _done(request, context, exc.message, 429)
            except ValidationFailed as exc:
                form.add_error(None, exc.message)
                status = 400
            else:
                return _thanks_redirect(plan)
        else:
            status = 400
    response = render(request, "portal/feedback_form.html", {**context, "form": form}, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _thanks_redirect(plan: Plan) -> HttpResponse:
    """POST-redirect-GET: refreshing the thank-you page cannot send the comment again."""
    response = redirect("portal:feedback-sent", plan.code)
    patch_cache_control(response, private=True, no_store=True)
    return response


def feedback_sent(request: HttpRequest, code: str) -> HttpResponse:
    """The thank-you page, reached by a redirect after the comment was accepted."""
    try:
        plan = selectors.public_plan(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return _done(request, {"plan": plan}, "", 200, thanks=True)


def _done(
    request: HttpRequest, context: dict[str, Any], error: str, status: int, *, thanks: bool = False
) -> HttpResponse:
    response = render(
        request, "portal/feedback_done.html", {**context, "error": error, "thanks": thanks}, status=status
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
