"""Pure helpers of the analytics pages: yearly series, trajectories, percent of target, minority sums.

No ORM and no Django: the page builders (indicator_page.py, performance.py, comparison.py) read
cells through `results.indicator_cells` and judgements through `services.target_progress`, and
shape them here, so the figures a page shows can be checked against a hand computation.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from kehoach.analytics.definitions import TOTAL, CellKey, IndicatorValue
from kehoach.analytics.judgement import judged_series, trajectory
from kehoach.analytics.series import DIVISION, ratio_value, sum_exact
from kehoach.analytics.targets import Baseline, Judgement, TargetKind, TargetSpec

HUNDRED = Decimal(100)


def yearly(
    cells: Mapping[CellKey, IndicatorValue], indicator: str, unit: int, coc: str = TOTAL
) -> dict[int, IndicatorValue]:
    """The yearly cells ("2024", not "2024S1") of one indicator at one unit and combo."""
    return {
        int(period): cell
        for (code, at, period, combo), cell in cells.items()
        if code == indicator and at == unit and combo == coc and period.isdigit()
    }


def by_combo(
    cells: Mapping[CellKey, IndicatorValue], indicator: str, unit: int, year: int
) -> dict[str, IndicatorValue]:
    """Every disaggregated cell (not the total) of one indicator at one unit in one year."""
    period = str(year)
    return {
        combo: cell
        for (code, at, p, combo), cell in cells.items()
        if code == indicator and at == unit and p == period and combo != TOTAL
    }


def judged_actuals(
    spec: TargetSpec,
    series: Mapping[int, IndicatorValue],
    reference: Mapping[int, IndicatorValue],
) -> dict[int, Decimal]:
    """The quantity a target is judged on, year by year (measure ÷ reference × 100 for a relative
    target), exactly as `judgement.judge` sees it."""
    values = {y: c.value for y, c in series.items()}
    other = {y: c.value for y, c in reference.items()}
    relative = spec.kind is TargetKind.RELATIVE_TO_MEASURE
    return judged_series(spec, values, other if relative else None)


def as_judged(spec: TargetSpec, judgement: Judgement) -> TargetSpec:
    """The plan's spec with the milestone the judgement used: a unit's own target may move it
    (its value and comparator are already in the judgement's level and comparator)."""
    return replace(spec, milestone_year=judgement.milestone_year)


def trajectory_by_year(
    spec: TargetSpec, baseline: Baseline | None, level: Decimal | None, years: Iterable[int]
) -> dict[int, Decimal]:
    """Where the target should be each year, from the baseline year to the milestone (none before
    the baseline or after the milestone): linear, geometric for growth targets."""
    if baseline is None or level is None:
        return {}
    return {
        y: trajectory(spec, baseline, level, y) for y in years if baseline.year <= y <= spec.milestone_year
    }


def percent_of(actual: Decimal | None, target: Decimal | None) -> Decimal | None:
    """actual ÷ target × 100 (28 significant digits); none without both or with a zero target."""
    if actual is None or target is None or target == 0:
        return None
    return DIVISION.divide(actual * HUNDRED, target)


@dataclass(frozen=True)
class Combined:
    """Figures summed over some combos: N and D exact, value = factor × ΣN / ΣD."""

    numerator: Decimal
    denominator: Decimal | None
    value: Decimal
    approximate: bool
    reasons: tuple[str, ...]


def combine(cells: Iterable[IndicatorValue], factor: Decimal) -> Combined | None:
    """Numerators and denominators summed separately, then divided (never a mean of values).

    A ratio whose summed denominator is zero has no value, as in the engine."""
    chosen = list(cells)
    if not chosen:
        return None
    numerator = sum_exact(c.numerator for c in chosen)
    denominators = [c.denominator for c in chosen if c.denominator is not None]
    denominator = sum_exact(denominators) if len(denominators) == len(chosen) else None
    if denominators and denominator is None:
        return None  # mixed rows cannot be combined
    if denominator is not None and denominator == 0:
        return None
    reasons = tuple(dict.fromkeys(r for c in chosen for r in c.reasons))
    return Combined(
        numerator,
        denominator,
        ratio_value(numerator, denominator, factor),
        any(c.approximate for c in chosen),
        reasons,
    )


def minority_figure(
    combos: Mapping[str, IndicatorValue], minority: Collection[str], factor: Decimal
) -> Combined | None:
    """The ethnic-minority figure: the sum over the combos of every group but Kinh."""
    return combine((cell for coc, cell in combos.items() if coc in minority), factor)


def chart_payload(
    years: list[int],
    actual_label: str,
    actual: Mapping[int, Decimal],
    lines: list[tuple[str, str, Mapping[int, Decimal]]],
    targets: list[tuple[str, str, int, Decimal]],
) -> dict[str, object]:
    """What the chart script draws (numbers as strings, so no precision is lost on the way):
    the actual values, one trajectory per target (label, target code, values) and each target's
    level at its milestone (label, target code, year, level); the script gives a target's
    trajectory and level the same colour."""

    def row(values: Mapping[int, Decimal]) -> list[str | None]:
        return [None if values.get(y) is None else str(values[y]) for y in years]

    datasets: list[dict[str, object]] = [
        {"kind": "actual", "label": actual_label, "target": "", "data": row(actual)}
    ]
    datasets += [
        {"kind": "trajectory", "label": label, "target": code, "data": row(line)}
        for label, code, line in lines
    ]
    datasets += [
        {"kind": "target", "label": label, "target": code, "data": row({year: level})}
        for label, code, year, level in targets
    ]
    return {"labels": [str(y) for y in years], "datasets": datasets}


# Words that make an indicator's name the ethnic-minority variant of a whole-population one
# ("Tỷ lệ hộ nghèo đồng bào DTTS" ↔ "Tỷ lệ hộ nghèo"); longest first so "vùng đồng bào DTTS" goes whole.
_MINORITY_WORDS = ("vùng đồng bào DTTS", "của người DTTS", "đồng bào DTTS", "người DTTS", "DTTS")


def whole_population_name(name: str) -> str:
    """The name with its ethnic-minority words removed, spaces and case normalised."""
    for words in _MINORITY_WORDS:
        name = name.replace(words, " ")
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Named:
    code: str
    name: str
    minority: bool  # its population is the ethnic minorities
    kind: str  # indicator type and unit, which a pair must share
    unit_label: str


def name_pairs(indicators: Iterable[Named]) -> list[tuple[str, str]]:
    """(minority indicator, whole-population indicator) pairs: same type and unit, and the same
    name once the minority words are removed from the first."""
    listed = list(indicators)
    whole = {(whole_population_name(i.name), i.kind, i.unit_label): i.code for i in listed if not i.minority}
    pairs = []
    for i in listed:
        match = whole.get((whole_population_name(i.name), i.kind, i.unit_label)) if i.minority else None
        if match is not None:
            pairs.append((i.code, match))
    return pairs
