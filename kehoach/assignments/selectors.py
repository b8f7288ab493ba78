"""Reads of task tracking: progress rows with the roll-up, agencies' tasks, successors.

Progress is computed at read time from the stored leaves (rollup.py), so a parent's percent and
every overdue flag are always consistent with the data of the day (`today` is passed in, never
read from the clock here, so the same call gives the same answer in tests).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q

from kehoach.accounts import scope
from kehoach.agencies.models import Agency, AgencySuccession
from kehoach.assignments import models as am
from kehoach.assignments.choices import AssignmentRole, TaskStatus
from kehoach.assignments.rollup import Node, Progress, rollup
from kehoach.core.exceptions import NotFound
from kehoach.plans.models import Plan, Task
from kehoach.plans.selectors import plans_visible_to


@dataclass
class TaskRow:
    task: Task
    tracking: am.TaskTracking | None
    progress: Progress
    depth: int = 0
    role: str = ""  # for an agency's list: lead or coordinating
    inherited_from: list[Agency] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.progress.status

    @property
    def status_label(self) -> str:
        return str(TaskStatus(self.progress.status).label)

    @property
    def percent(self) -> Decimal:
        return self.progress.percent

    @property
    def due_on(self) -> dt.date | None:
        return self.tracking.due_on if self.tracking else None

    @property
    def is_demo(self) -> bool:
        return bool(self.tracking and self.tracking.is_demo)

    @property
    def role_label(self) -> str:
        return str(AssignmentRole(self.role).label) if self.role else ""


def _node(task: Task, tracking: am.TaskTracking | None) -> Node:
    if tracking is None:
        return Node(task.pk, task.parent_id, TaskStatus.NOT_STARTED, Decimal(0), Decimal(1), None)
    return Node(
        task.pk, task.parent_id, tracking.status, tracking.percent_complete, tracking.weight, tracking.due_on
    )


def _trackings(plan: Plan) -> dict[int, am.TaskTracking]:
    return {t.task_id: t for t in am.TaskTracking.objects.filter(task__plan=plan)}


def plan_progress(*, plan: Plan, today: dt.date) -> dict[int, Progress]:
    """Progress of every task of the plan, parents rolled up from their sub-tasks."""
    trackings = _trackings(plan)
    return rollup([_node(t, trackings.get(t.pk)) for t in plan.tasks.all()], today=today)


def task_rows(*, plan: Plan, today: dt.date, only: Iterable[int] | None = None) -> list[TaskRow]:
    """Rows for the plan's tasks in document order (all of them, or the ids in `only`)."""
    tasks = list(
        plan.tasks.select_related("plan", "lead", "parent", "section")
        .prefetch_related("coordinating")
        .order_by("order")
    )
    trackings = _trackings(plan)
    progress = rollup([_node(t, trackings.get(t.pk)) for t in tasks], today=today)
    parents = {t.pk: t.parent_id for t in tasks}
    wanted = set(only) if only is not None else None
    rows = []
    for t in tasks:
        if wanted is not None and t.pk not in wanted:
            continue
        depth, up = 0, t.parent_id
        while up is not None and depth < 10:
            depth, up = depth + 1, parents.get(up)
        rows.append(TaskRow(t, trackings.get(t.pk), progress[t.pk], depth))
    return rows


def status_counts(rows: Iterable[TaskRow]) -> list[tuple[str, str, int]]:
    """(status, label, number of rows) for every status, in the order of TaskStatus."""
    counts = dict.fromkeys(TaskStatus.values, 0)
    for row in rows:
        counts[row.status] += 1
    return [(value, str(label), counts[value]) for value, label in TaskStatus.choices]


def task_for(*, user: Any, plan: Plan, code: str) -> Task:
    """The plan's task with this code; the plan was resolved through the scope layer already."""
    task = plan.tasks.select_related("plan", "lead", "parent").filter(code=code).first()
    if task is None or not scope.can_view_plan(user, task.plan):
        raise NotFound("Không tìm thấy nhiệm vụ.")
    return task


def overdue_rows(*, plan: Plan, today: dt.date) -> list[TaskRow]:
    return sorted(
        (r for r in task_rows(plan=plan, today=today) if r.status == TaskStatus.OVERDUE),
        key=lambda r: (r.due_on or dt.date.max, r.task.order),
    )


