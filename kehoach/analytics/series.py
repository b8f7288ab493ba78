"""What the values entered at one unit and period contribute to each series, by option combo.

These rules are the engine's contract on disaggregation (TolaData #665/#667 in anchors.md; issue
#3's decision 0006 stores the total as combo TOTAL and lets an element have several breakdowns):

- An element without breakdown has one row, TOTAL, the sum of what was entered.
- An element with breakdowns has a row per option combo entered (of its own breakdowns; others are
  ignored), and a TOTAL row: the total as entered, or, where none was entered, the sum of the
  first of its breakdowns that has values (so entering only the split figures is enough). Entering
  both never counts twice; issue #3's validation makes them agree.
- A weighted average pairs x and w entered at the same unit, period and combo (TOTAL included);
  an x without its w (or the reverse) is left out rather than guessed. The products and weights
  then follow the rule above.

Arithmetic: sums are exact (`EXACT` traps any rounding); only division rounds, to 28 digits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)

from kehoach.analytics.definitions import TOTAL

EXACT = Context(
    prec=200, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact]
)
DIVISION = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow])


def ratio_value(numerator: Decimal, denominator: Decimal | None, factor: Decimal) -> Decimal:
    """factor × N / D (or factor × N): the only rounding step of the engine (28 significant digits)."""
    scaled = EXACT.multiply(factor, numerator)
    return scaled if denominator is None else DIVISION.divide(scaled, denominator)


def normalised(combos: tuple[str, ...], values: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Values of an element without breakdown become one TOTAL; others are kept as entered."""
    if combos or not values:
        return dict(values)
    return {TOTAL: sum_exact(values.values())}


def entered_rows(
    combos: tuple[str, ...], coc_combo: Mapping[str, str], values: Mapping[str, Decimal]
) -> dict[str, Decimal]:
    """The rows of one element (or product) at one unit and period, TOTAL included."""
    values = normalised(combos, values)
    if not combos:
        return values
    rows = {coc: v for coc, v in values.items() if coc != TOTAL and coc_combo.get(coc) in combos}
    if TOTAL in values:
        rows[TOTAL] = values[TOTAL]
        return rows
    for combo in combos:
        part = [v for coc, v in rows.items() if coc_combo[coc] == combo]
        if part:
            rows[TOTAL] = sum_exact(part)
            break
    return rows


def paired_values(
    x_values: Mapping[str, Decimal], w_values: Mapping[str, Decimal]
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """(x·w, w) for the combos (TOTAL included) where both x and w were entered, before totals."""
    common = sorted(x_values.keys() & w_values.keys())
    return {c: EXACT.multiply(x_values[c], w_values[c]) for c in common}, {c: w_values[c] for c in common}


def sum_exact(values: Iterable[Decimal]) -> Decimal:
    total = Decimal(0)
    for value in values:
        total = EXACT.add(total, value)
    return total
