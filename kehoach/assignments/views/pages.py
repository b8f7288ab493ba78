"""Read pages: progress board, overdue list, task page, an agency's tasks, target and budget-line pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kehoach.accounts import scope
from kehoach.agencies.models import Agency
from kehoach.assignments.choices import TaskStatus
from kehoach.assignments.detail_selectors import budget_line_page, target_page
from kehoach.assignments.filters import TaskProgressFilter
from kehoach.assignments.selectors import (
    agency_task_rows,
    overdue_rows,
    predecessors_of,
    status_counts,
    task_rows,
)
from kehoach.assignments.views.common import plan_or_404, render_task, task_or_404
from kehoach.budget.selectors import line_money
from kehoach.core.exceptions import NotFound
from kehoach.plans.selectors import plans_visible_to


@login_required
def board(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    today = timezone.localdate()
    fs = TaskProgressFilter(request.GET, queryset=plan.tasks.all(), today=today)
    all_rows = task_rows(plan=plan, today=today)
    wanted = set(fs.qs.values_list("pk", flat=True)) if fs.is_valid() else {r.task.pk for r in all_rows}
    rows = [r for r in all_rows if r.task.pk in wanted]
    return render(
        request,
        "assignments/board.html",
        {
            "plan": plan,
            "filter": fs,
            "rows": rows,
            "counts": status_counts(all_rows),
            "total": len(all_rows),
            "statuses": TaskStatus.choices,
            "agencies": Agency.objects.filter(Q(led_tasks__plan=plan) | Q(coordinated_tasks__plan=plan))
            .distinct()
            .order_by("name"),
            "can_manage": scope.can_change_plan(request.user, plan),
            "has_demo": any(r.is_demo for r in all_rows),
            "today": today,
        },
    )


@login_required
def overdue(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    today = timezone.localdate()
    rows = overdue_rows(plan=plan, today=today)
    return render(
        request,
        "assignments/overdue.html",
        {"plan": plan, "rows": rows, "today": today, "has_demo": any(r.is_demo for r in rows)},
    )


@login_required
def task_page(request: HttpRequest, code: str, task_code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    task = task_or_404(request, plan, task_code)
    return render_task(request, task, today=timezone.localdate())


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """ "Nhiệm vụ của tôi": the user's agency by default; anyone may look at another agency's list."""
    today = timezone.localdate()
    code = request.GET.get("agency", "")
    agency = Agency.objects.filter(code=code).first() if code else getattr(request.user, "agency", None)
    if code and agency is None:
        raise Http404("Không tìm thấy cơ quan.")
    visible = plans_visible_to(user=request.user)
    choices = (
        Agency.objects.filter(Q(led_tasks__plan__in=visible) | Q(coordinated_tasks__plan__in=visible))
        .distinct()
        .order_by("name")
    )
    rows = agency_task_rows(user=request.user, agency=agency, today=today) if agency else []
    return render(
        request,
        "assignments/mine.html",
        {
            "agency": agency,
            "own": agency is not None and agency.pk == scope.scope_for(request.user).agency_id,
            "choices": choices,
            "rows": rows,
            "counts": status_counts(rows),
            "predecessors": predecessors_of(agency) if agency else [],
            "today": today,
            "has_demo": any(r.is_demo for r in rows),
        },
    )


@login_required
def target(request: HttpRequest, plan_code: str, target_code: str) -> HttpResponse:
    plan = plan_or_404(request, plan_code)
    try:
        page = target_page(plan=plan, code=target_code, today=timezone.localdate())
    except NotFound as exc:
        raise Http404(exc.message) from exc
    # Money as recorded by the finance office beside the plan's stated figure, line by line.
    money = [(line, *line_money(line=line, user=request.user)) for line in page.budget_lines]
    return render(request, "assignments/target.html", {"plan": plan, "page": page, "money": money})


@login_required
def budget_line(request: HttpRequest, plan_code: str, line_code: str) -> HttpResponse:
    plan = plan_or_404(request, plan_code)
    try:
        page = budget_line_page(plan=plan, code=line_code, today=timezone.localdate())
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(request, "assignments/budget_line.html", {"plan": plan, "page": page})
