"""The figure of one indicator at the units below the chosen one (latest year), with each
target's status there; only units the user may see data of are listed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kehoach.accounts import scope
from kehoach.analytics import pages
from kehoach.analytics.access import unit_choices
from kehoach.analytics.definitions import IndicatorValue
from kehoach.analytics.page_labels import status_text
from kehoach.analytics.results import indicator_cells
from kehoach.analytics.services import target_progress
from kehoach.analytics.targets import Status
from kehoach.indicators import models as im
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan


@dataclass(frozen=True)
class UnitStatus:
    target: str
    status: Status
    label: str


@dataclass(frozen=True)
class UnitRow:
    unit: OrgUnit
    year: int | None
    cell: IndicatorValue | None
    statuses: list[UnitStatus]


def units_below(*, user: Any, plan: Plan, unit: OrgUnit) -> list[OrgUnit]:
    """The plan's communes (old and new) below the plan's unit; the villages below a commune."""
    if unit.pk == plan.admin_unit_id:
        return unit_choices(user=user, plan=plan)[1:]
    below = OrgUnit.objects.filter(parent_links__parent=unit).exclude(pk=unit.pk).distinct().order_by("name")
    return [u for u in below if scope.can_view_data(user, u.pk)]


def unit_rows(
    *, user: Any, plan: Plan, unit: OrgUnit, indicator: im.Indicator, as_of: dt.date | None = None
) -> list[UnitRow]:
    below = units_below(user=user, plan=plan, unit=unit)
    if not below:
        return []
    cells = indicator_cells(indicators=[indicator.code], areas=[u.pk for u in below], as_of=as_of)
    rows = []
    for child in below:
        series = pages.yearly(cells, indicator.code, child.pk)
        latest = max(series) if series else None
        progress = target_progress(plan, child, as_of)
        statuses = [
            UnitStatus(r.target.code, r.judgement.status, status_text(r.judgement.status))
            for r in progress.rows
            if r.indicator is not None and r.indicator.pk == indicator.pk
        ]
        rows.append(UnitRow(child, latest, series.get(latest) if latest else None, statuses))
    return rows
