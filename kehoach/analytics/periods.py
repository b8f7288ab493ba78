"""Period codes as in DHIS2: "2024" for a year, "2024S1"/"2024S2" for its halves.

The engine aggregates each period on its own (a half-year is never added into its year: stocks such
as "poor households" would be counted twice); only rates of change look at the previous period.
"""

from __future__ import annotations

import re

_PERIOD = re.compile(r"^(\d{4})(?:S([12]))?$")


def _parse(code: str) -> tuple[int, int | None]:
    match = _PERIOD.match(code)
    if match is None:
        raise ValueError(f"Mã kỳ “{code}” không hợp lệ (ví dụ đúng: 2024, 2024S1).")
    half = match.group(2)
    return int(match.group(1)), (int(half) if half else None)


def year_of(code: str) -> int:
    return _parse(code)[0]


def previous_period(code: str) -> str:
    """The period just before, of the same kind: 2024 -> 2023, 2024S1 -> 2023S2."""
    year, half = _parse(code)
    if half is None:
        return str(year - 1)
    return f"{year}S1" if half == 2 else f"{year - 1}S2"


def next_period(code: str) -> str:
    year, half = _parse(code)
    if half is None:
        return str(year + 1)
    return f"{year}S2" if half == 1 else f"{year + 1}S1"


def sort_key(code: str) -> tuple[int, int]:
    """Chronological order; a year sorts after its halves (it ends with the second half)."""
    year, half = _parse(code)
    return (year, 3 if half is None else half)
