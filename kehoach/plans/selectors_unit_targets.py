"""Reads of units' own targets: which units may have one, which years, what is set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from kehoach.accounts.scope import can_view_data
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan, Target, UnitTarget


def target_area(*, plan: Plan) -> QuerySet[OrgUnit]:
    """Units that may set their own targets for the plan: the units directly under the plan's unit
    and those formed from them in the 2025 reorganisation (a new commune keeps its former communes'
    plan). Villages are left out: a commune's own plan covers its villages."""
    if plan.admin_unit_id is None:
        return OrgUnit.objects.none()
    area = plan.admin_unit_id
    return (
        OrgUnit.objects.filter(
            Q(parent_links__parent=area) | Q(predecessor_links__predecessor__parent_links__parent=area)
        )
        .exclude(pk=area)
        .distinct()
        .order_by("name")
    )


def area_units_for(*, user: Any, plan: Plan) -> list[OrgUnit]:
    """The units of the plan's area whose targets the user may look at (the same rule as their data)."""
    return [u for u in target_area(plan=plan) if can_view_data(user, u.pk)]


def quantified_targets(*, plan: Plan) -> QuerySet[Target]:
    """The targets a unit may set its own value for (qualitative ones have no value)."""
    return (
        Target.objects.filter(plan=plan, quantified=True)
        .exclude(kind="qualitative")
        .order_by("milestone_year", "order")
    )


def _plan_years(plan: Plan) -> set[int]:
    return set(Target.objects.filter(plan=plan).values_list("milestone_year", flat=True))


def _milestones(plan_years: set[int], period_start: int, milestone_year: int) -> list[int]:
    """A unit may aim at the target's milestone or an earlier milestone of the plan within its
    period (a commune may commit to reach a 2030 target by 2025, never to postpone it)."""
    return sorted({y for y in plan_years if period_start <= y <= milestone_year} | {milestone_year})


def target_milestones(*, target: Target) -> list[int]:
    return _milestones(_plan_years(target.plan), target.plan.period_start, target.milestone_year)


@dataclass(frozen=True)
class UnitTargetRow:
    """A plan target beside the unit's own target, if it has one."""

    target: Target
    own: UnitTarget | None
    milestones: list[int]


def unit_target_rows(*, plan: Plan, unit: OrgUnit) -> list[UnitTargetRow]:
    targets = list(quantified_targets(plan=plan))
    own = {u.target_id: u for u in UnitTarget.objects.filter(target__in=targets, unit=unit)}
    years = _plan_years(plan)
    return [
        UnitTargetRow(t, own.get(t.pk), _milestones(years, plan.period_start, t.milestone_year))
        for t in targets
    ]


def unit_targets_of(*, plan: Plan, units: list[int] | None = None) -> QuerySet[UnitTarget]:
    """Units' own targets of the plan (optionally of some units), in the plan's order."""
    rows = UnitTarget.objects.filter(target__plan=plan).select_related("target", "unit", "set_by")
    return rows.filter(unit_id__in=units) if units is not None else rows
