"""Progress against a plan's targets at one unit, always fresh.

The figures come through `results.indicator_cells` (the stored result table, kept up to date in
the transaction of every approval, or the engine on demand over the unit's members), and the pure
`judge` decides each quantified target: an approval shows at the next request.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.analytics import coverage, plan_targets, results, selectors
from kehoach.analytics.definitions import TOTAL, IndicatorValue, ValueStatus
from kehoach.analytics.explain import growth_note, stated_places
from kehoach.analytics.judgement import judge
from kehoach.analytics.labels import STATUS_TEXT
from kehoach.analytics.targets import Judgement, JudgementSettings, Status, TargetKind, TargetSpec
from kehoach.core.recent import definitions_max_age
from kehoach.indicators import models as im
from kehoach.indicators.choices import IndicatorType
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.choices import Sector
from kehoach.plans.models import Plan, Target

_SYMBOLS = {">=": "≥", "<=": "≤"}
_LEVEL_KINDS = (TargetKind.LEVEL, TargetKind.ELIMINATION, TargetKind.RELATIVE_TO_MEASURE)
_MAX_PLACES = 6


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    indicator: im.Indicator | None
    judgement: Judgement
    reasons: tuple[str, ...] = ()  # why figures are approximate (2025 reorganisation), Vietnamese
    # How the judged figures (latest, level, trajectory, gap, forecast) are written: the measure's
    # unit, or, for a growth target on a rate of change, the unit of the rate's level.
    unit_label: str = ""
    level_note: str = ""  # growth on a rate: "mức cần đạt để tăng ít nhất 6%/năm từ năm gốc"
    series: str = ""  # the indicator whose yearly figures were judged (a rate's level for growth)

    @property
    def decimals(self) -> int:
        """Places shown: the indicator's (one without an indicator), and at least as many as the
        target's value was stated with where figures are compared with that value ("trên 99,95%")."""
        places = self.indicator.decimals if self.indicator else 1
        if self.target.kind in _LEVEL_KINDS:  # the stated value (the plan's, or the unit's own) is the level
            stated = [v for v in (self.target.value, self.judgement.target_level) if v is not None]
            places = max([places, *(min(stated_places(v), _MAX_PLACES) for v in stated)])
        return places

    @property
    def unit_suffix(self) -> str:
        """The unit as written after a figure: "99,95%", "30,5 triệu đồng/người/năm"."""
        if not self.unit_label:
            return ""
        return self.unit_label if self.unit_label.startswith("%") else f" {self.unit_label}"

    @property
    def met(self) -> bool:
        """The latest figure meets the target (its gap is 0: shown as "đã đạt")."""
        return self.judgement.status is Status.ACHIEVED

    @property
    def comparator_symbol(self) -> str:
        return _SYMBOLS.get(self.judgement.comparator.value, self.judgement.comparator.value)

    @property
    def status_label(self) -> str:
        return str(STATUS_TEXT[self.judgement.status])


@dataclass(frozen=True)
class MilestoneGroup:
    year: int
    counts: Mapping[Status, int]
    rows: list[TargetProgress]


@dataclass(frozen=True)
class SectorGroup:
    label: str
    counts: Mapping[Status, int]


@dataclass(frozen=True)
class PlanProgress:
    plan: Plan
    unit: OrgUnit
    as_of: dt.date
    statuses: frozenset[ValueStatus]
    rows: list[TargetProgress]
    measured: tuple[plan_targets.MeasuredTarget, ...] = ()  # what was judged, for pages that need the specs

    def milestones(self) -> list[MilestoneGroup]:
        years = sorted({row.judgement.milestone_year for row in self.rows})
        groups = []
        for year in years:
            rows = [r for r in self.rows if r.judgement.milestone_year == year]
            counted = Counter(r.judgement.status for r in rows)
            groups.append(MilestoneGroup(year, {s: counted.get(s, 0) for s in Status}, rows))
        return groups

    def sectors(self) -> list[SectorGroup]:
        """Status counts per sector, in the order of the sector choices (no sector: "Khác")."""
        counted: dict[str, Counter[Status]] = {}
        for r in self.rows:
            counted.setdefault(r.target.sector or Sector.OTHER, Counter())[r.judgement.status] += 1
        return [
            SectorGroup(str(label), {s: counted[value].get(s, 0) for s in Status})
            for value, label in Sector.choices
            if value in counted
        ]

    def row(self, code: str) -> TargetProgress | None:
        return next((r for r in self.rows if r.target.code == code), None)


def _yearly(
    cells: Mapping[tuple[str, int, str, str], IndicatorValue], code: str, unit: int, last_year: int
) -> dict[int, IndicatorValue]:
    """Yearly totals up to `last_year`: a judgement as at a date (a report's "tính đến ngày") must
    not use figures of later years entered since."""
    return {
        int(period): cell
        for (indicator, at, period, coc), cell in cells.items()
        if indicator == code and at == unit and coc == TOTAL and period.isdigit() and int(period) <= last_year
    }


def _series_code(row: plan_targets.MeasuredTarget) -> str | None:
    """The indicator whose yearly totals are judged: a growth target judges the level of a rate."""
    if row.measure is None:
        return None
    if row.spec.kind is TargetKind.GROWTH_PER_YEAR and row.measure.type == IndicatorType.RATE_OF_CHANGE:
        return row.measure.code + selectors.LEVEL_SUFFIX
    return row.measure.code


def _level_spec(spec: TargetSpec, rate: im.Indicator) -> tuple[TargetSpec, str]:
    """A growth target judged on the level of a rate of change: the spec names that level and its
    unit (the numerator's, over the denominator's for a ratio), so every figure reads as a level."""
    num, den = rate.numerator, rate.denominator
    name = num.name if den is None else f"{num.name} / {den.name}"
    unit = num.unit_label if den is None else f"{num.unit_label}/{den.unit_label}"
    return replace(spec, measure=name, measure_unit=unit), unit


