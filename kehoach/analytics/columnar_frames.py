"""Frames in and out of the columnar engine: codes to small integers, and cells back to dataclasses.

Input columns: element, unit, period, coc, value, status. Codes may be Enum (cheapest: the
physical index is used as is), Categorical or String; `value` must be Decimal or integer, never
float. Polars, like DuckDB's UNION, silently drops digits when frames of different decimal scales
are concatenated, so every piece is cast to one scale before it is combined.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import polars as pl

from kehoach.analytics.definitions import TOTAL, AnalyticsSettings, CellKey, DataValue, IndicatorValue
from kehoach.analytics.evaluate import SeriesSum, SumKey
from kehoach.analytics.formulas import Compiled, Series, SeriesKind
from kehoach.analytics.periods import sort_key
from kehoach.analytics.series import ratio_value


@dataclass(frozen=True)
class Codes:
    """Integer ids used inside the engine: position in these tuples (TOTAL is coc 0)."""

    elements: tuple[str, ...]
    periods: tuple[str, ...]  # chronological
    cocs: tuple[str, ...]


def values_frame(values: Iterable[DataValue]) -> pl.DataFrame:
    """A frame of DataValues (for tests and small inputs; the wiring can select frames directly)."""
    rows = list(values)
    scale = max((max(0, -int(v.value.as_tuple().exponent)) for v in rows), default=0)
    return pl.DataFrame(
        {
            "element": [v.element for v in rows],
            "unit": [v.unit for v in rows],
            "period": [v.period for v in rows],
            "coc": [v.coc for v in rows],
            "value": pl.Series([v.value for v in rows], dtype=pl.Decimal(38, scale)),
            "status": [v.status.value for v in rows],
        },
        schema_overrides={"unit": pl.Int64},
    )


def _physical(column: pl.Series) -> tuple[pl.Series, list[str]]:
    if isinstance(column.dtype, pl.Enum):
        return column.to_physical().cast(pl.Int64), list(column.dtype.categories)
    strings = column.cast(pl.String)
    categories = sorted(strings.drop_nulls().unique().to_list())
    return strings.cast(pl.Enum(categories)).to_physical().cast(pl.Int64), categories


def _recode(column: pl.Series, lookup: list[int]) -> pl.Series:
    return pl.Series(lookup, dtype=pl.Int64).gather(column) if lookup else column


def entries(
    values: pl.DataFrame, compiled: Compiled, settings: AnalyticsSettings
) -> tuple[pl.DataFrame, Codes]:
    """Counted values of used elements as (unit, el, period, coc, value) with integer codes."""
    used = sorted({s.element for s in compiled.series} | {s.weight for s in compiled.series if s.weight})
    element, element_names = _physical(values["element"])
    status, status_names = _physical(values["status"])
    counted = {s.value for s in settings.counted_statuses}
    element_ids = _recode(element, [used.index(e) if e in used else -1 for e in element_names])
    # Filter before recoding the other columns: most stored values are not used or do not count.
    keep = (element_ids >= 0) & _recode(status, [int(s in counted) for s in status_names]).cast(pl.Boolean)
    kept = values.filter(keep)
    period, period_names = _physical(kept["period"])
    coc, coc_names = _physical(kept["coc"])
    periods = tuple(sorted(period_names, key=sort_key))
    cocs = (TOTAL, *sorted(c for c in coc_names if c != TOTAL))
    value = kept["value"]
    if value.dtype.is_integer():
        value = value.cast(pl.Decimal(38, 0))
    elif not isinstance(value.dtype, pl.Decimal):
        raise TypeError(
            "Giá trị phải là số thập phân chính xác (Decimal) hoặc số nguyên, không dùng số thực."
        )
    frame = pl.DataFrame(
        {
            "unit": kept["unit"].cast(pl.Int64),
            "el": element_ids.filter(keep),
            "period": _recode(period, [periods.index(p) for p in period_names]),
            "coc": _recode(coc, [cocs.index(c) for c in coc_names]),
            "value": value,
        }
    )
    return frame, Codes(tuple(used), periods, cocs)


def scale_of(frame: pl.DataFrame, column: str) -> int:
    dtype = frame.schema[column]
    return dtype.scale if isinstance(dtype, pl.Decimal) else 0


def to_indicator_values(
    cells: pl.DataFrame, reasons: pl.DataFrame, compiled: Compiled
) -> dict[CellKey, IndicatorValue]:
    """Materialise result rows as exact dataclasses (value = factor × N / D with Decimal division).

    For display and write-back of a slice; at nation scale keep the frame instead.
    """
    why: Mapping[CellKey, tuple[str, ...]] = {
        (r["indicator"], r["unit"], r["period"], r["coc"]): tuple(r["reasons"])
        for r in reasons.iter_rows(named=True)
    }
    result: dict[CellKey, IndicatorValue] = {}
    for row in cells.iter_rows(named=True):
        key: CellKey = (row["indicator"], row["unit"], row["period"], row["coc"])
        formula = compiled.formula(row["indicator"])
        result[key] = IndicatorValue(
            indicator=key[0],
            unit=key[1],
            period=key[2],
            coc=key[3],
            numerator=row["numerator"],
            denominator=row["denominator"],
            value=ratio_value(row["numerator"], row["denominator"], formula.factor),
            approximate=row["approximate"],
            reasons=why.get(key, ()),
        )
    return result


def to_series_sums(sums: pl.DataFrame) -> dict[SumKey, SeriesSum]:
    """`ColumnarResult.sums` as the reference engine keys them (for tests and small slices)."""
    return {
        (Series(SeriesKind(kind), element, weight), unit, period, coc): (total, n, frozenset(approximate))
        for kind, element, weight, unit, period, coc, total, n, approximate in sums.iter_rows()
    }
