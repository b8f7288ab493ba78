"""Checks that catalogue data files can be loaded. Pure: lookups of other apps' codes are passed in.

A file either loads whole or not at all; every problem is reported at once, each naming the element
("Chỉ số TL_HO_NGHEO: ...") so an administrator can fix the file in one pass. Unknown keys are
errors: a YAML slip such as an unquoted comma inside a flow mapping silently creates a new key.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from kehoach.indicators import choices as c
from kehoach.plans.validation import decimal_or_none

CODE_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,60}$")
CATALOGUE_FORMAT = "kehoach.indicators/1"
# Numbers in data files are read exactly, the same way as in plan files.
as_decimal = decimal_or_none

RULES_FORMAT = "kehoach.validation-rules/1"
STANDARDS_FORMAT = "kehoach.standards/1"
ETHNIC_FORMAT = "kehoach.ethnic-groups/1"


class Checker:
    """Collects messages; helpers return the checked value or None."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def keys(self, item: dict[str, Any], allowed: Iterable[str], where: str) -> None:
        extra = sorted(set(item) - set(allowed), key=str)
        if extra:
            self.add(
                where,
                f"khóa không hợp lệ {', '.join(f'“{k}”' for k in extra)} (kiểm tra dấu phẩy chưa đặt trong ngoặc kép).",
            )

    def text(self, item: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
        value = item.get(key)
        if value is None or value == "":
            if required:
                self.add(where, f"thiếu trường “{key}”.")
            return None
        if not isinstance(value, str | int):
            self.add(where, f"trường “{key}” phải là chữ.")
            return None
        return str(value)

    def code(self, item: dict[str, Any], where: str, seen: set[str]) -> str | None:
        code = self.text(item, "code", where)
        if code is None:
            return None
        if not CODE_RE.match(code):
            self.add(where, f"mã “{code}” chỉ được gồm chữ không dấu, số, “_”, “-”, “.”.")
        if code in seen:
            self.add(where, f"mã “{code}” bị trùng.")
        seen.add(code)
        return code

    def choice(
        self, item: dict[str, Any], key: str, allowed: Iterable[str], where: str, required: bool = True
    ) -> None:
        value = item.get(key)
        options = list(allowed)
        if value in (None, "") and not required:
            return
        if value not in options:
            self.add(
                where, f"giá trị “{value}” của trường “{key}” không hợp lệ (cho phép: {', '.join(options)})."
            )

    def number(self, item: dict[str, Any], key: str, where: str, required: bool = False) -> Decimal | None:
        if item.get(key) is None:
            if required:
                self.add(where, f"thiếu trường “{key}”.")
            return None
        number = as_decimal(item.get(key))
        if number is None:
            self.add(where, f"trường “{key}” phải là số.")
        return number

    def items(self, doc: dict[str, Any], key: str, label: str) -> list[tuple[str, dict[str, Any]]]:
        """The list `key` of the document as (where, item) pairs; non-mappings are reported."""
        value = doc.get(key) or []
        if not isinstance(value, list):
            self.add(label, f"phần “{key}” phải là một danh sách.")
            return []
        out = []
        for i, item in enumerate(value, 1):
            code = item.get("code") if isinstance(item, dict) else None
            where = f"{label} {code}" if code else f"{label} thứ {i}"
            if isinstance(item, dict):
                out.append((where, item))
            else:
                self.add(where, "phải là một đối tượng có các trường.")
        return out


def check_format(doc: Any, expected: str) -> list[str]:
    if not isinstance(doc, dict):
        return ["Tệp không phải là một đối tượng YAML/JSON."]
    if doc.get("format") != expected:
        return [f"Định dạng tệp phải là “{expected}”, nhận được “{doc.get('format')}”."]
    return []


def validate_ethnic_groups(doc: Any) -> list[str]:
    errors = check_format(doc, ETHNIC_FORMAT)
    if errors:
        return errors
    ck, seen = Checker(), set[str]()
    for where, g in ck.items(doc, "groups", "Dân tộc"):
        ck.keys(g, ("code", "name", "minority", "aliases"), where)
        code = ck.code(g, where, seen)
        ck.text(g, "name", where)
        if code and not re.fullmatch(r"\d{2}", code):
            ck.add(where, "mã GSO của dân tộc gồm đúng 2 chữ số (01–54).")
    if not ck.errors and len(seen) != 54:
        ck.add("Danh mục dân tộc", f"phải có đủ 54 dân tộc, tệp có {len(seen)}.")
    return ck.errors


def validate_standards(doc: Any) -> list[str]:
    errors = check_format(doc, STANDARDS_FORMAT)
    if errors:
        return errors
    ck, seen = Checker(), set[str]()
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for where, s in ck.items(doc, "standards", "Chuẩn"):
        ck.keys(s, ("code", "topic", "name", "legal_basis", "first_year", "last_year", "note"), where)
        code = ck.code(s, where, seen)
        ck.choice(s, "topic", c.StandardTopic.values, where)
        ck.text(s, "name", where)
        ck.text(s, "legal_basis", where)
        first, last = s.get("first_year"), s.get("last_year")
        if not isinstance(first, int) or (last is not None and (not isinstance(last, int) or last < first)):
            ck.add(where, "năm áp dụng (first_year ≤ last_year) không hợp lệ.")
        elif code:
            spans.setdefault(str(s.get("topic")), []).append((first, last or 9999, code))
    for topic, ranges in spans.items():
        ranges.sort()
        for (_, end, a), (start, _, b) in itertools.pairwise(ranges):
            if start <= end:
                ck.add(f"Chuẩn {b}", f"năm áp dụng chồng lên chuẩn {a} (chủ đề {topic}).")
    return ck.errors


def validate_rules(doc: Any, *, element_exists: Callable[[str], bool]) -> list[str]:
    errors = check_format(doc, RULES_FORMAT)
    if errors:
        return errors
    ck, seen = Checker(), set[str]()
    allowed = ("code", "name", "kind", "severity", "element", "other", "min", "max", "threshold")
    for where, r in ck.items(doc, "rules", "Quy tắc"):
        ck.keys(r, (*allowed, "min_history", "explanation", "active"), where)
        ck.code(r, where, seen)
        ck.text(r, "name", where)
        ck.text(r, "explanation", where)
        ck.choice(r, "kind", c.RuleKind.values, where)
        ck.choice(r, "severity", c.Severity.values, where)
        for key in ("element", "other"):
            code = r.get(key)
            if code is not None and not element_exists(str(code)):
                ck.add(where, f"không có số liệu mã “{code}” trong danh mục.")
        if not r.get("element"):
            ck.add(where, "thiếu trường “element”.")
        kind = r.get("kind")
        low, high = ck.number(r, "min", where), ck.number(r, "max", where)
        if kind == c.RuleKind.RANGE and ((low is None and high is None) or (low and high and low > high)):
            ck.add(where, "quy tắc khoảng giá trị cần “min” và/hoặc “max” với min ≤ max.")
        if kind == c.RuleKind.NOT_GREATER and not r.get("other"):
            ck.add(where, "quy tắc so sánh cần trường “other” (số liệu so sánh).")
        threshold = ck.number(r, "threshold", where)
        if kind == c.RuleKind.OUTLIER and (threshold is None or threshold <= 0):
            ck.add(where, "quy tắc giá trị khác thường cần “threshold” lớn hơn 0 (thường là 3,5).")
        history = r.get("min_history", 3)
        if not isinstance(history, int) or history < 2:
            ck.add(where, "“min_history” phải là số nguyên từ 2 trở lên.")
    return ck.errors
