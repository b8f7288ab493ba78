"""The value of an indicator from its numerator and denominator at one unit and period. Pure.

This is the single-unit case used by the catalogue pages and the API; rolling numerators and
denominators up the hierarchy (sum separately, then divide) is the aggregation engine's job.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from kehoach.indicators.choices import IndicatorType


@dataclass(frozen=True)
class Formula:
    type: str
    factor: Decimal
    has_denominator: bool

    def level(self, numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
        """numerator/denominator (or the numerator alone); None when it cannot be computed."""
        if numerator is None:
            return None
        if not self.has_denominator:
            return numerator
        if denominator is None or denominator == 0:
            return None
        return numerator / denominator

    def value(
        self,
        numerator: Decimal | None,
        denominator: Decimal | None,
        previous: tuple[Decimal | None, Decimal | None] | None = None,
    ) -> Decimal | None:
        """factor × level; for a rate of change, factor × (level / previous level − 1)."""
        level = self.level(numerator, denominator)
        if level is None:
            return None
        if self.type != IndicatorType.RATE_OF_CHANGE:
            return self.factor * level
        before = self.level(*previous) if previous else None
        if before is None or before == 0:
            return None
        return self.factor * (level / before - 1)


@dataclass(frozen=True)
class StandardSpan:
    code: str
    name: str
    first_year: int | None
    last_year: int | None

    def covers(self, year: int) -> bool:
        return (self.first_year is None or self.first_year <= year) and (
            self.last_year is None or year <= self.last_year
        )


def standard_for(spans: list[StandardSpan], year: int) -> StandardSpan | None:
    return next((s for s in spans if s.covers(year)), None)


def series_breaks(years: list[int], spans: list[StandardSpan]) -> set[int]:
    """Years whose standard differs from the previous year's in the series: comparisons across
    them are not like with like, and pages mark the break."""
    breaks: set[int] = set()
    ordered = sorted(years)
    for before, year in itertools.pairwise(ordered):
        a, b = standard_for(spans, before), standard_for(spans, year)
        if (a.code if a else None) != (b.code if b else None):
            breaks.add(year)
    return breaks
