"""Typed inputs and outputs of the aggregation engine (pure; the wiring builds them from models).

The enumerations mirror `kehoach.indicators.choices` by value, so the wiring converts with
`IndicatorType(model.type)`; they are redeclared here because this package must not import Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

# Category option combo of a value entered without disaggregation, and of every total row.
# DHIS2 calls the combo of non-disaggregated data "default"; dataValueSets exports use it too.
TOTAL = "default"

ONE = Decimal(1)


class ValueStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"


class AggregationType(StrEnum):
    SUM = "sum"  # the value of a unit adds up into every area that contains it
    NONE = "none"  # an estimate for the unit as a whole (HDI, life expectancy): never added up


class IndicatorType(StrEnum):
    RATIO = "ratio"
    COUNT = "count"
    AMOUNT = "amount"
    AVERAGE = "average"
    INDEX = "index"
    RATE_OF_CHANGE = "rate_of_change"


class DefinitionError(ValueError):
    """An indicator or data element definition the engine cannot evaluate (message in Vietnamese)."""


@dataclass(frozen=True, slots=True)
class DataElement:
    """What is entered. `category_combos`: its breakdowns (sex, ethnic group...), each a partition of
    the total, as issue #3 declares them (decision 0006); empty for an element entered as a total only.
    """

    code: str
    aggregation: AggregationType = AggregationType.SUM
    category_combos: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    """One data element in a numerator or denominator, optionally restricted to some option combos.

    `cocs` selects combos (e.g. every combo of the option "female"); a restricted indicator has a
    total row only, because its per-combo rows would not be comparable with the total's.
    """

    element: str
    cocs: frozenset[str] | None = None
    coefficient: Decimal = ONE


@dataclass(frozen=True, slots=True)
class Indicator:
    """How an indicator is computed from data elements (see docs/domain/analytics.md).

    - RATIO: factor × ΣN / ΣD, numerator and denominator summed separately over the area.
    - COUNT, AMOUNT: factor × ΣN.
    - AVERAGE: weighted by its denominator: factor × ΣN / ΣD like a ratio (e.g. total income over
      persons); or, with `weight`, Σ(x·w) / Σw with x = the single numerator element (an average
      entered as such) and w = `weight`, both entered at the same unit, period and combo (an entry
      without its weight is left out).
    - INDEX: as AVERAGE when `weight` is set; otherwise the unit's own value of elements that are
      never added up (AggregationType.NONE).
    - RATE_OF_CHANGE: factor × (L_p − L_{p−1}) / L_{p−1} where L is the aggregated level of the
      indicator `base` (a rational N/D, so the result stays exact).
    """

    code: str
    type: IndicatorType
    numerator: tuple[Term, ...] = ()
    denominator: tuple[Term, ...] = ()
    factor: Decimal = ONE
    weight: str | None = None
    base: str | None = None


@dataclass(frozen=True, slots=True)
class DataValue:
    element: str
    unit: int
    period: str
    coc: str
    value: Decimal
    status: ValueStatus = ValueStatus.APPROVED

    @property
    def key(self) -> ValueKey:
        return (self.element, self.unit, self.period, self.coc)


# (element, unit, period, coc) of an entered value; (indicator, unit, period, coc) of a result.
ValueKey = tuple[str, int, str, str]
CellKey = tuple[str, int, str, str]


@dataclass(frozen=True, slots=True)
class AnalyticsSettings:
    """Which entered values count, and the date whose boundaries the current units are seen with.

    `as_of` fixes the area of every unit that still exists ("constant geography"); a unit that
    ended is seen as it was on its last day. Views must state `counted_statuses`.
    """

    counted_statuses: frozenset[ValueStatus] = frozenset({ValueStatus.APPROVED})
    as_of: dt.date = dt.date(2100, 1, 1)


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One result cell. N and D are exact sums; `value` is factor × N / D to 28 significant digits.

    `denominator` is None for counts, amounts and unweighted indices. `reasons` (Vietnamese) say
    why an approximate figure is approximate; quantise `value` only for display.
    """

    indicator: str
    unit: int
    period: str
    coc: str
    numerator: Decimal
    denominator: Decimal | None
    value: Decimal
    approximate: bool = False
    reasons: tuple[str, ...] = field(default=())

    @property
    def key(self) -> CellKey:
        return (self.indicator, self.unit, self.period, self.coc)

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


@dataclass(frozen=True)
class Catalogue:
    """Data elements, indicators, and the breakdown each option combo belongs to ("female" → "sex").

    `formulas.compile_catalogue` checks them together (DefinitionError).
    """

    elements: Mapping[str, DataElement]
    indicators: tuple[Indicator, ...]
    option_combos: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        elements: Iterable[DataElement],
        indicators: Iterable[Indicator],
        option_combos: Mapping[str, str] | None = None,
    ) -> Catalogue:
        return cls({e.code: e for e in elements}, tuple(indicators), dict(option_combos or {}))

    def indicator(self, code: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise KeyError(code)
