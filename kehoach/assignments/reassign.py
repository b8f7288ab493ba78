"""Moving tasks from a body that ceased to its successors, with history (who, when, why).

The district bodies ceased on 01/7/2025; their open tasks pass to the bodies named as successors in
AgencySuccession. plans.Task keeps the current lead and coordinating agencies (what `kehoach plan
export` shows); every move is also kept as a Reassignment row and an audit event, so the task page
can say who held the task before and why it moved. Done and cancelled tasks stay where they were:
they are history, and their report belongs to the body that did the work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kehoach.accounts import scope
from kehoach.agencies.models import Agency
from kehoach.assignments import models as am
from kehoach.assignments.choices import AssignmentRole, ReassignmentKind
from kehoach.assignments.selectors import active_successors, default_lead_successor, open_task_ids
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import PermissionDenied, ValidationFailed
from kehoach.core.text import nfc
from kehoach.plans.models import Plan, Task


@dataclass(frozen=True)
class ReassignmentResult:
    tasks: int
    moves: int


def _reason(reason: str) -> str:
    text = nfc(reason or "").strip()
    if not text:
        raise ValidationFailed("Hãy ghi lý do chuyển giao (ghi vào lịch sử nhiệm vụ).")
    return text[:1000]


def _ceased(agency: Agency, today: dt.date) -> None:
    if agency.valid_to is None or agency.valid_to >= today:
        raise ValidationFailed(f"{agency} chưa chấm dứt hoạt động; không chuyển giao nhiệm vụ.")


def _move(
    task: Task,
    from_agency: Agency,
    lead_to: Agency | None,
    coordinating_to: list[Agency],
    *,
    actor: Any,
    reason: str,
    kind: str,
    channel: Channel | str,
) -> int:
    """Replace `from_agency` on one task; returns the number of Reassignment rows written."""
    old_lead = task.lead
    old_coordinating = sorted(a.code for a in task.coordinating.all())
    moves: list[tuple[str, Agency]] = []
    if task.lead_id == from_agency.pk and lead_to is not None:
        task.lead = lead_to
        task.save(update_fields=["lead"])
        moves.append((AssignmentRole.LEAD, lead_to))
    was_coordinating = task.coordinating.filter(pk=from_agency.pk).exists()
    task.coordinating.remove(from_agency)
    for agency in coordinating_to:
        if agency.pk != task.lead_id and not task.coordinating.filter(pk=agency.pk).exists():
            task.coordinating.add(agency)
            moves.append((AssignmentRole.COORDINATING, agency))
    if was_coordinating and not any(role == AssignmentRole.COORDINATING for role, _ in moves):
        # The successor already leads or coordinates: the role is absorbed, still worth a history line.
        moves.append((AssignmentRole.COORDINATING, lead_to or task.lead or from_agency))
    name = (actor.get_username() if getattr(actor, "pk", None) else str(actor or "hệ thống"))[:150]
    for role, to in moves:
        am.Reassignment.objects.create(
            task=task,
            role=role,
            from_agency=from_agency,
            to_agency=to,
            kind=kind,
            reason=reason,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=name,
        )
    record_event(
        actor=actor,
        action="assignments.task.reassign",
        obj=task,
        changes={
            "lead": [getattr(old_lead, "code", None), getattr(task.lead, "code", None)],
            "coordinating": [old_coordinating, sorted(a.code for a in task.coordinating.all())],
            "from": from_agency.code,
        },
        channel=channel,
        reason=reason,
    )
    return len(moves)


@transaction.atomic
def reassign_task_to_successor(
    *,
    task: Task,
    from_agency: Agency,
    to_agency: Agency,
    actor: Any,
    reason: str,
    channel: Channel | str = Channel.WEB,
    today: dt.date | None = None,
) -> int:
    """Hand one task's role held by a ceased agency to one of its successors (plan owners)."""
    if not scope.can_manage_task_tracking(actor, task):
        raise PermissionDenied("Chỉ cơ quan chủ trì kế hoạch được chuyển giao nhiệm vụ.")
    today = today or timezone.localdate()
    text = _reason(reason)
    _ceased(from_agency, today)
    if to_agency not in active_successors(from_agency, on=today):
        raise ValidationFailed(f"{to_agency} không phải cơ quan kế thừa (đang hoạt động) của {from_agency}.")
    holds = task.lead_id == from_agency.pk or task.coordinating.filter(pk=from_agency.pk).exists()
    if not holds:
        raise ValidationFailed(f"{from_agency} không chủ trì hay phối hợp nhiệm vụ {task.code}.")
    is_lead = task.lead_id == from_agency.pk
    return _move(
        task,
        from_agency,
        to_agency if is_lead else None,
        [] if is_lead else [to_agency],
        actor=actor,
        reason=text,
        kind=ReassignmentKind.SUCCESSION,
        channel=channel,
    )


@transaction.atomic
def reassign_ceased_agency(
    *,
    plan: Plan,
    agency: Agency,
    actor: Any,
    reason: str,
    lead_successor: Agency | None = None,
    others_coordinate: bool = True,
    channel: Channel | str = Channel.WEB,
    today: dt.date | None = None,
) -> ReassignmentResult:
    """Move every open task of `plan` held by the ceased `agency` to its successors.

    Where it led, `lead_successor` leads (default: the only successor, or the only one at the
    highest level); with `others_coordinate` the other successors coordinate. Where it coordinated,
    all successors coordinate (each carries the part of the duty in its own area).
    """
    if not scope.can_change_plan(actor, plan):
        raise PermissionDenied("Chỉ cơ quan chủ trì kế hoạch được chuyển giao nhiệm vụ.")
    today = today or timezone.localdate()
    text = _reason(reason)
    _ceased(agency, today)
    successors = active_successors(agency, on=today)
    if not successors:
        raise ValidationFailed(f"{agency} chưa có cơ quan kế thừa; hãy bổ sung trong danh mục cơ quan.")
    lead_to = lead_successor or default_lead_successor(successors)
    if lead_successor is not None and lead_successor not in successors:
        raise ValidationFailed(f"{lead_successor} không phải cơ quan kế thừa (đang hoạt động) của {agency}.")
    ids = open_task_ids(plan=plan, today=today)
    tasks = list(
        plan.tasks.filter(pk__in=ids)
        .filter(Q(lead=agency) | Q(coordinating=agency))
        .distinct()
        .select_related("lead")
        .order_by("order")
    )
    if lead_to is None and any(t.lead_id == agency.pk for t in tasks):
        raise ValidationFailed(
            f"{agency} có nhiều cơ quan kế thừa cùng cấp; hãy chọn cơ quan chủ trì mới cho các nhiệm vụ."
        )
    moves = 0
    for task in tasks:
        leads = task.lead_id == agency.pk
        # Where it led, the new lead's fellow successors coordinate; where it coordinated, all do.
        keep_others = others_coordinate or not leads
        others = [s for s in successors if not leads or s != lead_to] if keep_others else []
        moves += _move(
            task,
            agency,
            lead_to if leads else None,
            others,
            actor=actor,
            reason=text,
            kind=ReassignmentKind.BULK_SUCCESSION,
            channel=channel,
        )
    return ReassignmentResult(len(tasks), moves)
