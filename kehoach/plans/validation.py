"""Checks that a `kehoach.plan/1` document can be loaded. Pure: lookups are passed in.

This is about loadability (required keys, known codes, references that resolve). Whether the
document is internally consistent (totals, numbering...) is the job of the findings checks,
which never block loading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from kehoach.plans import document as d

CODE_RE = re.compile(r"^[\w.#+\-]{1,60}$")  # \w: section labels may be Vietnamese letters (đ)
LISTS = ("sections", "objectives", "targets", "tasks", "budget_lines", "responsibilities", "obligations")
NAMES_VI = {
    "sections": "Mục",
    "objectives": "Mục tiêu tổng quát",
    "targets": "Chỉ tiêu",
    "tasks": "Nhiệm vụ",
    "budget_lines": "Dòng nguồn lực",
    "responsibilities": "Trách nhiệm",
    "obligations": "Nghĩa vụ báo cáo",
}


def decimal_or_none(value: Any) -> Decimal | None:
    """Numbers in the file are exact: read through str so 99.5 stays 99.5, not 99.4999..."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def need(self, item: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
        value = item.get(key)
        if value is None or value == "" or not isinstance(value, kind):
            self.errors.append(f"{where}: thiếu hoặc sai trường “{key}”.")
            return None
        return value

    def enum(
        self, item: dict[str, Any], key: str, allowed: tuple[str, ...], where: str, required: bool = True
    ) -> None:
        value = item.get(key)
        if value in (None, "") and not required:
            return
        if value not in allowed:
            self.errors.append(
                f"{where}: giá trị “{value}” của trường “{key}” không hợp lệ (cho phép: {', '.join(allowed)})."
            )


def validate_plan_document(
    doc: Any,
    *,
    agency_exists: Callable[[str], bool],
    unit_exists: Callable[[str, str], bool],
    programme_exists: Callable[[str], bool],
) -> list[str]:
    """Every problem that prevents loading, each naming the element and the problem."""
    ck = _Checker()
    if not isinstance(doc, dict):
        return ["Tệp kế hoạch không phải là một đối tượng YAML/JSON."]
    if doc.get("format") != d.FORMAT_ID:
        return [f"Định dạng tệp phải là “{d.FORMAT_ID}”, nhận được “{doc.get('format')}”."]
    meta = doc.get("plan")
    if not isinstance(meta, dict):
        return ["Thiếu phần “plan” (thông tin văn bản)."]
    _check_meta(ck, meta, agency_exists, unit_exists)
    for name in LISTS:
        if name in doc and not isinstance(doc[name], list):
            ck.errors.append(f"Phần “{name}” phải là một danh sách.")
            doc = {**doc, name: []}
    if not doc.get("sections"):
        ck.errors.append("Kế hoạch không có mục nào (“sections”).")
    codes: dict[str, set[str]] = {}
    for name in LISTS:
        seen: set[str] = set()
        for i, item in enumerate(doc.get(name) or [], start=1):
            where = (
                f"{NAMES_VI[name]} {item.get('code') if isinstance(item, dict) else ''} (thứ {i})".replace(
                    "  ", " "
                )
            )
            if not isinstance(item, dict):
                ck.errors.append(f"{where}: phải là một đối tượng.")
                continue
            code = item.get("code")
            if not isinstance(code, str) or not CODE_RE.match(code):
                ck.errors.append(f"{where}: mã “{code}” không hợp lệ.")
            elif code in seen:
                ck.errors.append(f"{NAMES_VI[name]} {code}: mã bị trùng.")
            seen.add(str(code))
        codes[name] = seen
    sections = codes["sections"]
    for name in LISTS:
        for item in doc.get(name) or []:
            if not isinstance(item, dict):
                continue
            where = f"{NAMES_VI[name]} {item.get('code')}"
            parent = item.get("parent")
            if parent is not None and parent not in codes[name]:
                ck.errors.append(f"{where}: mục/phần tử cha “{parent}” không tồn tại.")
            if name != "sections":
                sec = item.get("section")
                if (sec is not None or name != "budget_lines") and sec not in sections:
                    ck.errors.append(f"{where}: mục “{sec}” không tồn tại.")
            checker = _ELEMENT_CHECKS.get(name)
            if checker:
                checker(ck, item, where, agency_exists, programme_exists)
    return ck.errors


