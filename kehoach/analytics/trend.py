"""The observed trend of a yearly series, for forecasts at a milestone (pure, exact where possible).

Ordinary least squares on (year, value): with x̄, ȳ the means, slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²
and the line passes through (x̄, ȳ). Computed with fractions, so a forecast is exact until it is
rounded once to 28 digits. Growth targets use the same fit on ln(value) (a constant growth rate
is a straight line in logarithms), which is inexact by nature and rounded to 28 digits.
Fewer than two distinct years: no trend, no forecast (one point says nothing about speed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)


def to_decimal(value: Fraction) -> Decimal:
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


@dataclass(frozen=True)
class Trend:
    """The fitted line: through (mean_x, mean_y) with `exact_slope` per year."""

    exact_slope: Fraction
    mean_x: Fraction
    mean_y: Fraction
    points: int

    @property
    def slope(self) -> Decimal:
        return to_decimal(self.exact_slope)

    def at(self, year: int) -> Decimal:
        return to_decimal(self.mean_y + self.exact_slope * (year - self.mean_x))


def linear_trend(series: Mapping[int, Decimal]) -> Trend | None:
    if len(series) < 2:
        return None
    xs = [Fraction(year) for year in series]
    ys = [Fraction(value) for value in series.values()]
    zero = Fraction(0)
    mean_x, mean_y = sum(xs, zero) / len(xs), sum(ys, zero) / len(ys)
    spread = sum(((x - mean_x) ** 2 for x in xs), zero)
    slope = sum(((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)), zero) / spread
    return Trend(slope, mean_x, mean_y, len(xs))


def growth_trend(series: Mapping[int, Decimal]) -> Trend | None:
    """The fit on ln(value); None when a value is not positive (no logarithm)."""
    if any(value <= 0 for value in series.values()):
        return None
    return linear_trend({year: CONTEXT.ln(value) for year, value in series.items()})


def exp(value: Decimal) -> Decimal:
    return CONTEXT.exp(value)


def power(base: Decimal, exponent: Decimal) -> Decimal:
    """base ** exponent to 28 digits (base > 0)."""
    return CONTEXT.power(base, exponent)
