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
def set_link(*, task: Task, other: Target | BudgetLine, actor: Any, channel: Channel | str, on: bool) -> bool:
    """Add (on) or remove a task's link to a target or a budget line; audited only when it changed."""
    _allowed(actor, task, other)
    model, field, name = (
        (am.TaskTargetLink, "target", "target")
        if isinstance(other, Target)
        else (am.TaskBudgetLink, "budget_line", "budget")
    )
    lookup: dict[str, Any] = {"task": task, field: other}
    if on:
        _, changed = model.objects.get_or_create(**lookup)
    else:
        changed = bool(model.objects.filter(**lookup).delete()[0])
    if changed:
        record_event(
            actor=actor,
            action=f"assignments.link.{name}.{'add' if on else 'remove'}",
            obj=task,
            changes={field: other.code},
            channel=channel,
        )
    return changed


@transaction.atomic
def link_target(*, task: Task, target: Target, actor: Any, channel: Channel | str = Channel.WEB) -> bool:
    return set_link(task=task, other=target, actor=actor, channel=channel, on=True)


@transaction.atomic
def unlink_target(*, task: Task, target: Target, actor: Any, channel: Channel | str = Channel.WEB) -> bool:
    return set_link(task=task, other=target, actor=actor, channel=channel, on=False)


@transaction.atomic
def link_budget_line(
    *, task: Task, budget_line: BudgetLine, actor: Any, channel: Channel | str = Channel.WEB
) -> bool:
    return set_link(task=task, other=budget_line, actor=actor, channel=channel, on=True)


@transaction.atomic
def unlink_budget_line(
    *, task: Task, budget_line: BudgetLine, actor: Any, channel: Channel | str = Channel.WEB
) -> bool:
    return set_link(task=task, other=budget_line, actor=actor, channel=channel, on=False)
