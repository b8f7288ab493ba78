"""Reporting periods and their data windows. Pure.

Periods are identified as DHIS2 does: "2024" (year), "2024S1" / "2024S2" (half-years). The same
period has different date windows depending on the data set: Nghị định 09/2019 Điều 12 cuts the
annual data at 15/12 of the previous year → 14/12, the first half at 15/12 → 14/6 and the second
half at 15/6 → 14/12; statistical forms use the calendar year instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kehoach.indicators.choices import PeriodType, WindowKind

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})S([12])$")
MIN_YEAR, MAX_YEAR = 1990, 2100


@dataclass(frozen=True, order=True)
class Period:
    year: int
    half: int  # 0 for a whole year, 1 or 2 for a half-year

    @property
    def kind(self) -> PeriodType:
        return PeriodType.YEAR if self.half == 0 else PeriodType.HALF_YEAR

    @property
    def code(self) -> str:
        return str(self.year) if self.half == 0 else f"{self.year}S{self.half}"

    @property
    def label(self) -> str:
        if self.half == 0:
            return f"Năm {self.year}"
        return f"6 tháng {'đầu' if self.half == 1 else 'cuối'} năm {self.year}"

    def window(self, kind: str) -> tuple[dt.date, dt.date]:
        """First and last day of the data window (both inclusive)."""
        y = self.year
        if kind == WindowKind.CALENDAR:
            starts = {0: dt.date(y, 1, 1), 1: dt.date(y, 1, 1), 2: dt.date(y, 7, 1)}
            ends = {0: dt.date(y, 12, 31), 1: dt.date(y, 6, 30), 2: dt.date(y, 12, 31)}
        else:
            starts = {0: dt.date(y - 1, 12, 15), 1: dt.date(y - 1, 12, 15), 2: dt.date(y, 6, 15)}
            ends = {0: dt.date(y, 12, 14), 1: dt.date(y, 6, 14), 2: dt.date(y, 12, 14)}
        return starts[self.half], ends[self.half]

    def previous(self) -> Period:
        if self.half == 0:
            return Period(self.year - 1, 0)
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    def same_period_earlier(self, years: int) -> Period:
        return Period(self.year - years, self.half)


def parse_period(text: str, *, expected: str | None = None) -> Period:
    """ "2024" or "2024S1"; anything else (Q1/2025, 1/2025, "Năm 2024") is refused, never guessed.

    `expected` (a PeriodType) also refuses a half-year in an annual form and vice versa.
    Raises ValueError with a Vietnamese message.
    """
    raw = (text or "").strip().upper()
    year_match, half_match = _YEAR.match(raw), _HALF.match(raw)
    if year_match:
        period = Period(int(year_match.group(1)), 0)
    elif half_match:
        period = Period(int(half_match.group(1)), int(half_match.group(2)))
    else:
        raise ValueError(
            f"Kỳ “{text}” không hợp lệ: ghi năm (ví dụ 2024) hoặc nửa năm "
            "(2024S1 là 6 tháng đầu, 2024S2 là 6 tháng cuối)."
        )
    if not MIN_YEAR <= period.year <= MAX_YEAR:
        raise ValueError(f"Kỳ “{text}” nằm ngoài khoảng năm {MIN_YEAR}–{MAX_YEAR}.")
    if expected is not None and period.kind != expected:
        want = "năm (ví dụ 2024)" if expected == PeriodType.YEAR else "nửa năm (ví dụ 2024S1)"
        raise ValueError(f"Kỳ “{text}” không đúng loại kỳ của biểu: biểu này báo cáo theo {want}.")
    return period


def periods_between(first: int, last: int, kind: str) -> list[Period]:
    """Every period of `kind` from year `first` to `last`, in order."""
    halves = (0,) if kind == PeriodType.YEAR else (1, 2)
    return [Period(y, h) for y in range(first, last + 1) for h in halves]
