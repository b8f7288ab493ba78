"""Links between a task, the targets it serves and the budget lines that fund it (plan owners).

Links are between elements of the same plan; each add or removal is audited. Adding an existing
link or removing a missing one changes nothing and returns False (a repeated form post is harmless).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kehoach.accounts import scope
from kehoach.assignments import models as am
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import PermissionDenied, ValidationFailed
from kehoach.plans.models import BudgetLine, Target, Task


def _allowed(actor: Any, task: Task, other: Target | BudgetLine) -> None:
    if not scope.can_manage_task_tracking(actor, task):
        raise PermissionDenied("Chỉ cơ quan chủ trì kế hoạch được sửa liên kết của nhiệm vụ.")
    if other.plan_id != task.plan_id:
        raise ValidationFailed(f"{other.code} không thuộc cùng kế hoạch với nhiệm vụ {task.code}.")


@transaction.atomic
def link_target(*, task: Task, target: Target, actor: Any, channel: Channel | str = Channel.WEB) -> bool:
    _allowed(actor, task, target)
    _, created = am.TaskTargetLink.objects.get_or_create(task=task, target=target)
    if created:
        record_event(
            actor=actor,
            action="assignments.link.target.add",
            obj=task,
            changes={"target": target.code},
            channel=channel,
        )
    return created


@transaction.atomic
def unlink_target(*, task: Task, target: Target, actor: Any, channel: Channel | str = Channel.WEB) -> bool:
    _allowed(actor, task, target)
    deleted, _ = am.TaskTargetLink.objects.filter(task=task, target=target).delete()
    if deleted:
        record_event(
            actor=actor,
            action="assignments.link.target.remove",
            obj=task,
            changes={"target": target.code},
            channel=channel,
        )
    return bool(deleted)


@transaction.atomic
def link_budget_line(
    *, task: Task, budget_line: BudgetLine, actor: Any, channel: Channel | str = Channel.WEB
) -> bool:
    _allowed(actor, task, budget_line)
    _, created = am.TaskBudgetLink.objects.get_or_create(task=task, budget_line=budget_line)
    if created:
        record_event(
            actor=actor,
            action="assignments.link.budget.add",
            obj=task,
            changes={"budget_line": budget_line.code},
            channel=channel,
        )
    return created


@transaction.atomic
def unlink_budget_line(
    *, task: Task, budget_line: BudgetLine, actor: Any, channel: Channel | str = Channel.WEB
) -> bool:
    _allowed(actor, task, budget_line)
    deleted, _ = am.TaskBudgetLink.objects.filter(task=task, budget_line=budget_line).delete()
    if deleted:
        record_event(
            actor=actor,
            action="assignments.link.budget.remove",
            obj=task,
            changes={"budget_line": budget_line.code},
            channel=channel,
        )
    return bool(deleted)
