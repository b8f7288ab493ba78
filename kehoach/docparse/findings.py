"""Consistency checks ("findings") over any plan in the `kehoach.plan/1` structure.

They run on parsed documents and on loaded data files alike, so they read only the structure
(never the source file). Each finding is {severity, code, message, location}: `code` is a stable
English identifier, `message` Vietnamese, `location` the code of the element concerned ("plan"
for the header).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from kehoach.plans.document import BudgetLine, Finding, PlanDocument, Target

from .findings_text import check_numbering, check_repeated_words
from .numbers import find_numbers, format_vn_number, to_decimal
from .text import fold


def finding(severity: str, code: str, message: str, location: str) -> Finding:
    """Build a finding."""
    return Finding(severity=severity, code=code, message=message, location=location)


def check_plan(doc: PlanDocument) -> list[Finding]:
    """Every generic consistency check, in a stable order."""
    out = _header(doc)
    out += _references(doc)
    out += check_numbering(doc.get("sections", []))
    out += _budget(doc.get("budget_lines", []))
    out += _targets(doc)
    out += _ambiguous_numbers(doc)
    out += check_repeated_words(doc)
    return out


def _ambiguous_numbers(doc: PlanDocument) -> list[Finding]:
    """Figures such as "1,500" that read 1,5 by the Vietnamese rule but 1.500 in English style."""
    out: list[Finding] = []
    items: list[tuple[str, str]] = [(t["code"], t.get("text", "")) for t in doc.get("targets", [])]
    items += [(b["code"], b.get("text") or "") for b in doc.get("budget_lines", [])]
    for code, text in items:
        for m in find_numbers(text):
            if m.ambiguous:
                read = format_vn_number(m.value.normalize())
                english = format_vn_number((m.value * 1000).normalize())
                message = (
                    f"Số “{m.raw}” có hai cách đọc: {read} (dấu phẩy thập phân) "
                    f"hoặc {english} (dấu phẩy phân cách hàng nghìn); đã đọc là {read}."
                )
                out.append(finding("warning", "ambiguous_number", message, code))
    return out


def _header(doc: PlanDocument) -> list[Finding]:
    plan = doc["plan"]
    out = []
    if not plan.get("number"):
        symbol = plan.get("symbol")
        shown = f" (“Số: /{symbol}”)" if symbol else ""
        out.append(finding("warning", "blank_number", f"Số văn bản để trống{shown}.", "plan"))
    if not plan.get("issued_on"):
        text = plan.get("issued_text")
        message = f"Ngày ban hành chưa đầy đủ: “{text}”." if text else "Văn bản không có ngày ban hành."
        out.append(finding("warning", "blank_date", message, "plan"))
    return out


def _references(doc: PlanDocument) -> list[Finding]:
    out: list[Finding] = []
    sections = {s["code"] for s in doc.get("sections", [])}
    collections: dict[str, Iterable[Mapping[str, Any]]] = {
        "sections": doc.get("sections", []),
        "objectives": doc.get("objectives", []),
        "targets": doc.get("targets", []),
        "tasks": doc.get("tasks", []),
        "budget_lines": doc.get("budget_lines", []),
        "responsibilities": doc.get("responsibilities", []),
        "obligations": doc.get("obligations", []),
    }
    for name, items in collections.items():
        items = list(items)
        codes = [str(item.get("code")) for item in items]
        seen: set[str] = set()
        for code in codes:
            if code in seen:
                out.append(finding("error", "duplicate_code", f"Mã “{code}” bị trùng trong {name}.", code))
            seen.add(code)
        for item in items:
            code, parent, section = str(item.get("code")), item.get("parent"), item.get("section")
            if parent is not None and parent not in seen:
                out.append(finding("error", "unknown_parent", f"Mục cha “{parent}” không tồn tại.", code))
            if name != "sections" and section is not None and section not in sections:
                out.append(
                    finding(
                        "error", "unknown_section", f"Phần “{section}” không tồn tại trong văn bản.", code
                    )
                )
    return out


def _amount(value: object) -> Decimal | None:
    """A number from a data file (YAML int, float or digit string) as a Decimal, or None."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        return to_decimal(value).normalize()  # 327963.0 from YAML is written 327.963
    except (InvalidOperation, ValueError):
        return None


