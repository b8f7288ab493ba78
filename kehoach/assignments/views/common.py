"""Helpers shared by the views: resolve plan and task through the scope layer (404 outside)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from kehoach.accounts import scope
from kehoach.assignments import forms
from kehoach.assignments.detail_selectors import task_detail
from kehoach.assignments.selectors import active_successors, task_for
from kehoach.core.exceptions import NotFound
from kehoach.plans.models import Plan, Task
from kehoach.plans.selectors import plan_for


def plan_or_404(request: HttpRequest, code: str) -> Plan:
    try:
        return plan_for(user=request.user, code=code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def task_or_404(request: HttpRequest, plan: Plan, code: str) -> Task:
    try:
        return task_for(user=request.user, plan=plan, code=code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "web/forbidden.html", status=403)


def task_url(task: Task) -> str:
    return reverse("assignments:task", args=[task.plan.code, task.code])


def render_task(
    request: HttpRequest,
    task: Task,
    *,
    today: Any,
    report_form: forms.ProgressReportForm | None = None,
    errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The task page; also used to show a refused report again with its messages."""
    user = request.user
    detail = task_detail(task=task, today=today)
    may_report = scope.can_report_task_progress(user, task)
    sets_progress = scope.can_change_task(user, task) and not detail.children
    if report_form is None and may_report:
        report_form = forms.ProgressReportForm(sets_progress=sets_progress, today=today)
    manage = scope.can_manage_task_tracking(user, task)
    holders = [task.lead] if task.lead else []
    holders += list(task.coordinating.all())
    ceased = [
        (a, active_successors(a, on=today)) for a in holders if a.valid_to is not None and a.valid_to < today
    ]
    context = {
        "plan": task.plan,
        "task": task,
        "detail": detail,
        "row": detail.row,
        "report_form": report_form if may_report else None,
        "errors": errors or [],
        "can_manage": manage,
        "sets_progress": sets_progress,
        "ceased": ceased
        if manage and detail.row.progress.base_status in ("not_started", "in_progress")
        else [],
        "all_targets": task.plan.targets.order_by("order") if manage else [],
        "all_lines": task.plan.budget_lines.select_related("programme").order_by("order") if manage else [],
    }
    return render(request, "assignments/task.html", context, status=status)