def target_progress(
    plan: Plan,
    unit: OrgUnit | None = None,
    as_of: dt.date | None = None,
    *,
    statuses: frozenset[ValueStatus] | None = None,
) -> PlanProgress:
    """Each quantified target of `plan` judged at `unit` (default: the plan's unit) on `as_of`."""
    unit = unit or plan.admin_unit
    if unit is None:
        raise ValueError("Kế hoạch chưa có địa bàn.")
    as_of = as_of or timezone.localdate()
    statuses = statuses or selectors.counted_statuses()
    measured = plan_targets.measured_targets(plan=plan)
    codes = {c for m in measured for c in (_series_code(m), m.reference.code if m.reference else None) if c}
    cells = results.indicator_cells(indicators=codes, areas=[unit.pk], as_of=as_of, statuses=statuses)
    stored = plan_targets.baselines(indicators=[m.measure.pk for m in measured if m.measure], unit=unit.pk)
    own = plan_targets.unit_targets(plan=plan, unit=unit.pk)  # a commune's own plan, where it has one
    settings = JudgementSettings(current_year=as_of.year)
    awaited = _coverage(measured, cells, unit.pk, as_of, statuses)
    rows = []
    for row in measured:
        code = _series_code(row)
        spec, unit_label = row.spec, plan_targets.MEASURE_UNITS.get(row.target.unit, "")
        if row.measure is not None and code != row.measure.code:
            spec, unit_label = _level_spec(row.spec, row.measure)
        elif spec.kind is TargetKind.RELATIVE_TO_MEASURE:
            unit_label = "%"  # the measure as a percentage of the reference
        elif row.measure is not None:
            unit_label = row.measure.unit_label
        series = _yearly(cells, code, unit.pk, as_of.year) if code else {}
        reference = _yearly(cells, row.reference.code, unit.pk, as_of.year) if row.reference else {}
        waiting = awaited.waiting(row, {*series, *reference})  # years whose reports are still awaited
        series = {y: c for y, c in series.items() if y not in waiting}
        reference = {y: c for y, c in reference.items() if y not in waiting}
        relative = row.spec.kind is TargetKind.RELATIVE_TO_MEASURE
        cells_used = [*series.items(), *reference.items()]
        baseline = (
            None
            if relative or row.measure is None or code != row.measure.code
            else stored.get(row.measure.pk)
        )
        judgement = judge(
            spec,
            unit.pk,
            {year: cell.value for year, cell in series.items()},
            settings,
            baseline=baseline,
            reference={year: cell.value for year, cell in reference.items()} if relative else None,
            approximate_years={y for y, c in cells_used if c.approximate},
            override=own.get(row.spec.code),
            unit_name=unit.name,
        )
        reasons = dict.fromkeys([*(r for _y, c in cells_used for r in c.reasons), *waiting.values()])
        note = growth_note(row.spec, settings) if spec is not row.spec else ""
        if judgement.source == "unit" and note:
            note = growth_note(replace(row.spec, value=own[row.spec.code].value or row.spec.value), settings)
        rows.append(
            TargetProgress(row.target, row.measure, judgement, tuple(reasons), unit_label, note, code or "")
        )
    return PlanProgress(plan, unit, as_of, statuses, rows, tuple(measured))


def _elements(prep: selectors.Prepared, row: plan_targets.MeasuredTarget) -> set[str]:
    codes = [c for c in (_series_code(row), row.reference.code if row.reference else None) if c]
    compiled = prep.compiled
    return {e for c in codes if c in compiled.by_indicator for e in coverage.elements_of(compiled, c)}


@dataclass(frozen=True)
class _Awaited:
    """Per target, the years whose figure may not judge yet (coverage.py), with the reason."""

    prep: selectors.Prepared
    cover: coverage.YearCoverage

    def waiting(self, row: plan_targets.MeasuredTarget, years: set[int]) -> dict[int, str]:
        elements = _elements(self.prep, row)
        found = {year: self.cover.pending(elements, year) for year in sorted(years)}
        return {year: coverage.pending_note(year, forms) for year, forms in found.items() if forms}


def _coverage(
    measured: list[plan_targets.MeasuredTarget],
    cells: Mapping[tuple[str, int, str, str], IndicatorValue],
    unit: int,
    as_of: dt.date,
    statuses: frozenset[ValueStatus],
) -> _Awaited:
    prep = selectors.prepared(as_of=as_of, max_age=definitions_max_age())
    elements = {e for row in measured for e in _elements(prep, row)}
    years = {int(p) for (_i, at, p, c) in cells if at == unit and c == TOTAL and p.isdigit()}
    cover = coverage.YearCoverage(
        geography=prep.geography,
        area=unit,
        elements=elements,
        years={y for y in years if y <= as_of.year},
        statuses=statuses,
        today=timezone.localdate(),  # like the statuses: what counts now, whatever the as-at date
    )
    return _Awaited(prep, cover)


def counted_label(statuses: frozenset[ValueStatus]) -> str:
    """Vietnamese statement of which values count (shown on every view)."""
    if ValueStatus.SUBMITTED in statuses or ValueStatus.DRAFT in statuses:
        if ValueStatus.DRAFT in statuses:
            return _("Tính mọi số liệu đã nhập, kể cả chưa gửi.")
        return _("Tính số liệu đã phê duyệt và số liệu đã gửi chờ phê duyệt.")
    return _("Chỉ tính số liệu đã được phê duyệt.")