def predecessors_of(agency: Agency) -> list[Agency]:
    """Bodies the agency succeeded, transitively (their open tasks are now the agency's)."""
    ids = scope.inherited_agency_ids(agency.pk) - {agency.pk}
    return list(Agency.objects.filter(pk__in=ids).order_by("code"))


def active_successors(agency: Agency, *, on: dt.date) -> list[Agency]:
    """Successors still in operation on `on`, following chains (a successor that ceased in turn)."""
    found: dict[int, Agency] = {}
    seen = {agency.pk}
    frontier = [agency]
    while frontier:
        links = AgencySuccession.objects.filter(predecessor__in=frontier).select_related(
            "successor__admin_unit__level"
        )
        frontier = []
        for link in links.order_by("successor__code"):
            succ = link.successor
            if succ.pk in seen:
                continue
            seen.add(succ.pk)
            if succ.valid_to is not None and succ.valid_to < on:
                frontier.append(succ)
            else:
                found[succ.pk] = succ
    return sorted(found.values(), key=lambda a: a.code)


def agency_task_rows(*, user: Any, agency: Agency, today: dt.date) -> list[TaskRow]:
    """Tasks the agency leads or coordinates, directly or as successor, in plans the user sees."""
    lineage = scope.inherited_agency_ids(agency.pk)
    plans = (
        plans_visible_to(user=user)
        .filter(Q(tasks__lead__in=lineage) | Q(tasks__coordinating__in=lineage))
        .distinct()
    )
    names = {a.pk: a for a in Agency.objects.filter(pk__in=lineage)}
    rows: list[TaskRow] = []
    for plan in plans.order_by("code"):
        for row in task_rows(plan=plan, today=today):
            coordinating = {a.pk for a in row.task.coordinating.all()}
            if row.task.lead_id in lineage:
                row.role, via = AssignmentRole.LEAD, row.task.lead_id
            elif coordinating & lineage:
                row.role, via = AssignmentRole.COORDINATING, min(coordinating & lineage)
            else:
                continue
            if via is not None and via != agency.pk:
                row.inherited_from = [names[via]]
            rows.append(row)
    return rows


@dataclass
class CeasedAgency:
    agency: Agency
    lead_tasks: int
    coordinating_tasks: int
    successors: list[Agency]
    default_lead: Agency | None


def default_lead_successor(successors: list[Agency]) -> Agency | None:
    """The one successor to lead by default: the only one, or the only one at the highest level.

    For the district ethnic-affairs office that is the provincial department (its commune successors
    take commune-level duties); when several successors stand level, the plan owner must choose.
    """
    if len(successors) == 1:
        return successors[0]
    ranked: dict[int, list[Agency]] = defaultdict(list)
    for a in successors:
        rank = a.admin_unit.level.rank if a.admin_unit and a.admin_unit.level else 99
        ranked[rank].append(a)
    if not ranked:
        return None
    top = ranked[min(ranked)]
    return top[0] if len(top) == 1 else None


def open_task_ids(*, plan: Plan, today: dt.date) -> set[int]:
    closed = {TaskStatus.DONE, TaskStatus.CANCELLED}
    return {pk for pk, p in plan_progress(plan=plan, today=today).items() if p.base_status not in closed}


def ceased_agencies(*, plan: Plan, today: dt.date) -> list[CeasedAgency]:
    """Agencies that ceased before `today` and still hold open tasks of the plan."""
    open_ids = open_task_ids(plan=plan, today=today)
    lead: dict[int, int] = defaultdict(int)
    coord: dict[int, int] = defaultdict(int)
    for task in plan.tasks.filter(pk__in=open_ids).prefetch_related("coordinating"):
        if task.lead_id:
            lead[task.lead_id] += 1
        for a in task.coordinating.all():
            coord[a.pk] += 1
    agencies = Agency.objects.filter(pk__in=set(lead) | set(coord), valid_to__lt=today)
    result = []
    for agency in agencies.select_related("admin_unit__level").order_by("code"):
        successors = active_successors(agency, on=today)
        result.append(
            CeasedAgency(
                agency, lead[agency.pk], coord[agency.pk], successors, default_lead_successor(successors)
            )
        )
    return result