def _check_meta(
    ck: _Checker,
    meta: dict[str, Any],
    agency_exists: Callable[[str], bool],
    unit_exists: Callable[[str, str], bool],
) -> None:
    where = "Thông tin kế hoạch"
    code = ck.need(meta, "code", where)
    if code and not CODE_RE.match(code):
        ck.errors.append(f"{where}: mã kế hoạch “{code}” không hợp lệ.")
    ck.need(meta, "doc_type", where)
    ck.need(meta, "title", where)
    start = ck.need(meta, "period_start", where, int)
    end = ck.need(meta, "period_end", where, int)
    if isinstance(start, int) and isinstance(end, int) and end < start:
        ck.errors.append(f"{where}: năm kết thúc {end} trước năm bắt đầu {start}.")
    issuer = ck.need(meta, "issuer", where)
    if issuer and not agency_exists(issuer):
        ck.errors.append(f"{where}: không tìm thấy cơ quan ban hành “{issuer}”.")
    if meta.get("issued_on"):
        try:
            dt.date.fromisoformat(str(meta["issued_on"]))
        except ValueError:
            ck.errors.append(f"{where}: ngày ban hành “{meta['issued_on']}” không hợp lệ.")
    unit = meta.get("admin_unit")
    if unit and not (isinstance(unit, dict) and unit_exists(str(unit.get("scheme")), str(unit.get("code")))):
        ck.errors.append(f"{where}: không tìm thấy đơn vị hành chính {unit}.")


def _check_target(ck: _Checker, t: dict[str, Any], where: str, *_: Any) -> None:
    ck.need(t, "text", where)
    ck.need(t, "milestone_year", where, int)
    ck.enum(t, "kind", d.TARGET_KINDS, where)
    ck.enum(t, "direction", d.DIRECTIONS, where, required=False)
    ck.enum(t, "sector", d.SECTORS, where, required=False)
    ck.enum(t, "population", d.POPULATIONS, where, required=False)
    if t.get("quantified", True):
        ck.enum(t, "comparator", d.COMPARATORS, where)
        ck.enum(t, "unit", d.TARGET_UNITS, where)
        if decimal_or_none(t.get("value")) is None:
            ck.errors.append(
                f"{where}: chỉ tiêu định lượng cần “value” là một số, nhận được “{t.get('value')}”."
            )


def _check_task(
    ck: _Checker, t: dict[str, Any], where: str, agency_exists: Callable[[str], bool], *_: Any
) -> None:
    ck.need(t, "title", where)
    ck.enum(t, "kind", d.TASK_KINDS, where)
    ck.enum(t, "assignment_basis", d.ASSIGNMENT_BASES, where, required=False)
    for code in [t.get("lead"), *(t.get("coordinating") or [])]:
        if code and not agency_exists(code):
            ck.errors.append(f"{where}: không tìm thấy cơ quan “{code}”.")


def _check_budget(
    ck: _Checker, b: dict[str, Any], where: str, _a: Any, programme_exists: Callable[[str], bool]
) -> None:
    programme = ck.need(b, "programme", where)
    if programme and not programme_exists(programme):
        ck.errors.append(f"{where}: không tìm thấy chương trình “{programme}”.")
    ck.enum(b, "source", d.FUNDING_SOURCES, where)
    ck.enum(b, "kind", d.SPENDING_KINDS, where)
    amount = decimal_or_none(b.get("amount_million_vnd"))
    if amount is None or amount < 0:
        ck.errors.append(f"{where}: số tiền “{b.get('amount_million_vnd')}” không phải là số không âm.")


def _check_agency_element(
    ck: _Checker, r: dict[str, Any], where: str, agency_exists: Callable[[str], bool], *_: Any
) -> None:
    ck.need(r, "text", where)
    agency = ck.need(r, "agency", where)
    if agency and not agency_exists(agency):
        ck.errors.append(f"{where}: không tìm thấy cơ quan “{agency}”.")
    for code in r.get("recipients") or []:
        if not agency_exists(code):
            ck.errors.append(f"{where}: không tìm thấy cơ quan nhận “{code}”.")
    if "kind" in r:
        ck.enum(r, "kind", d.OBLIGATION_KINDS, where)
        ck.enum(r, "frequency", d.FREQUENCIES, where)


def _check_section(ck: _Checker, s: dict[str, Any], where: str, *_: Any) -> None:
    ck.enum(s, "kind", d.SECTION_KINDS, where)


def _check_objective(ck: _Checker, o: dict[str, Any], where: str, *_: Any) -> None:
    ck.need(o, "text", where)


_ELEMENT_CHECKS: dict[str, Callable[..., None]] = {
    "sections": _check_section,
    "objectives": _check_objective,
    "targets": _check_target,
    "tasks": _check_task,
    "budget_lines": _check_budget,
    "responsibilities": _check_agency_element,
    "obligations": _check_agency_element,
}
