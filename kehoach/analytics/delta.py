"""An approval as a difference (decision 0008, §5): which stored sums and cells a change needs, and
the sums and cells it moves. Pure: the service loads what `needs` names and writes what `apply`
returns, in the transaction of the change.

Every area of a changed unit is reached through that unit's own contribution, so the work is a few
hundred sums whatever the size of the province, where recomputing the province's figure from its
values reads every value of the province.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kehoach.analytics.definitions import AnalyticsSettings, CellKey, DataValue, IndicatorValue, ValueKey
from kehoach.analytics.engine import Engine
from kehoach.analytics.evaluate import SeriesSum, SumKey
from kehoach.analytics.formulas import Compiled, Formula, Series, SeriesKind
from kehoach.analytics.geography import Geography
from kehoach.analytics.periods import next_period, previous_period


@dataclass(frozen=True)
class Needs:
    """What to load before `apply`: sums of `elements` (as value, x or weight) at `areas` for
    `periods`; cells of `bases` (the levels that rates of change divide) at `areas` for
    `cell_periods` (a rate reads the year before, and next year's rate reads this one); values of
    `elements` at the changed units for `periods`, as they counted before the change.
    `indicators`: every indicator whose cells the change may move (none: nothing to do)."""

    areas: frozenset[int]
    periods: frozenset[str]
    elements: frozenset[str]
    indicators: frozenset[str]
    bases: frozenset[str]
    cell_periods: frozenset[str]


@dataclass(frozen=True)
class Delta:
    sums: dict[SumKey, SeriesSum | None]  # None: the sum no longer exists (delete its row)
    cells: dict[CellKey, IndicatorValue | None]


def _formulas_reading(compiled: Compiled, element: str) -> set[Formula]:
    series = {Series(SeriesKind.VALUE, element)}
    for x, w in compiled.pairs.get(element, ()):
        series |= {Series(SeriesKind.PRODUCT, x, w), Series(SeriesKind.WEIGHT, x, w)}
    return {f for s in series for f in compiled.readers.get(s, ())}


def needs(compiled: Compiled, geography: Geography, changed: Iterable[ValueKey]) -> Needs:
    keys = list(changed)
    areas = {area for _e, unit, _p, _c in keys for area, _ in geography.contributions(unit)}
    periods = {period for _e, _u, period, _c in keys}
    elements: set[str] = set()
    indicators: set[str] = set()
    bases: set[str] = set()
    for element in {key[0] for key in keys}:
        elements.add(element)
        for x, w in compiled.pairs.get(element, ()):
            elements |= {x, w}
        for formula in _formulas_reading(compiled, element):
            indicators.add(formula.indicator)
            rates = {rate.indicator for rate in compiled.dependants.get(formula.indicator, ())}
            if rates:
                indicators |= rates
                bases.add(formula.indicator)
            for term in (*formula.numerator, *(formula.denominator or ())):
                elements.add(term.series.element)
                if term.series.weight:
                    elements.add(term.series.weight)
    around = {p for period in periods for p in (previous_period(period), period, next_period(period))}
    return Needs(
        frozenset(areas),
        frozenset(periods),
        frozenset(elements),
        frozenset(indicators),
        frozenset(bases),
        frozenset(around),
    )


def apply(
    compiled: Compiled,
    geography: Geography,
    settings: AnalyticsSettings,
    *,
    sums: Mapping[SumKey, SeriesSum],
    cells: Mapping[CellKey, IndicatorValue],
    before: Iterable[DataValue],
    after: Mapping[ValueKey, DataValue | None],
) -> Delta:
    """Move the stored sums by the changes and re-evaluate the cells they reach.

    `sums` and `cells`: what `needs` named, as stored (cells of its `bases` only); `before`: the
    values of the changed groups (and their weighted-average partners) before the change, with
    their statuses then; `after`: each changed key with its value now (None, or a status that does
    not count: no longer counted).
    """
    engine = Engine(
        compiled,
        geography,
        settings,
        areas=frozenset(a for k in after for a, _ in geography.contributions(k[1])),
    )
    engine.seed(sums, cells, before)
    moved = engine.apply_many(after)
    return Delta({key: engine.sum(key) for key in engine.moved}, moved)
