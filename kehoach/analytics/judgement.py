"""Target judgement: where a unit stands against a target, and why (pure; docs/domain/analytics.md).

Every kind of target is brought to one shape: a yearly series of the judged quantity, a baseline,
and the level it must reach at the milestone with a comparator.

- level, elimination (level 0): the measure itself against the stated value.
- relative_to_measure: the measure as a percentage of the reference measure, year by year.
- change_per_year (points per year): level = baseline ± rate × years to the milestone (kept within
  0–100 for a percentage); "decrease by at least 4 points" becomes "at most that level".
- reduction_from_baseline (percent of baseline): level = baseline × (1 ∓ p/100).
- growth_per_year (percent per year, compound): level = baseline × (1 ± g/100)^years; its
  trajectory and trend are geometric (straight in logarithms), the others linear.
- a sub-target ("trong đó") is judged on its own measure and names its parent.

Status, in order: no data (nothing observed, or only the baseline and the target not met);
achieved (the latest value meets the target); not achieved once a figure for the milestone year
(or later) is known and misses; otherwise the forecast at the milestone from the least-squares trend of the observations
(baseline included) decides (none once the milestone's figure is known):
on track if it meets the target, at risk if it falls short by at most
`at_risk_band` of the change the plan asks for, off track beyond. With fewer than `min_points`
observations, the latest value against the trajectory decides instead.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from decimal import Decimal

from kehoach.analytics.explain import explain_judgement
from kehoach.analytics.targets import (
    Baseline,
    Comparator,
    Direction,
    Explanation,
    Judgement,
    JudgementSettings,
    Status,
    TargetKind,
    TargetSpec,
    UnitTarget,
)
from kehoach.analytics.trend import CONTEXT, Trend, exp, growth_trend, linear_trend, power

HUNDRED = Decimal(100)
_FLIPPED = {
    Comparator.GTE: Comparator.LTE,
    Comparator.GT: Comparator.LT,
    Comparator.LTE: Comparator.GTE,
    Comparator.LT: Comparator.GT,
    Comparator.EQ: Comparator.EQ,
}


def meets(value: Decimal, comparator: Comparator, level: Decimal, tolerance: Decimal = Decimal(0)) -> bool:
    if comparator is Comparator.GTE:
        return value >= level
    if comparator is Comparator.GT:
        return value > level
    if comparator is Comparator.LTE:
        return value <= level
    if comparator is Comparator.LT:
        return value < level
    return abs(value - level) <= tolerance


def shortfall(
    value: Decimal, comparator: Comparator, level: Decimal, tolerance: Decimal = Decimal(0)
) -> Decimal:
    """What is still to go from `value` to `level` in the direction the target asks for: positive
    while short (an "at least" target below its level, an "at most" one above it), 0 once there."""
    if comparator in (Comparator.GTE, Comparator.GT):
        missing = level - value
    elif comparator in (Comparator.LTE, Comparator.LT):
        missing = value - level
    else:
        missing = abs(value - level) - tolerance
    return max(missing, Decimal(0))


def effective_target(target: TargetSpec, override: UnitTarget | None) -> tuple[TargetSpec, str]:
    """The unit's own target where it sets one, the plan's otherwise."""
    if override is None:
        return target, "plan"
    return (
        TargetSpec(
            code=target.code,
            kind=target.kind,
            comparator=override.comparator or target.comparator,
            value=target.value if override.value is None else override.value,
            milestone_year=override.milestone_year or target.milestone_year,
            direction=target.direction,
            measure=target.measure,
            measure_unit=target.measure_unit,
            parent=target.parent,
            reference=target.reference,
        ),
        "unit",
    )


def judged_series(
    target: TargetSpec, series: Mapping[int, Decimal], reference: Mapping[int, Decimal] | None
) -> dict[int, Decimal]:
    if target.kind is not TargetKind.RELATIVE_TO_MEASURE:
        return dict(series)
    other = reference or {}
    return {y: CONTEXT.divide(v * HUNDRED, other[y]) for y, v in series.items() if other.get(y)}


def target_level(target: TargetSpec, baseline: Baseline) -> tuple[Decimal, Comparator]:
    """The level to reach at the milestone, and how the measure must compare with it."""
    kind, value = target.kind, target.value
    years = target.milestone_year - baseline.year
    down = target.direction is Direction.DECREASE
    comparator = _FLIPPED[target.comparator] if down and kind in _RATES else target.comparator
    if kind is TargetKind.CHANGE_PER_YEAR:
        level = baseline.value + (-value if down else value) * years
        if target.measure_unit == "%":  # a rate cannot leave 0–100: "−4 points a year" from 6 % ends at 0
            level = min(max(level, Decimal(0)), HUNDRED)
        return level, comparator
    if kind is TargetKind.REDUCTION_FROM_BASELINE:
        share = value / HUNDRED
        return baseline.value * (1 - share if down else 1 + share), comparator
    if kind is TargetKind.GROWTH_PER_YEAR:
        rate = value / HUNDRED
        return baseline.value * power(1 - rate if down else 1 + rate, Decimal(years)), comparator
    return value, comparator


_RATES = (TargetKind.CHANGE_PER_YEAR, TargetKind.REDUCTION_FROM_BASELINE, TargetKind.GROWTH_PER_YEAR)


def trajectory(target: TargetSpec, baseline: Baseline, level: Decimal, year: int) -> Decimal:
    """Linear from the baseline to the level at the milestone (geometric for growth targets)."""
    span = target.milestone_year - baseline.year
    if span <= 0 or year >= target.milestone_year:
        return level
    if year <= baseline.year:
        return baseline.value
    share = Decimal(year - baseline.year) / Decimal(span)
    if target.kind is TargetKind.GROWTH_PER_YEAR and baseline.value > 0 and level > 0:
        return baseline.value * power(level / baseline.value, share)
    return baseline.value + (level - baseline.value) * share


def annual_change_needed(
    target: TargetSpec, level: Decimal, latest: Decimal, latest_year: int
) -> Decimal | None:
    """Per year from the latest value to the level (percent per year for growth targets)."""
    years = target.milestone_year - latest_year
    if years <= 0:
        return None
    if target.kind is TargetKind.GROWTH_PER_YEAR:
        if latest <= 0 or level <= 0:
            return None
        return (power(level / latest, Decimal(1) / Decimal(years)) - 1) * HUNDRED
    return CONTEXT.divide(level - latest, Decimal(years))


def _trend(target: TargetSpec, points: Mapping[int, Decimal], settings: JudgementSettings) -> Trend | None:
    if len(points) < max(settings.min_points, 2):
        return None
    return growth_trend(points) if target.kind is TargetKind.GROWTH_PER_YEAR else linear_trend(points)


def _forecast(target: TargetSpec, trend: Trend | None) -> Decimal | None:
    if trend is None:
        return None
    at = trend.at(target.milestone_year)
    return exp(at) if target.kind is TargetKind.GROWTH_PER_YEAR else at


def judge(
    target: TargetSpec,
    unit: int,
    series: Mapping[int, Decimal],
    settings: JudgementSettings,
    *,
    baseline: Baseline | None = None,
    reference: Mapping[int, Decimal] | None = None,
    override: UnitTarget | None = None,
    approximate_years: Collection[int] = (),
    unit_name: str = "",
) -> Judgement:
    """Judge `target` at `unit` from the yearly `series` of its measure (engine TOTAL cells).

    `baseline` defaults to the earliest observation; observations before it are not used.
    """
    spec, source = effective_target(target, override)
    values = judged_series(spec, series, reference)
    if baseline is None and values:
        first = min(values)
        baseline = Baseline(first, values[first])
    points = {} if baseline is None else {y: v for y, v in values.items() if y >= baseline.year}
    if baseline is not None:
        points[baseline.year] = baseline.value  # the plan's baseline wins over a later revision
    if spec.milestone_year in points:
        # A milestone is judged on its own year: later figures (a 2026 value, perhaps from a few
        # reports only) say nothing about whether the 2025 target was met.
        points = {y: v for y, v in points.items() if y <= spec.milestone_year}
    facts = _Facts(spec, source, unit, unit_name, settings, baseline, points, set(approximate_years))
    facts.plan, facts.override = target, override  # the plan's target, shown beside the unit's own
    return facts.judgement()


class _Facts:
    def __init__(
        self,
        spec: TargetSpec,
        source: str,
        unit: int,
        unit_name: str,
        settings: JudgementSettings,
        baseline: Baseline | None,
        points: dict[int, Decimal],
        approximate_years: set[int],
    ) -> None:
        self.spec, self.source, self.unit, self.unit_name, self.settings = (
            spec,
            source,
            unit,
            unit_name,
            settings,
        )
        self.baseline, self.points = baseline, points
        self.approximate = bool(approximate_years & points.keys())
        self.plan: TargetSpec = spec
        self.override: UnitTarget | None = None

    def judgement(self) -> Judgement:
        spec, settings, baseline = self.spec, self.settings, self.baseline
        if baseline is None:
            return self._build(Status.NO_DATA, None, spec.comparator, None, None, None)
        level, comparator = target_level(spec, baseline)
        latest_year = max(self.points)
        latest = self.points[latest_year]
        trend = _trend(spec, self.points, settings)
        # Once the milestone's own figure is known it is the answer: no forecast for that milestone.
        forecast = _forecast(spec, trend) if latest_year < spec.milestone_year else None
        status = self._status(level, comparator, latest, latest_year, forecast)
        return self._build(status, level, comparator, latest_year, trend, forecast)

    def _status(
        self,
        level: Decimal,
        comparator: Comparator,
        latest: Decimal,
        latest_year: int,
        forecast: Decimal | None,
    ) -> Status:
        spec, settings, baseline = self.spec, self.settings, self.baseline
        assert baseline is not None
        tolerance = settings.equal_tolerance
        if meets(latest, comparator, level, tolerance):
            return Status.ACHIEVED
        if latest_year == baseline.year:
            return Status.NO_DATA  # only the baseline: nothing yet says how fast it moves
        if latest_year >= spec.milestone_year:
            # The milestone's own figure is in and misses: a verdict, no longer a pace ("chậm").
            # Until that figure arrives (data lag), the forecast at the milestone still decides.
            return Status.NOT_ACHIEVED
        if forecast is not None:
            expected, aim = forecast, level
        else:
            expected, aim = latest, trajectory(spec, baseline, level, latest_year)
        if meets(expected, comparator, aim, tolerance):
            return Status.ON_TRACK
        asked = abs(level - baseline.value) or max(abs(level), Decimal(1))
        shortfall = abs(expected - aim) - (tolerance if comparator is Comparator.EQ else 0)
        return Status.AT_RISK if shortfall <= settings.at_risk_band * asked else Status.OFF_TRACK

    def _build(
        self,
        status: Status,
        level: Decimal | None,
        comparator: Comparator,
        latest_year: int | None,
        trend: Trend | None,
        forecast: Decimal | None,
    ) -> Judgement:
        spec, baseline = self.spec, self.baseline
        latest = self.points.get(latest_year) if latest_year is not None else None
        known = level is not None and baseline is not None
        at_now = trajectory(spec, baseline, level, self.settings.current_year) if known else None  # type: ignore[arg-type]
        gap = (
            shortfall(latest, comparator, level, self.settings.equal_tolerance)
            if level is not None and latest is not None
            else None
        )
        needed = (
            annual_change_needed(spec, level, latest, latest_year)
            if level is not None and latest is not None and latest_year is not None
            else None
        )
        judgement = Judgement(
            target=spec.code,
            unit=self.unit,
            source=self.source,
            status=status,
            comparator=comparator,
            milestone_year=spec.milestone_year,
            target_level=level,
            baseline=baseline,
            latest_year=latest_year,
            latest=latest,
            trajectory=at_now,
            gap=gap,
            annual_change_needed=needed,
            forecast=forecast,
            approximate=self.approximate,
            explanation=Explanation("", (), ""),
            parent=spec.parent,
        )
        explanation = explain_judgement(
            judgement, spec, self.settings, trend, self.unit_name, plan=self.plan, override=self.override
        )
        return replace(judgement, explanation=explanation)
