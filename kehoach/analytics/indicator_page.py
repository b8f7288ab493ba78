"""The indicator page's figures: actual vs trajectory vs target by year, by unit, by breakdown.

Figures come only from `results.indicator_cells` and judgements only from
`services.target_progress`; this module shapes them (pure parts in pages.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kehoach.analytics import comparison, pages, plan_targets
from kehoach.analytics.definitions import IndicatorValue
from kehoach.analytics.indicator_units import UnitRow, unit_rows
from kehoach.analytics.results import indicator_cells
from kehoach.analytics.services import PlanProgress, TargetProgress, target_progress
from kehoach.analytics.targets import TargetKind, TargetSpec
from kehoach.core.exceptions import NotFound
from kehoach.indicators import models as im
from kehoach.indicators.choices import IndicatorType
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan


@dataclass(frozen=True)
class TargetLine:
    """One target measured by the indicator; `charted` when its judged quantity is the indicator
    itself (a relative target is judged on a quotient, a growth target on a rate's level)."""

    row: TargetProgress
    spec: TargetSpec
    charted: bool
    trajectory: dict[int, Decimal]


@dataclass(frozen=True)
class YearRow:
    year: int
    actual: IndicatorValue | None
    trajectories: list[Decimal | None]  # one per charted target, in `lines` order
    targets: list[TargetLine]  # the targets whose milestone is this year


@dataclass(frozen=True)
class BreakdownRow:
    code: str
    name: str
    cell: IndicatorValue


@dataclass(frozen=True)
class Breakdown:
    name: str
    year: int
    rows: list[BreakdownRow]


@dataclass(frozen=True)
class IndicatorPage:
    plan: Plan
    unit: OrgUnit
    indicator: im.Indicator
    progress: PlanProgress
    lines: list[TargetLine]
    years: list[YearRow]
    units: list[UnitRow]
    breakdowns: list[Breakdown]
    comparisons: list[comparison.Table]
    chart: dict[str, Any]

    @property
    def decimals(self) -> int:
        """Places of the figures: the indicator's, or more where a charted target was stated with
        more ("trên 99,95%"), so that no figure compared with it is rounded onto it."""
        return max([self.indicator.decimals, *(line.row.decimals for line in self.charted)])

    @property
    def charted(self) -> list[TargetLine]:
        return [line for line in self.lines if line.charted]


def plan_indicator(plan: Plan, code: str) -> im.Indicator:
    """An indicator measuring (or referenced by) one of the plan's targets; otherwise NotFound."""
    found = im.Indicator.objects.filter(code=code, target_links__target__plan=plan).distinct().first()
    if found is None:
        raise NotFound(_("Không tìm thấy chỉ số."))
    return found


def _lines(progress: PlanProgress, indicator: im.Indicator, years: range) -> list[TargetLine]:
    measured = progress.measured or plan_targets.measured_targets(plan=progress.plan)
    specs = {m.target.code: m.spec for m in measured}
    lines = []
    for row in progress.rows:
        if row.indicator is None or row.indicator.pk != indicator.pk:
            continue
        spec = pages.as_judged(specs[row.target.code], row.judgement)
        on_level = spec.kind is TargetKind.GROWTH_PER_YEAR and indicator.type == IndicatorType.RATE_OF_CHANGE
        charted = spec.kind is not TargetKind.RELATIVE_TO_MEASURE and not on_level
        j = row.judgement
        path = pages.trajectory_by_year(spec, j.baseline, j.target_level, years) if charted else {}
        lines.append(TargetLine(row, spec, charted, path))
    return lines


def _span(series: dict[int, IndicatorValue], progress: PlanProgress, indicator: im.Indicator) -> range:
    years = set(series)
    for row in progress.rows:
        if row.indicator is not None and row.indicator.pk == indicator.pk:
            years.add(row.judgement.milestone_year)
            if row.judgement.baseline is not None:
                years.add(row.judgement.baseline.year)
    return range(min(years), max(years) + 1) if years else range(0)


def _breakdowns(
    cells: dict[Any, IndicatorValue], code: str, unit: int, latest: int | None
) -> list[Breakdown]:
    if latest is None:
        return []
    combos = pages.by_combo(cells, code, unit, latest)
    if not combos:
        return []
    names = im.CategoryOptionCombo.objects.filter(code__in=combos).select_related("combo")
    groups: dict[str, list[BreakdownRow]] = {}
    for coc in names.order_by("combo__code", "order", "code"):
        groups.setdefault(coc.combo.name, []).append(BreakdownRow(coc.code, coc.name, combos[coc.code]))
    return [Breakdown(name, latest, rows) for name, rows in groups.items()]


def indicator_page(
    *, user: Any, plan: Plan, unit: OrgUnit, code: str, as_of: dt.date | None = None, with_units: bool = True
) -> IndicatorPage:
    """Everything the page shows; `with_units=False` leaves out the units below (one judgement per
    unit, the slow part), which the page then loads separately (`indicator_units` view)."""
    indicator = plan_indicator(plan, code)
    progress = target_progress(plan, unit, as_of)
    cells = indicator_cells(indicators=[indicator.code], areas=[unit.pk], as_of=as_of)
    series = pages.yearly(cells, indicator.code, unit.pk)
    span = _span(series, progress, indicator)
    lines = _lines(progress, indicator, span)
    charted = [line for line in lines if line.charted]
    years = [
        YearRow(
            y,
            series.get(y),
            [line.trajectory.get(y) for line in charted],
            [line for line in charted if line.spec.milestone_year == y],
        )
        for y in span
    ]
    chart = pages.chart_payload(
        list(span),
        _("Thực hiện"),
        {y: c.value for y, c in series.items()},
        [
            (
                _("Lộ trình %(target)s") % {"target": line.row.target.code},
                line.row.target.code,
                line.trajectory,
            )
            for line in charted
        ],
        [
            (
                _("Mục tiêu %(target)s") % {"target": line.row.target.code},
                line.row.target.code,
                line.spec.milestone_year,
                level,
            )
            for line in charted
            if (level := line.row.judgement.target_level) is not None
        ],
    )
    return IndicatorPage(
        plan=plan,
        unit=unit,
        indicator=indicator,
        progress=progress,
        lines=lines,
        years=years,
        units=unit_rows(user=user, plan=plan, unit=unit, indicator=indicator, as_of=as_of)
        if with_units
        else [],
        breakdowns=_breakdowns(cells, indicator.code, unit.pk, max(series) if series else None),
        comparisons=comparison.tables(
            plan, unit.pk, only=indicator.code, as_of=as_of, measured=progress.measured or None
        ),
        chart=chart,
    )
