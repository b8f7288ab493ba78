"""What a target clause means: kind, unit, direction, measure, sector and population.

Rules follow docs/plan-data-format.md: "giảm ... mỗi năm N%" is a change per year in percentage
points; "tăng trưởng ... N%/năm" a growth rate; "giảm N% các xã" a reduction from the baseline;
"xóa"/"không còn" an elimination; "phù hợp với tỷ lệ ..." a level relative to another measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .quantities import Quantity
from .text import find_keyword, fold, has_word
from .vocab import MEASURES, POPULATION_MARKERS, SECTORS

_PER_YEAR = re.compile(r"(?<!\w)(?:mỗi|hàng|hằng|bình quân) năm(?!\w)|/\s*năm")
_DECREASE = re.compile(
    r"(?<!\w)(?:giảm|xuống|hạ thấp|xóa|xoá|không còn|loại bỏ|ngăn chặn|chấm dứt|hạn chế|khống chế"
    r"|giải quyết (?:cơ bản |căn bản |dứt điểm )?tình trạng)(?!\w)"
)
_INCREASE = re.compile(r"(?<!\w)(?:tăng|nâng|mở rộng|phát triển)(?!\w)")
_MAINTAIN = re.compile(r"(?<!\w)(?:duy trì|giữ vững|giữ ổn định)(?!\w)")
_REDUCTION = re.compile(r"(?<!\w)giảm\s+(?:được\s+|thêm\s+|ít nhất\s+|tối thiểu\s+|trên\s+)?$")
_ELIMINATION = re.compile(r"(?<!\w)(?:xóa|xoá|không còn)(?!\w)")
_RELATIVE = re.compile(r"phù hợp với (tỷ lệ [^,;.]*?)(?:\s+ở\s|\s+tại\s|[,;.]|$)")
_LEADING = re.compile(
    r"^(?:trong đó|phấn đấu|phân đấu|phân đầu|đảm bảo|bảo đảm|góp phần|có|đạt|và|giảm|tăng|nâng cao|duy trì"
    r"|trên|dưới|ít nhất|tối thiểu|tối đa|cơ bản|xóa|xoá|không còn|thêm)\s+",
    re.IGNORECASE,
)
_COMPARATOR_TAIL = re.compile(
    r"(?:(?:^|\s+)(?:đạt|trên|dưới|ít nhất|tối thiểu|tối đa|xuống|còn|từ|mức|không dưới|không quá"
    r"|khoảng|giảm|tăng))+\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Meaning:
    """The classification of one clause (with or without a quantity)."""

    kind: str
    unit: str | None
    value: Decimal | None
    comparator: str | None
    direction: str
    relative_to: str | None = None


def classify(text: str, q: Quantity | None) -> Meaning:
    """Kind, unit, value, comparator and direction of a clause and its quantity."""
    lower = text.lower()
    direction = _direction(lower, q)
    if q is None:
        relative = _RELATIVE.search(lower)
        if relative:
            start = relative.start(1)
            # "phù hợp với tỷ lệ X": the measure should be at least 100% of measure X.
            measure_to = text[start : relative.end(1)].strip()
            return Meaning("relative_to_measure", "percent", Decimal(100), ">=", "increase", measure_to)
        if _ELIMINATION.search(lower):
            return Meaning("elimination", "percent", Decimal(0), "<=", "decrease")
        return Meaning("qualitative", None, None, None, direction)
    unit, kind = q.unit, "level"
    per_year = _PER_YEAR.search(lower) is not None or unit == "percent_per_year"
    if unit in ("percent", "percent_per_year") and per_year and _DECREASE.search(lower):
        kind, unit = "change_per_year", "pp_per_year"
    elif unit in ("percent", "percent_per_year") and per_year and _INCREASE.search(lower):
        kind, unit = "growth_per_year", "percent_per_year"
    elif unit == "percent_per_year":
        kind = "growth_per_year"
    elif unit == "percent" and _REDUCTION.search(lower[: q.start]):
        kind, unit = "reduction_from_baseline", "percent_of_baseline"
    elif unit == "million_vnd" and "thu nhập" in lower:
        unit = "million_vnd_per_person_per_year"
    return Meaning(kind, unit, q.value, q.comparator, direction)


def _direction(lower: str, q: Quantity | None) -> str:
    if _DECREASE.search(lower) or (q is not None and q.comparator in ("<", "<=")):
        return "decrease"
    if _MAINTAIN.search(lower) and not _INCREASE.search(lower):
        return "maintain"
    return "increase"


def population(*texts: str) -> str:
    """`ethnic_minority` when the clause (or its bullet) speaks of ethnic minorities, else `all`."""
    folded = " ".join(fold(t) for t in texts)
    return "ethnic_minority" if any(has_word(folded, m) for m in POPULATION_MARKERS) else "all"


def sector(*texts: str) -> str:
    """Sector of the first text that has a sector keyword (clause first, then its context)."""
    for text in texts:
        found = find_keyword(fold(text), SECTORS)
        if found:
            return found
    return "other"


def measure(text: str, q: Quantity | None, meaning: Meaning, ethnic: bool) -> str:
    """A short name for what the clause measures: a known name, or the clause minus its figure."""
    folded = fold(text)
    for keywords, name in MEASURES:
        # A known rate name ("Tỷ lệ xã đạt chuẩn nông thôn mới") does not fit a count ("thêm 4 xã").
        fits = not name.startswith("Tỷ lệ") or meaning.unit in ("percent", "pp_per_year", None)
        if fits and all(has_word(folded, k) for k in keywords):
            return f"{name} DTTS" if ethnic and "DTTS" not in name else name
    body = text
    if q is not None:
        # A count keeps its noun ("thêm 4 xã đạt chuẩn" -> "Số xã đạt chuẩn").
        rest = text[q.number_end :] if q.unit == "count" else text[q.end :]
        body = _COMPARATOR_TAIL.sub("", text[: q.start]) + " " + rest
    body = re.sub(r"\s+", " ", body).strip(" ,.;:")
    while (stripped := _LEADING.sub("", body)) != body:
        body = stripped
    words = body.split()
    if len(words) > 14:
        body = " ".join(words[:14])
    prefix = {"percent": "tỷ lệ", "pp_per_year": "tỷ lệ", "count": "số"}.get(meaning.unit or "")
    if prefix == "tỷ lệ" and fold(body).startswith("so "):
        body = body[3:]  # "100% số hộ ..." -> "Tỷ lệ hộ ..."
    if prefix and not fold(body).startswith(fold(prefix)):
        body = f"{prefix} " + (body[:1].lower() + body[1:] if body[1:2].islower() else body)
    return body[:1].upper() + body[1:]
