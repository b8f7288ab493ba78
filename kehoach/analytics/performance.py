"""Indicator performance table: for each target and year, the level to be at (trajectory, or the
target itself in the milestone year), the actual judged quantity, the percent of target and the
target's status; filtered by sector, milestone and status. The page, the API and the Excel file
are all built from `performance_table`, so the download is exactly the table shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from kehoach.analytics import pages, plan_targets
from kehoach.analytics.judgement import meets
from kehoach.analytics.page_labels import status_symbol, status_text
from kehoach.analytics.results import indicator_cells
from kehoach.analytics.selectors import LEVEL_SUFFIX
from kehoach.analytics.services import PlanProgress, TargetProgress, target_progress
from kehoach.analytics.targets import Status, TargetKind
from kehoach.indicators.choices import IndicatorType
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.choices import Sector
from kehoach.plans.models import Plan


@dataclass(frozen=True)
class Filters:
    sector: str = ""
    milestone: int | None = None
    status: str = ""

    def keeps(self, row: TargetProgress) -> bool:
        sector = row.target.sector or Sector.OTHER
        j = row.judgement
        return (
            (not self.sector or sector == self.sector)
            and (self.milestone is None or j.milestone_year == self.milestone)
            and (not self.status or j.status.value == self.status)
        )


@dataclass(frozen=True)
class PerformanceRow:
    progress: TargetProgress
    year: int | None
    target_value: Decimal | None  # the trajectory that year; the target level in the milestone year
    milestone: bool
    actual: Decimal | None
    percent: Decimal | None  # actual ÷ target value × 100
    on_path: bool | None  # the actual meets the target value of its year
    approximate: bool

    @property
    def decimals(self) -> int:
        return self.progress.decimals

    @property
    def shows_status(self) -> bool:
        """The overall status is the whole target's, shown on its milestone row only (and on the
        one row of a target without years), not beside every year's own comparison."""
        return self.milestone or self.year is None

    @property
    def status(self) -> Status:
        return self.progress.judgement.status

    @property
    def status_label(self) -> str:
        return status_text(self.status)

    @property
    def symbol(self) -> str:
        return status_symbol(self.status)

    def shown(self, value: Decimal | None, places: int | None = None) -> Decimal | None:
        """Rounded as displayed (the page, the API's display fields and the Excel file agree)."""
        if value is None:
            return None
        places = self.decimals if places is None else places
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class PerformanceTable:
    progress: PlanProgress
    filters: Filters
    rows: list[PerformanceRow]


def _series_code(row: plan_targets.MeasuredTarget) -> str | None:
    """A growth target on a rate of change is judged on the rate's level (as target_progress does)."""
    if row.measure is None:
        return None
    if row.spec.kind is TargetKind.GROWTH_PER_YEAR and row.measure.type == IndicatorType.RATE_OF_CHANGE:
        return row.measure.code + LEVEL_SUFFIX
    return row.measure.code


def _years(row: TargetProgress, actuals: dict[int, Decimal], now: int) -> list[int]:
    j = row.judgement
    if j.baseline is None:
        return []
    last = j.milestone_year
    return [y for y in range(j.baseline.year, last + 1) if y <= now or y == last or y in actuals]


def performance_table(
    plan: Plan, unit: OrgUnit, filters: Filters, as_of: dt.date | None = None
) -> PerformanceTable:
    as_of = as_of or timezone.localdate()
    progress = target_progress(plan, unit, as_of)
    measured = {m.target.code: m for m in plan_targets.measured_targets(plan=plan)}
    codes = {c for m in measured.values() for c in (_series_code(m), m.reference and m.reference.code) if c}
    cells = indicator_cells(indicators=codes, areas=[unit.pk], as_of=as_of)
    rows: list[PerformanceRow] = []
    for target in progress.rows:
        if not filters.keeps(target):
            continue
        m = measured[target.target.code]
        code = _series_code(m)
        series = pages.yearly(cells, code, unit.pk) if code else {}
        reference = pages.yearly(cells, m.reference.code, unit.pk) if m.reference else {}
        j = target.judgement
        spec = pages.as_judged(m.spec, j)
        actuals = pages.judged_actuals(spec, series, reference)
        years = _years(target, actuals, as_of.year)
        path = pages.trajectory_by_year(spec, j.baseline, j.target_level, years)
        if not years:
            rows.append(PerformanceRow(target, None, j.target_level, True, None, None, None, False))
        for y in years:
            level, actual = path.get(y), actuals.get(y)
            used = [c for c in (series.get(y), reference.get(y)) if c is not None]
            rows.append(
                PerformanceRow(
                    target,
                    y,
                    level,
                    y == j.milestone_year,
                    actual,
                    pages.percent_of(actual, level),
                    # The baseline year is where the path starts, not a level to reach: no verdict.
                    None
                    if actual is None or level is None or (j.baseline is not None and y == j.baseline.year)
                    else meets(actual, j.comparator, level),
                    any(c.approximate for c in used),
                )
            )
    return PerformanceTable(progress, filters, rows)


def filter_choices(progress: PlanProgress) -> dict[str, list[tuple[str, str]]]:
    """What the filters offer: sectors and milestones present in the plan, every status."""
    sectors = {r.target.sector or Sector.OTHER for r in progress.rows}
    return {
        "sectors": [(str(v), str(label)) for v, label in Sector.choices if v in sectors],
        "milestones": [(str(y), str(y)) for y in sorted({r.judgement.milestone_year for r in progress.rows})],
        "statuses": [(s.value, status_text(s)) for s in Status],
    }


def parse_filters(sector: str | None, milestone: str | None, status: str | None) -> Filters:
    """Filters from a query string; an unknown value is ignored rather than failing the page."""
    sector = sector if sector in Sector.values else ""
    status = status if status in {s.value for s in Status} else ""
    year = int(milestone) if milestone and milestone.isdigit() and len(milestone) == 4 else None
    return Filters(sector or "", year, status or "")
