"""One result cell from the series sums of its area: the presence rules and the arithmetic.

Presence: a ratio or weighted average exists where its numerator and its denominator each have at
least one counted entry and the denominator is not zero. A blank numerator is missing, not 0: a
commune that entered its households but not yet its poor households has no poverty rate (0 % would
read as "eliminated"); a real zero is entered as 0 and counts. A count, amount or index exists
where at least one entry counted; a rate of change exists where the base exists in both periods and
its earlier level is not zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from kehoach.analytics.definitions import TOTAL, CellKey, IndicatorValue
from kehoach.analytics.formulas import Compiled, Formula, Series, SeriesTerm
from kehoach.analytics.geography import Geography
from kehoach.analytics.periods import previous_period
from kehoach.analytics.series import EXACT, ratio_value

SumKey = tuple[Series, int, str, str]  # (series, area, period, coc)
# A series sum: exact total, entries counted, entry units that count only approximately.
SeriesSum = tuple[Decimal, int, frozenset[int]]
Reader = Callable[[SumKey], SeriesSum | None]


class Evaluator:
    def __init__(
        self, compiled: Compiled, geography: Geography, read: Reader, cells: Mapping[CellKey, IndicatorValue]
    ) -> None:
        self.compiled = compiled
        self.geography = geography
        self.read = read
        self.cells = cells  # rates of change read their base cells from here

    def _terms(
        self, terms: tuple[SeriesTerm, ...], area: int, period: str, coc: str
    ) -> tuple[Decimal, int, frozenset[int]]:
        total, count, approx = Decimal(0), 0, frozenset[int]()
        for term in terms:
            # A term restricted to some combos adds those combos, and only into the total row.
            cocs = sorted(term.cocs) if term.cocs is not None and coc == TOTAL else [coc]
            for one in cocs:
                found = self.read((term.series, area, period, one))
                if found is not None:
                    total = EXACT.add(total, EXACT.multiply(term.coefficient, found[0]))
                    count += found[1]
                    approx |= found[2]
        return total, count, approx

    def cell(self, formula: Formula, area: int, period: str, coc: str) -> IndicatorValue | None:
        if formula.base is not None:
            return self._rate(formula, area, period, coc)
        numerator, count, approx = self._terms(formula.numerator, area, period, coc)
        if count == 0:
            return None
        denominator: Decimal | None = None
        if formula.denominator is not None:
            denominator, count, den_approx = self._terms(formula.denominator, area, period, coc)
            if count == 0 or denominator == 0:
                return None
            approx |= den_approx
        reasons = tuple(sorted({self.geography.reasons[(entry, area)] for entry in approx}))
        return IndicatorValue(
            indicator=formula.indicator,
            unit=area,
            period=period,
            coc=coc,
            numerator=numerator,
            denominator=denominator,
            value=ratio_value(numerator, denominator, formula.factor),
            approximate=bool(approx),
            reasons=reasons,
        )

    def _rate(self, formula: Formula, area: int, period: str, coc: str) -> IndicatorValue | None:
        """(L_p − L_q) / L_q with L = N/D of the base, kept as one exact fraction."""
        base = formula.base or ""
        now = self.cells.get((base, area, period, coc))
        before = self.cells.get((base, area, previous_period(period), coc))
        if now is None or before is None or before.numerator == 0:
            return None
        one = Decimal(1)
        n_p, d_p = now.numerator, now.denominator or one
        n_q, d_q = before.numerator, before.denominator or one
        numerator = EXACT.subtract(EXACT.multiply(n_p, d_q), EXACT.multiply(n_q, d_p))
        denominator = EXACT.multiply(n_q, d_p)
        reasons = tuple(sorted(set(now.reasons) | set(before.reasons)))
        return IndicatorValue(
            indicator=formula.indicator,
            unit=area,
            period=period,
            coc=coc,
            numerator=numerator,
            denominator=denominator,
            value=ratio_value(numerator, denominator, formula.factor),
            approximate=now.approximate or before.approximate,
            reasons=reasons,
        )
