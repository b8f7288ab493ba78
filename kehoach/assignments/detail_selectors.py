"""Reads for one task, one target and one budget line: the three sides of the task links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from kehoach.assignments import models as am
from kehoach.assignments.selectors import TaskRow, task_rows
from kehoach.core.exceptions import NotFound
from kehoach.plans.models import BudgetLine, Plan, Target, Task


@dataclass
class TimelineEntry:
    """One dated entry of a task's history, newest first (Decidim's timeline)."""

    on: dt.date
    report: am.ProgressReport | None = None
    moves: list[am.Reassignment] = field(default_factory=list)


@dataclass
class TaskDetail:
    row: TaskRow
    children: list[TaskRow]
    timeline: list[TimelineEntry]
    targets: list[Target]
    budget_lines: list[BudgetLine]
    reassignments: list[am.Reassignment]


def task_detail(*, task: Task, today: dt.date) -> TaskDetail:
    child_ids = list(Task.objects.filter(parent=task).values_list("pk", flat=True))
    rows = {r.task.pk: r for r in task_rows(plan=task.plan, today=today, only=[task.pk, *child_ids])}
    reports = list(
        am.ProgressReport.objects.filter(task=task).select_related("agency").prefetch_related("evidence")
    )
    moves = list(am.Reassignment.objects.filter(task=task).select_related("from_agency", "to_agency"))
    timeline = [TimelineEntry(r.reported_on, report=r) for r in reports]
    by_day: dict[dt.date, TimelineEntry] = {}
    for move in moves:
        day = timezone.localdate(move.at)  # the day as the officer saw it (Asia/Ho_Chi_Minh)
        entry = by_day.setdefault(day, TimelineEntry(day))
        entry.moves.append(move)
    timeline.extend(by_day.values())
    timeline.sort(key=lambda e: (e.on, e.report.pk if e.report else 0), reverse=True)
    return TaskDetail(
        row=rows[task.pk],
        children=[rows[pk] for pk in child_ids if pk in rows],
        timeline=timeline,
        targets=list(Target.objects.filter(task_links__task=task).order_by("order")),
        budget_lines=list(
            BudgetLine.objects.filter(task_links__task=task).select_related("programme").order_by("order")
        ),
        reassignments=moves,
    )


def stated_total(lines: list[BudgetLine]) -> Decimal:
    """Sum of the lines' stated amounts, counting a component only when its total is not listed too
    (the plan states totals and their parts; adding both would count the money twice)."""
    listed = {line.pk for line in lines}
    parents = {
        line.pk: line.parent_id for line in BudgetLine.objects.filter(plan_id__in={x.plan_id for x in lines})
    }
    total = Decimal(0)
    for line in lines:
        up, covered = line.parent_id, False
        while up is not None and not covered:
            covered, up = up in listed, parents.get(up)
        if not covered:
            total += line.amount_million_vnd
    return total


@dataclass
class TargetPage:
    target: Target
    tasks: list[TaskRow]
    budget_lines: list[BudgetLine]
    total: Decimal


def target_page(*, plan: Plan, code: str, today: dt.date) -> TargetPage:
    """A target with the tasks that serve it and the money that funds those tasks."""
    target = plan.targets.select_related("section", "parent").filter(code=code).first()
    if target is None:
        raise NotFound("Không tìm thấy chỉ tiêu.")
    task_ids = set(am.TaskTargetLink.objects.filter(target=target).values_list("task_id", flat=True))
    lines = list(
        BudgetLine.objects.filter(task_links__task_id__in=task_ids)
        .select_related("programme")
        .distinct()
        .order_by("order")
    )
    rows = task_rows(plan=plan, today=today, only=task_ids)
    return TargetPage(target, rows, lines, stated_total(lines))


@dataclass
class BudgetLinePage:
    line: BudgetLine
    tasks: list[TaskRow]
    targets: list[Target]
    children: list[BudgetLine]


def budget_line_page(*, plan: Plan, code: str, today: dt.date) -> BudgetLinePage:
    """A budget line with the tasks it funds and the targets those tasks serve."""
    line = plan.budget_lines.select_related("programme", "parent").filter(code=code).first()
    if line is None:
        raise NotFound("Không tìm thấy dòng nguồn lực.")
    task_ids = set(am.TaskBudgetLink.objects.filter(budget_line=line).values_list("task_id", flat=True))
    targets = list(Target.objects.filter(task_links__task_id__in=task_ids).distinct().order_by("order"))
    return BudgetLinePage(
        line,
        task_rows(plan=plan, today=today, only=task_ids),
        targets,
        list(line.children.order_by("order")),
    )
