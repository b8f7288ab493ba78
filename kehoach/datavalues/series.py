"""One indicator at one unit over time, with the standard of each year and the breaks between them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kehoach.accounts import scope
from kehoach.datavalues.models import DataValue
from kehoach.indicators import models as m
from kehoach.indicators.formula import Formula, series_breaks, standard_for
from kehoach.indicators.selectors import standard_spans


@dataclass(frozen=True)
class SeriesPoint:
    period: str
    year: int
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    standard: str  # name of the standard in force, "" when the indicator depends on none
    series_break: bool
    is_demo: bool


def unit_series(*, indicator: m.Indicator, unit_id: int, user: Any) -> list[SeriesPoint]:
    """The indicator's totals at one unit for every period with data, oldest first, with the
    standard of each year and the breaks where it changes. Empty outside the user's scope."""
    if not scope.can_view_data(user, unit_id):
        return []
    wanted = {indicator.numerator_id, indicator.denominator_id} - {None}
    rows = DataValue.objects.filter(unit_id=unit_id, element_id__in=wanted, deleted=False).values_list(
        "element_id", "option_combo__code", "period", "value", "is_demo"
    )
    num_combo = indicator.numerator_combo.code if indicator.numerator_combo else m.DEFAULT_COMBO
    den_combo = indicator.denominator_combo.code if indicator.denominator_combo else m.DEFAULT_COMBO
    nums: dict[str, Decimal] = {}
    dens: dict[str, Decimal] = {}
    demo: set[str] = set()
    for element, combo, period, value, is_demo in rows:
        if element == indicator.numerator_id and combo == num_combo:
            nums[period] = value
        if element == indicator.denominator_id and combo == den_combo:
            dens[period] = value
        if is_demo:
            demo.add(period)
    formula = Formula(indicator.type, indicator.factor, indicator.denominator_id is not None)
    periods = sorted(set(nums) | set(dens))
    spans = standard_spans(topic=indicator.standard_topic)
    breaks = series_breaks([int(p[:4]) for p in periods], spans) if spans else set()
    points = []
    for i, period in enumerate(periods):
        prev = periods[i - 1] if i else None
        previous = (nums.get(prev), dens.get(prev)) if prev else None
        span = standard_for(spans, int(period[:4])) if spans else None
        points.append(
            SeriesPoint(
                period=period,
                year=int(period[:4]),
                numerator=nums.get(period),
                denominator=dens.get(period),
                value=formula.value(nums.get(period), dens.get(period), previous),
                standard=span.name if span else "",
                series_break=int(period[:4]) in breaks,
                is_demo=period in demo,
            )
        )
    return points
