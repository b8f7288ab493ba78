"""Typed inputs and outputs of target judgement (pure; mirrors kehoach.plans.choices by value).

The wiring converts a plan `Target` with `TargetSpec(kind=TargetKind(t.kind), ...)`; a commune's
own target is a `UnitTarget` overriding what it states, the rest defaults to the plan's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class TargetKind(StrEnum):
    LEVEL = "level"
    CHANGE_PER_YEAR = "change_per_year"  # percentage points per year
    GROWTH_PER_YEAR = "growth_per_year"  # percent per year, compound
    REDUCTION_FROM_BASELINE = "reduction_from_baseline"  # percent of the baseline
    RELATIVE_TO_MEASURE = "relative_to_measure"  # percent of another measure
    ELIMINATION = "elimination"


class Comparator(StrEnum):
    GTE = ">="
    GT = ">"
    LTE = "<="
    LT = "<"
    EQ = "="


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NOT_ACHIEVED = "not_achieved"  # the milestone's figure is known and misses the target
    NO_DATA = "no_data"


STATUS_LABELS = {
    Status.ACHIEVED: "Đã đạt",
    Status.ON_TRACK: "Đúng tiến độ",
    Status.AT_RISK: "Có nguy cơ không đạt",
    Status.OFF_TRACK: "Chậm tiến độ",
    Status.NOT_ACHIEVED: "Không đạt",
    Status.NO_DATA: "Chưa có số liệu",
}


@dataclass(frozen=True)
class TargetSpec:
    """A quantified plan target as the seed states it (value in the target's own unit).

    `measure_unit` is how the measure is written ("%", "triệu đồng", "xã"); `reference` names the
    measure a relative target compares with; `parent` the target a sub-target ("trong đó") belongs to.
    """

    code: str
    kind: TargetKind
    comparator: Comparator
    value: Decimal
    milestone_year: int
    direction: Direction
    measure: str
    measure_unit: str = ""
    parent: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class UnitTarget:
    """A unit's own target (a commune's plan): what it sets replaces the plan's, the rest is kept.

    `document` names where it was decided ("Quyết định số 12/QĐ-UBND ngày 05/01/2024"), as the
    explanation must say where the value judged against came from.
    """

    target: str
    unit: int
    value: Decimal | None = None
    comparator: Comparator | None = None
    milestone_year: int | None = None
    document: str = ""


@dataclass(frozen=True)
class Baseline:
    year: int
    value: Decimal


@dataclass(frozen=True)
class JudgementSettings:
    """Thresholds of the status (shown in every explanation).

    - `current_year`: the year the trajectory value is given for.
    - `at_risk_band`: how far the forecast may fall short, as a share of the change the plan asks
      for (|target level − baseline|), and still be "at risk" rather than "off track".
    - `equal_tolerance`: for "=" targets, the distance that still counts as equal.
    - `min_points`: observations (baseline included) needed before a trend is fitted.
    """

    current_year: int
    at_risk_band: Decimal = Decimal("0.1")
    equal_tolerance: Decimal = Decimal(0)
    min_points: int = 2
    display_places: int = 2


@dataclass(frozen=True)
class Figure:
    label: str  # Vietnamese
    value: Decimal | int | None
    text: str  # as shown (Vietnamese number format)


@dataclass(frozen=True)
class Explanation:
    rule: str
    figures: tuple[Figure, ...]
    sentence: str


@dataclass(frozen=True)
class Judgement:
    """Everything a view shows about one target at one unit; `explanation` lists every number used.

        `target_level` is what the measure must reach at the milestone (for a rate, a reduction or a
        growth target it is derived from the baseline); `gap` is what is still to go in the direction the
    target asks for (target_level − latest for "at least", latest − target_level for "at most"; never
    negative: 0 once met); `forecast` is none once the milestone's own figure is known; the annual change
        needed is in measure units per year (percent per year for growth targets).
    """

    target: str
    unit: int
    source: str  # "plan" or "unit" (the unit's own target)
    status: Status
    comparator: Comparator
    milestone_year: int
    target_level: Decimal | None
    baseline: Baseline | None
    latest_year: int | None
    latest: Decimal | None
    trajectory: Decimal | None  # at settings.current_year
    gap: Decimal | None  # still to go in the target's direction, 0 once met
    annual_change_needed: Decimal | None
    forecast: Decimal | None  # at the milestone, from the observed trend
    approximate: bool
    explanation: Explanation
    parent: str | None = None
