"""Freshness without a long-lived engine: which cells a changed value affects, and computing just those.

The wiring (issue #4, services) calls, inside the transaction that approves or changes a value:
`affected_cells` → `inputs_for` (what the selector must load) → `compute_cells` → upsert the rows of
the materialised result table (delete those that came back None). Every area of the changed unit is
recomputed from the values of its own area only, so the cost does not grow with the country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kehoach.analytics.definitions import (
    TOTAL,
    AnalyticsSettings,
    Catalogue,
    CellKey,
    DataValue,
    IndicatorValue,
    ValueKey,
)
from kehoach.analytics.engine import Engine
from kehoach.analytics.formulas import Compiled, Formula
from kehoach.analytics.geography import Geography
from kehoach.analytics.periods import next_period, previous_period


def _reads_element(formula: Formula, element: str) -> bool:
    terms = (*formula.numerator, *(formula.denominator or ()))
    return any(element in (t.series.element, t.series.weight) for t in terms)


def affected_cells(compiled: Compiled, geography: Geography, key: ValueKey) -> set[CellKey]:
    """Every cell whose value may change when the value at `key` changes (a superset is harmless)."""
    element, unit, period, coc = key
    areas = [area for area, _ in geography.contributions(unit)]
    cells: set[CellKey] = set()
    for formula in compiled.formulas:
        if formula.base is not None or not _reads_element(formula, element):
            continue
        cocs = [TOTAL] + ([coc] if compiled.breaks_down(formula, coc) else [])
        keys = {(formula.indicator, area, period, c) for area in areas for c in cocs}
        cells |= keys
        for rate in compiled.dependants.get(formula.indicator, ()):
            for _, area, p, c in keys:
                cells.add((rate.indicator, area, p, c))
                cells.add((rate.indicator, area, next_period(p), c))
    return cells


@dataclass(frozen=True)
class Inputs:
    """What `compute_cells` needs: values of these elements, at these units, for these periods."""

    elements: frozenset[str]
    units: frozenset[int]
    periods: frozenset[str]


def inputs_for(compiled: Compiled, geography: Geography, cells: Iterable[CellKey]) -> Inputs:
    elements: set[str] = set()
    units: set[int] = set()
    periods: set[str] = set()
    for indicator, area, period, _ in cells:
        formula = compiled.formula(indicator)
        if formula.base is not None:
            formula = compiled.formula(formula.base)
            periods.add(previous_period(period))
        for term in (*formula.numerator, *(formula.denominator or ())):
            elements.add(term.series.element)
            if term.series.weight:
                elements.add(term.series.weight)
        units |= geography.members(area)
        periods.add(period)
    return Inputs(frozenset(elements), frozenset(units), frozenset(periods))


def compute_cells(
    catalogue: Catalogue,
    geography: Geography,
    settings: AnalyticsSettings,
    cells: Iterable[CellKey],
    values: Iterable[DataValue],
) -> dict[CellKey, IndicatorValue | None]:
    """The given cells from `values` (at least `inputs_for(cells)`; more is fine, just slower)."""
    wanted = sorted(set(cells))
    engine = Engine(catalogue, geography, settings, areas=frozenset(area for _, area, _, _ in wanted))
    result = engine.load(values)
    return {key: result.get(key) for key in wanted}
