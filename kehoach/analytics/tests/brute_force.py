"""An independent, deliberately naive statement of what the engine must compute.

It shares nothing with the engine but the input dataclasses: areas by a fixed point over every
unit, values summed by scanning all of them for every cell. Slow on purpose, obvious on purpose.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Context, Decimal

from kehoach.analytics.definitions import (
    TOTAL,
    AggregationType,
    AnalyticsSettings,
    Catalogue,
    DataValue,
    Indicator,
    IndicatorType,
    Term,
)
from kehoach.analytics.geography import Succession, Unit
from kehoach.orgunits.tree import Link

BIG = Context(prec=500)
ROUNDED = Context(prec=28, rounding=ROUND_HALF_EVEN)
Cell = tuple[Decimal, Decimal | None, Decimal, bool]  # numerator, denominator, value, approximate


def areas(
    units: list[Unit], links: list[Link], lineage: list[Succession], as_of: dt.date
) -> dict[int, dict[int, bool]]:
    """area -> {entry: approximate} by the four rules of geography.py, applied until nothing changes."""
    ids = {u.id for u in units} | {x for lk in links for x in (lk.unit, lk.parent)}
    ids |= {x for s in lineage for x in (s.predecessor, s.successor)}
    end = {u.id: u.valid_to for u in units}

    def ref(unit: int) -> dt.date:
        last = end.get(unit)
        return min(last, as_of) if last else as_of

    result: dict[int, dict[int, bool]] = {}
    for area in ids:
        inside = {area}
        changed = True
        while changed:
            changed = False
            for unit in ids - inside:
                under = any(
                    lk.unit == unit and lk.parent in inside and lk.active_on(min(ref(unit), ref(lk.parent)))
                    for lk in links
                )
                merged = any(
                    s.predecessor == unit and not s.partial and s.successor in inside for s in lineage
                )
                sources = [s.predecessor for s in lineage if s.successor == unit]
                formed = bool(sources) and all(p in inside for p in sources)
                if under or merged or formed:
                    inside.add(unit)
                    changed = True
        partly = {
            unit
            for unit in ids - inside
            if any(s.successor == unit and s.predecessor in inside for s in lineage)
            or any(s.predecessor == unit and s.partial and s.successor in inside for s in lineage)
        }
        result[area] = {**{u: False for u in inside}, **{u: True for u in partly}}
    return result


def _raw(
    values: list[DataValue], catalogue: Catalogue, element: str, unit: int, period: str
) -> dict[str, Decimal]:
    found = {v.coc: v.value for v in values if (v.element, v.unit, v.period) == (element, unit, period)}
    if found and not catalogue.elements[element].category_combos:
        return {TOTAL: sum(found.values(), Decimal(0))}
    return found


def _rule(catalogue: Catalogue, element: str, found: dict[str, Decimal]) -> dict[str, Decimal]:
    """Combos of the element's breakdowns as entered; TOTAL as entered, else its first breakdown's sum."""
    combos = catalogue.elements[element].category_combos
    if not combos:
        return found
    rows = {c: v for c, v in found.items() if c != TOTAL and catalogue.option_combos.get(c) in combos}
    if TOTAL in found:
        rows[TOTAL] = found[TOTAL]
    else:
        for combo in combos:
            part = [v for c, v in rows.items() if catalogue.option_combos[c] == combo]
            if part:
                rows[TOTAL] = sum(part, Decimal(0))
                break
    return rows


def _pick(rows: dict[str, Decimal], coc: str, cocs: frozenset[str] | None) -> list[Decimal]:
    if coc == TOTAL and cocs is not None:
        return [v for c, v in rows.items() if c in cocs]
    return [rows[coc]] if coc in rows else []


def _part(
    terms: tuple[Term, ...],
    weight: str | None,
    use_weight: bool,
    counted: list[DataValue],
    catalogue: Catalogue,
    area: int,
    members: dict[int, bool],
    period: str,
    coc: str,
) -> tuple[Decimal, int, bool]:
    """Σ coefficient × value over the area: (sum, entries, any approximate)."""
    total, count, approx = Decimal(0), 0, False
    for term in terms:
        never_added = catalogue.elements[term.element].aggregation is AggregationType.NONE and weight is None
        for unit, approximate in ({area: False} if never_added else members).items():
            found = _raw(counted, catalogue, term.element, unit, period)
            if weight is not None:
                weights = _raw(counted, catalogue, weight, unit, period)
                found = {
                    c: weights[c] if use_weight else BIG.multiply(x, weights[c])
                    for c, x in found.items()
                    if c in weights
                }
            rows = _rule(catalogue, term.element, found)
            for value in _pick(rows, coc, term.cocs):
                total = BIG.add(total, BIG.multiply(term.coefficient, value))
                count += 1
                approx = approx or approximate
    return total, count, approx


def _breakdowns(catalogue: Catalogue, indicator: Indicator) -> set[str]:
    terms = (*indicator.numerator, *indicator.denominator)
    if any(t.cocs is not None for t in terms):
        return set()
    codes = [t.element for t in terms] + ([indicator.weight] if indicator.weight else [])
    shared = set(catalogue.elements[codes[0]].category_combos)
    for code in codes[1:]:
        shared &= set(catalogue.elements[code].category_combos)
    return shared


def compute(
    catalogue: Catalogue,
    areas_of: dict[int, dict[int, bool]],
    values: list[DataValue],
    settings: AnalyticsSettings,
    periods: list[str],
    cocs: list[str],
) -> dict[tuple[str, int, str, str], Cell]:
    """Every cell by scanning every value; yearly periods only."""
    counted = [v for v in values if v.status in settings.counted_statuses]
    cells: dict[tuple[str, int, str, str], Cell] = {}
    for ind in catalogue.indicators:
        if ind.type is IndicatorType.RATE_OF_CHANGE:
            continue
        weighted = ind.weight is not None
        for area, members in areas_of.items():
            for period in periods:
                shared = _breakdowns(catalogue, ind)
                for coc in [TOTAL] + [c for c in cocs if catalogue.option_combos.get(c) in shared]:
                    where = (counted, catalogue, area, members, period, coc)
                    if weighted:
                        n, n_count, n_approx = _part(ind.numerator, ind.weight, False, *where)
                        d, d_count, d_approx = _part(ind.numerator, ind.weight, True, *where)
                    else:
                        n, n_count, n_approx = _part(ind.numerator, None, False, *where)
                        d, d_count, d_approx = _part(ind.denominator, None, False, *where)
                    has_den = weighted or bool(ind.denominator)
                    # A blank numerator is missing, not 0 (evaluate.py); a blank denominator too.
                    if n_count == 0 or (has_den and (d_count == 0 or d == 0)):
                        continue
                    scaled = BIG.multiply(ind.factor, n)
                    value = ROUNDED.divide(scaled, d) if has_den else scaled
                    cells[(ind.code, area, period, coc)] = (
                        n,
                        d if has_den else None,
                        value,
                        n_approx or d_approx,
                    )
    for ind in catalogue.indicators:
        if ind.type is not IndicatorType.RATE_OF_CHANGE:
            continue
        for (code, area, period, coc), (n, den, _, approx) in list(cells.items()):
            before = cells.get((code, area, str(int(period) - 1), coc)) if code == ind.base else None
            if before is None or before[0] == 0:
                continue
            d = den or Decimal(1)
            # (L_p − L_q) / L_q with L = N / D, as one fraction.
            num = BIG.subtract(BIG.multiply(n, before[1] or Decimal(1)), BIG.multiply(before[0], d))
            den = BIG.multiply(before[0], d)
            value = ROUNDED.divide(BIG.multiply(ind.factor, num), den)
            cells[(ind.code, area, period, coc)] = (num, den, value, approx or before[3])
    return cells
