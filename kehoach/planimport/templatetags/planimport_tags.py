"""Template filters for drafts, whose items are mappings (the plan's own filters read models)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django import template
from django.db.models import TextChoices

from kehoach.core.templatetags.vn import target_goal
from kehoach.plans import choices as c

register = template.Library()

_CHOICES: dict[str, type[TextChoices]] = {
    "comparator": c.Comparator,
    "unit": c.TargetUnit,
    "target_kind": c.TargetKind,
    "sector": c.Sector,
    "task_kind": c.TaskKind,
    "source": c.FundingSource,
    "spending": c.SpendingKind,
    "obligation": c.ObligationKind,
    "frequency": c.Frequency,
}


@register.filter
def draft_goal(target: dict[str, Any]) -> str:
    """ "≥ 32 triệu đồng/người/năm" for a target of a draft."""
    return target_goal(SimpleNamespace(**target)) if target.get("quantified") else ""


@register.filter
def choice_label(value: Any, kind: str) -> str:
    """The Vietnamese label of a code of the data format (`"central"|choice_label:"source"`)."""
    choices = _CHOICES.get(kind)
    if value in (None, ""):
        return ""
    return str(dict(choices.choices).get(value, value)) if choices else str(value)
