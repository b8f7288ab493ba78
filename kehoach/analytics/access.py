"""Which plan and unit a request may look at (out of scope: NotFound, answered 404)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from kehoach.accounts import scope
from kehoach.core.exceptions import NotFound
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_for


def unit_choices(*, user: Any, plan: Plan) -> list[OrgUnit]:
    """The plan's unit, the units directly under it and those formed from them in the 2025
    reorganisation (new communes), limited to the units the user may see data of (scope.py alone
    decides: a new commune under the province is listed only where the scope reaches it).
    Units that ended carry `valid_to`; the pages write it after the name ("đến 30/06/2025")."""
    if plan.admin_unit is None:
        return []
    area = plan.admin_unit
    below = OrgUnit.objects.filter(
        Q(parent_links__parent=area) | Q(predecessor_links__predecessor__parent_links__parent=area)
    )
    units = [area, *below.exclude(pk=area.pk).distinct().order_by("name")]
    return [u for u in units if scope.can_view_data(user, u.pk)]


def plan_and_unit(*, user: Any, code: str, unit_id: str | None) -> tuple[Plan, OrgUnit, list[OrgUnit]]:
    """The visible plan, the chosen unit (default: the plan's, else the first the user may see)."""
    plan = plan_for(user=user, code=code)
    choices = unit_choices(user=user, plan=plan)
    if not choices:
        raise NotFound("Không có đơn vị nào trong phạm vi của bạn.")
    if not unit_id:
        return plan, choices[0], choices
    chosen = next((u for u in choices if str(u.pk) == unit_id), None)
    if chosen is None:
        raise NotFound("Không tìm thấy đơn vị.")
    return plan, chosen, choices