def _budget(lines: list[BudgetLine]) -> list[Finding]:
    out: list[Finding] = []
    by_code = {line["code"]: line for line in lines}
    children: dict[str, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        if line.get("parent") in by_code:
            children[str(line.get("parent"))].append(line)
        amount = _amount(line.get("amount_million_vnd"))
        text = line.get("text")
        if amount is not None and text and not _value_in_text(amount, text):
            out.append(
                finding(
                    "warning",
                    "budget_amount_not_in_text",
                    f"Số tiền {format_vn_number(amount)} triệu đồng không có trong câu: “{text}”.",
                    line["code"],
                )
            )
    for parent_code, parts in children.items():
        parent_amount = _amount(by_code[parent_code]["amount_million_vnd"])
        amounts = [_amount(p["amount_million_vnd"]) for p in parts]
        if parent_amount is None or any(a is None for a in amounts):
            continue
        total = sum((a for a in amounts if a is not None), Decimal(0))
        if total == parent_amount:
            continue
        diff = format_vn_number(abs(total - parent_amount))
        total_vn, parent_vn = format_vn_number(total), format_vn_number(parent_amount)
        if len(parts) == 1 and total < parent_amount:
            message = (
                f"Chỉ có một thành phần {total_vn} triệu đồng, "
                f"nhỏ hơn số tổng {parent_vn} triệu đồng (thiếu {diff})."
            )
            out.append(finding("warning", "budget_components_partial", message, parent_code))
        else:
            sums = f"Tổng các thành phần {total_vn} triệu đồng khác số tổng {parent_vn} triệu đồng"
            message = f"{sums} (chênh {diff})."
            out.append(finding("error", "budget_components_mismatch", message, parent_code))
    return out


def _value_in_text(value: Decimal, text: str) -> bool:
    # Amounts may be written in another unit than stored ("1,5 tỷ đồng" stored as 1500 million).
    written = {m.value for m in find_numbers(text)}
    return any(v in written for v in (value, value / 1000, value * 1000, value * 1_000_000))


def _targets(doc: PlanDocument) -> list[Finding]:
    plan = doc["plan"]
    start, end, vision = plan.get("period_start"), plan.get("period_end"), plan.get("vision_year")
    out: list[Finding] = []
    vision_seen: set[int] = set()
    for target in doc.get("targets", []):
        code, year = target["code"], target["milestone_year"]
        if isinstance(start, int) and isinstance(end, int) and not start <= year <= end:
            if year == vision and year not in vision_seen:
                vision_seen.add(year)
                out.append(
                    finding(
                        "info",
                        "milestone_outside_period",
                        f"Mốc năm {year} là tầm nhìn, nằm ngoài giai đoạn {start} - {end}.",
                        code,
                    )
                )
            elif year != vision:
                out.append(
                    finding(
                        "warning",
                        "milestone_outside_period",
                        f"Mốc năm {year} nằm ngoài giai đoạn {start} - {end} của kế hoạch.",
                        code,
                    )
                )
        out += _target_value(target)
    return out


def _target_value(target: Target) -> list[Finding]:
    out: list[Finding] = []
    code, text, unit = target["code"], target.get("text", ""), target.get("unit")
    value = _amount(target.get("value")) if target.get("value") is not None else None
    if value is None:
        return out
    written = format_vn_number(value)
    about = fold(f"{target.get('measure', '')} {text}")
    is_index = "chi so" in about or "hdi" in about.split() or "(hdi)" in about
    if is_index and (
        unit == "percent"
        or any(f"{m.raw}%" in text.replace(" %", "%") for m in find_numbers(text) if m.value == value)
    ):
        out.append(
            finding(
                "warning",
                "unit_mismatch",
                f"Chỉ tiêu là một chỉ số nhưng giá trị được ghi kèm “%” ({written}%); "
                "chỉ số không có đơn vị phần trăm.",
                code,
            )
        )
    if unit in ("percent", "percent_of_baseline") and value > 100:
        out.append(finding("warning", "unit_mismatch", f"Tỷ lệ {written}% vượt quá 100%.", code))
    if unit in ("million_vnd", "million_vnd_per_person_per_year") and fold(
        str(target.get("measure", ""))
    ).startswith("ty le"):
        out.append(
            finding(
                "warning",
                "unit_mismatch",
                f"Chỉ tiêu là một tỷ lệ nhưng giá trị ghi bằng tiền ({written} triệu đồng).",
                code,
            )
        )
    # An elimination (value 0) and a level relative to another measure (100%) have no figure to quote.
    if target.get("kind") not in ("elimination", "relative_to_measure") and not _value_in_text(value, text):
        out.append(
            finding(
                "warning",
                "target_value_not_in_text",
                f"Giá trị {written} không có trong câu chỉ tiêu: “{text}”.",
                code,
            )
        )
    return out
