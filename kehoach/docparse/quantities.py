"""Quantities in a target clause: the number, its unit and its comparator.

A clause can hold numbers that are not the target ("trẻ em dưới 5 tuổi ... xuống 17,4%",
"người từ 15 tuổi đến 60 tuổi ... trên 92,5%", "theo 4 nhóm đối tượng"). The rules, in order:
percentages are the target when there are any; otherwise money; otherwise ages/years and counts
only when a comparator or "đạt" stands right before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers import find_numbers
from .vocab import COMPARATOR_WORDS

_PER_YEAR = re.compile(r"^%\s*/\s*năm")
_PERCENT = re.compile(r"^%")
_MILLION = re.compile(r"^triệu\s+(?:đồng|VNĐ|VND|đ)\b", re.IGNORECASE)
_BILLION = re.compile(r"^tỷ\s+(?:đồng|VNĐ|VND|đ)\b", re.IGNORECASE)
_THOUSAND = re.compile(r"^(?:nghìn|ngàn)\s+đồng\b", re.IGNORECASE)
_YEARS = re.compile(r"^(?:tuổi|năm)(?!\s*\d)")
_COUNT = re.compile(r"^(?:xã|bản|thôn|hộ|người|lao động|trường|trạm|công trình|hợp tác xã|sản phẩm)\b")
# Up to two words may stand between a comparator and its number ("đạt mức 32", "giảm từ 4%").
_GAP = re.compile(r"^(?:\s*\S+){0,2}\s*$")
_INDEX = re.compile(r"(?<!\w)(?:chỉ số|hdi)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A target number in a clause: value in the unit, unit code, comparator and position."""

    value: Decimal
    unit: str
    comparator: str
    explicit: bool  # a comparator word was written (not the default ">=")
    start: int
    end: int  # end of the number and its unit
    number_end: int  # end of the number alone


def _unit(after: str, value: Decimal) -> tuple[str, Decimal, int] | None:
    """Unit code, value in that unit, and the length of the unit text."""
    for pattern, unit, factor in (
        (_PER_YEAR, "percent_per_year", Decimal(1)),
        (_PERCENT, "percent", Decimal(1)),
        (_MILLION, "million_vnd", Decimal(1)),
        (_BILLION, "million_vnd", Decimal(1000)),
        (_THOUSAND, "million_vnd", Decimal("0.001")),
        (_YEARS, "years", Decimal(1)),
        (_COUNT, "count", Decimal(1)),
    ):
        m = pattern.match(after)
        if m and not (unit == "years" and value >= 1900):  # "năm 2025" is a date, not a duration
            return unit, value * factor, m.end()
    return None


def comparator_before(text: str) -> str | None:
    """The comparator written right before a number (`text` is everything before it)."""
    lowered = text.lower()
    best: tuple[int, int, str] | None = None
    for phrase, comparator in COMPARATOR_WORDS:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
            if _GAP.match(lowered[m.end() :]):
                candidate = (m.end(), len(phrase), comparator)
                best = candidate if best is None or candidate > best else best
    return best[2] if best else None


def quantities(text: str) -> list[Quantity]:
    """The target quantities of one clause, in order (see the module docstring for the rules)."""
    found: list[tuple[Quantity, str]] = []
    prev_end = 0
    index = _INDEX.search(text) is not None
    for num in find_numbers(text):
        if 1900 <= num.value <= 2200 and re.search(r"(?<!\w)năm\s*$", text[: num.start].lower()):
            continue  # "đến năm 2030" is a date
        unit = _unit(text[num.end :].lstrip(), num.value)
        if unit is None and not index:
            continue
        code, value, length = unit if unit else ("index", num.value, 0)
        if index and code in ("percent", "index"):
            code = "index"  # "HDI đạt trên 0,6%": an index written with a stray "%"
        gap = len(text[num.end :]) - len(text[num.end :].lstrip())
        comparator = comparator_before(text[prev_end : num.start])
        explicit = comparator is not None
        end = num.end + gap + length
        quantity = Quantity(value, code, comparator or ">=", explicit, num.start, end, num.end)
        found.append((quantity, code))
        prev_end = quantity.end
    for wanted in (("percent", "percent_per_year", "index"), ("million_vnd",)):
        chosen = [q for q, code in found if code in wanted]
        if chosen:
            return chosen
    return [q for q, _ in found if q.explicit or _verb_before(text[: q.start])]


def _verb_before(text: str) -> bool:
    return re.search(r"(?<!\w)(?:đạt|có|thêm|tăng|giảm)\s*$", text.lower()) is not None


_DONG = re.compile(r"^(?:đồng|VNĐ|VND)\b", re.IGNORECASE)


def money(text: str) -> list[tuple[Decimal, int, int]]:
    """Amounts of money in `text` in million đồng, with the span of number and unit."""
    out = []
    for num in find_numbers(text):
        after = text[num.end :]
        gap = len(after) - len(after.lstrip())
        found = _unit(after.lstrip(), num.value)
        if found and found[0] == "million_vnd":
            out.append((found[1], num.start, num.end + gap + found[2]))
        elif m := _DONG.match(after.lstrip()):
            out.append((num.value / Decimal(1_000_000), num.start, num.end + gap + m.end()))
    return out
