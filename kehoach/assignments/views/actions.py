"""Write pages: progress report, tracking edit, weights, links, reassignment. POST, then redirect.

Each view resolves plan and task through the scope layer (404 outside), asks the scope predicate
(403 in scope but not allowed), then calls one service; the service checks again.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kehoach.accounts import scope
from kehoach.agencies.models import Agency
from kehoach.assignments import forms, link_services
from kehoach.assignments.models import TaskTracking
from kehoach.assignments.reassign import reassign_ceased_agency, reassign_task_to_successor
from kehoach.assignments.selectors import ceased_agencies
from kehoach.assignments.services import has_subtasks, record_progress, set_subtask_weights, update_tracking
from kehoach.assignments.views.common import forbidden, plan_or_404, render_task, task_or_404, task_url
from kehoach.audit.choices import Channel
from kehoach.audit.selectors import events_for
from kehoach.core.exceptions import KehoachError, PermissionDenied
from kehoach.plans.models import Task


@login_required
@require_POST
def report(request: HttpRequest, code: str, task_code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    task = task_or_404(request, plan, task_code)
    if not scope.can_report_task_progress(request.user, task):
        return forbidden(request)
    today = timezone.localdate()
    sets_progress = scope.can_change_task(request.user, task) and not has_subtasks(task)
    form = forms.ProgressReportForm(request.POST, request.FILES, sets_progress=sets_progress, today=today)
    if form.is_valid():
        data = form.cleaned_data
        try:
            record_progress(
                task=task,
                actor=request.user,
                narrative=data["narrative"],
                reported_on=data["reported_on"],
                status=data.get("status") or None,
                percent=data.get("percent"),
                files=data["evidence"],
                channel=Channel.WEB,
                today=today,
            )
        except PermissionDenied:
            return forbidden(request)
        except KehoachError as exc:
            return render_task(request, task, today=today, report_form=form, errors=exc.messages, status=400)
        messages.success(request, "Đã ghi báo cáo tiến độ.")
        return redirect(task_url(task) + "#dong-thoi-gian")
    return render_task(request, task, today=today, report_form=form, status=400)


@login_required
def edit(request: HttpRequest, code: str, task_code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    task = task_or_404(request, plan, task_code)
    if not scope.can_manage_task_tracking(request.user, task):
        return forbidden(request)
    tracking = TaskTracking.objects.filter(task=task).first() or TaskTracking(task=task)
    initial = {
        "period_start": tracking.period_start,
        "due_year": tracking.due_year,
        "deadline": tracking.deadline,
        "expected_output": tracking.expected_output,
        "guiding_documents": "\n".join(tracking.guiding_documents or []),
        "percent": tracking.percent_complete,
        "weight": tracking.weight,
        "version": tracking.version,
    }
    subtasks = has_subtasks(task)
    form = forms.TrackingForm(
        request.POST or None, initial=initial, has_subtasks=subtasks, has_parent=task.parent_id is not None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changed = update_tracking(
                task=task,
                actor=request.user,
                values=form.tracking_values(),
                status=data.get("status") or None,
                # Only a percent the user changed counts: the field shows the current value, and
                # choosing "done" must not be refused because the old percent is still in the box.
                percent=data.get("percent") if "percent" in form.changed_data else None,
                reason=data.get("reason", ""),
                expected_version=data.get("version"),
            )
        except KehoachError as exc:
            for msg in exc.messages:
                form.add_error(None, msg)
        else:
            messages.success(request, "Đã lưu thay đổi." if changed else "Không có gì thay đổi.")
            return redirect(task_url(task))
    return render(
        request,
        "assignments/edit.html",
        {"plan": plan, "task": task, "form": form, "history": events_for(obj=task), "subtasks": subtasks},
    )


@login_required
def weights(request: HttpRequest, code: str, task_code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    task = task_or_404(request, plan, task_code)
    if not scope.can_manage_task_tracking(request.user, task):
        return forbidden(request)
    children = list(Task.objects.filter(parent=task).select_related("tracking").order_by("order"))
    spec = [(c.code, c.title, getattr(getattr(c, "tracking", None), "weight", 1)) for c in children]
    form = forms.WeightsForm(request.POST or None, children=spec)
    if request.method == "POST" and form.is_valid():
        try:
            set_subtask_weights(
                parent=task, weights=form.weights(), actor=request.user, reason=form.cleaned_data["reason"]
            )
        except KehoachError as exc:
            for msg in exc.messages:
                form.add_error(None, msg)
        else:
            messages.success(request, "Đã lưu trọng số.")
            return redirect(task_url(task))
    return render(request, "assignments/weights.html", {"plan": plan, "task": task, "form": form})


@login_required
@require_POST
def links(request: HttpRequest, code: str, task_code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    task = task_or_404(request, plan, task_code)
    if not scope.can_manage_task_tracking(request.user, task):
        return forbidden(request)
    form = forms.LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Yêu cầu không hợp lệ.")
        return redirect(task_url(task) + "#lien-ket")
    kind, other_code, action = (form.cleaned_data[k] for k in ("kind", "code", "action"))
    try:
        others = plan.targets if kind == "target" else plan.budget_lines
        other = others.filter(code=other_code).first()
        if other is None:
            raise Http404
        link_services.set_link(
            task=task, other=other, actor=request.user, channel=Channel.WEB, on=action == "add"
        )
    except KehoachError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Đã cập nhật liên kết.")
    return redirect(task_url(task) + "#lien-ket")


@login_required
@require_POST
def reassign_task(request: HttpRequest, code: str, task_code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    task = task_or_404(request, plan, task_code)
    if not scope.can_manage_task_tracking(request.user, task):
        return forbidden(request)
    form = forms.ReassignTaskForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy chọn cơ quan nhận và ghi lý do chuyển giao.")
        return redirect(task_url(task) + "#chuyen-giao")
    source = Agency.objects.filter(code=form.cleaned_data["from_agency"]).first()
    target = Agency.objects.filter(code=form.cleaned_data["to_agency"]).first()
    if source is None or target is None:
        raise Http404("Không tìm thấy cơ quan.")
    try:
        reassign_task_to_successor(
            task=task,
            from_agency=source,
            to_agency=target,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
    except KehoachError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã chuyển nhiệm vụ từ {source} sang {target}.")
    return redirect(task_url(task) + "#chuyen-giao")


@login_required
def succession(request: HttpRequest, code: str) -> HttpResponse:
    """Ceased agencies still holding open tasks, and the bulk move to their successors (owners)."""
    plan = plan_or_404(request, code)
    today = timezone.localdate()
    may = scope.can_change_plan(request.user, plan)
    if request.method == "POST":
        if not may:
            return forbidden(request)
        form = forms.ReassignAgencyForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            agency = Agency.objects.filter(code=data["agency"]).first()
            lead = (
                Agency.objects.filter(code=data["lead_successor"]).first() if data["lead_successor"] else None
            )
            if agency is None or (data["lead_successor"] and lead is None):
                raise Http404("Không tìm thấy cơ quan.")
            try:
                result = reassign_ceased_agency(
                    plan=plan,
                    agency=agency,
                    actor=request.user,
                    reason=data["reason"],
                    lead_successor=lead,
                    others_coordinate=data["others_coordinate"],
                    today=today,
                )
            except KehoachError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(
                    request, f"Đã chuyển {result.tasks} nhiệm vụ của {agency} cho cơ quan kế thừa."
                )
            return redirect(reverse("assignments:succession", args=[plan.code]))
        messages.error(request, "Hãy ghi lý do chuyển giao.")
    return render(
        request,
        "assignments/succession.html",
        {"plan": plan, "ceased": ceased_agencies(plan=plan, today=today), "can_manage": may, "today": today},
    )
