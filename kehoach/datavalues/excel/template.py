"""Writing the entry template: pre-filled for units and a period, Vietnamese headers, input
validation on the value column, locked structure, and the template version in a hidden sheet.

Text goes through kehoach.spreadsheets.writer.safe_text and is written as string cells with the
quote prefix when it could be read as a formula, as every export of the project does.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from kehoach.datavalues.excel.layout import (
    COLUMNS,
    DATA_SHEET,
    GUIDE_SHEET,
    LETTERS,
    META_SHEET,
    TEMPLATE_FORMAT,
    TEMPLATE_VERSION,
    WIDTHS,
)
from kehoach.spreadsheets.writer import FORMULA_PREFIXES, NUMBER_FORMAT, safe_text

INPUT_FILL = PatternFill("solid", fgColor="FFF7E0")
GUIDE = [
    "Chỉ nhập vào cột “Giá trị” (J) và “Ghi chú” (K); các cột khác bị khóa.",
    "Nhập số kiểu Việt Nam hoặc ô số của Excel: 1.234,5. Để trống ô Giá trị để xóa số đã có.",
    "Số liệu có cảnh báo (ví dụ khác thường so với các năm trước) cần ghi chú giải thích.",
    "Không thêm, xóa, đổi tên trang; không sửa cột Phiên bản (L, ẩn): hệ thống dùng nó để phát hiện "
    "số liệu đã bị người khác sửa sau khi tải mẫu.",
    "Tải lên: hệ thống kiểm tra trước (chạy thử), báo lỗi theo trang, dòng, cột; chỉ ghi khi không còn lỗi.",
]
VALIDATION = {  # value type -> (kind, operator, formula1, formula2, message)
    "integer": ("whole", "greaterThanOrEqual", "0", None, "Nhập số nguyên không âm."),
    "yes_no": ("whole", "between", "0", "1", "Ghi 1 (có) hoặc 0 (không)."),
    "percentage": ("decimal", "between", "0", "100", "Nhập phần trăm từ 0 đến 100."),
    "number": ("decimal", "greaterThanOrEqual", "0", None, "Nhập số không âm, ví dụ 1.234,5."),
    "signed_number": ("decimal", "between", "-999999999999999", "999999999999999", "Nhập một số."),
}


@dataclass(frozen=True)
class TemplateRow:
    unit_key: str
    unit_name: str
    period: str
    element: str
    element_name: str
    option_combo: str
    option_combo_name: str
    unit_label: str
    previous: Decimal | None
    value: Decimal | None
    comment: str
    version: int
    value_type: str


def _text(cell: Any, value: str) -> None:
    text = safe_text(value)
    cell.value = text
    cell.data_type = "s"  # "=..." assigned by openpyxl would otherwise be a live formula
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True


def _number(cell: Any, value: Decimal | None) -> None:
    if value is not None:
        cell.value = value
        cell.number_format = NUMBER_FORMAT


def build_template(
    *, data_set: str, data_set_name: str, period: str, scope_key: str, rows: Sequence[TemplateRow]
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    for col, column in enumerate(COLUMNS, 1):
        cell = sheet.cell(row=1, column=col, value=column.header)
        cell.font = Font(bold=True)
    checks: dict[str, list[int]] = {}
    unlocked = Protection(locked=False)
    for n, item in enumerate(rows, 2):
        for col, text in (
            (1, item.unit_key),
            (2, item.unit_name),
            (3, item.period),
            (4, item.element),
            (5, item.element_name),
            (6, item.option_combo),
            (7, item.option_combo_name),
            (8, item.unit_label),
        ):
            _text(sheet.cell(row=n, column=col), text)
        _number(sheet.cell(row=n, column=9), item.previous)
        value = sheet.cell(row=n, column=10)
        _number(value, item.value)
        comment = sheet.cell(row=n, column=11)
        if item.comment:
            _text(comment, item.comment)
        for cell in (value, comment):
            cell.protection, cell.fill = unlocked, INPUT_FILL
        sheet.cell(row=n, column=12, value=item.version)
        checks.setdefault(item.value_type, []).append(n)
    _validations(sheet, checks)
    for col, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[chr(64 + col)].width = width
    sheet.column_dimensions[LETTERS["version"]].hidden = True
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{LETTERS['version']}{max(len(rows) + 1, 2)}"
    sheet.protection.sheet = True
    sheet.protection.autoFilter = False  # filtering stays possible on a protected sheet
    sheet.protection.sort = False
    _guide(book, data_set_name, period)
    _meta(book, data_set, period, scope_key)
    book.security = WorkbookProtection(lockStructure=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ranges(column: str, numbers: list[int]) -> str:
    """Rows 2,3,4,7 of column J -> "J2:J4 J7" (one validation rule per value type)."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return " ".join(f"{column}{a}:{column}{b}" if a != b else f"{column}{a}" for a, b in spans)


def _validations(sheet: Any, checks: dict[str, list[int]]) -> None:
    for value_type, numbers in checks.items():
        kind, operator, low, high, message = VALIDATION.get(value_type, VALIDATION["number"])
        rule = DataValidation(
            type=kind,
            operator=operator,
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=message,
        )
        rule.sqref = MultiCellRange(_ranges(LETTERS["value"], numbers))
        sheet.add_data_validation(rule)


def _guide(book: Workbook, data_set_name: str, period: str) -> None:
    guide = book.create_sheet(GUIDE_SHEET)
    _text(guide.cell(row=1, column=1), f"{data_set_name}, kỳ {period}")
    guide.cell(row=1, column=1).font = Font(bold=True)
    for n, line in enumerate(GUIDE, 3):
        _text(guide.cell(row=n, column=1), f"{n - 2}. {line}")
    guide.column_dimensions["A"].width = 110
    guide.protection.sheet = True


def _meta(book: Workbook, data_set: str, period: str, scope_key: str) -> None:
    meta = book.create_sheet(META_SHEET)
    for n, (key, value) in enumerate(
        [
            (TEMPLATE_FORMAT, TEMPLATE_VERSION),
            ("data_set", data_set),
            ("period", period),
            ("unit", scope_key),
            ("generated", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        ],
        1,
    ):
        _text(meta.cell(row=n, column=1), key)
        cell = meta.cell(row=n, column=2)
        if isinstance(value, int):
            cell.value = value
        else:
            _text(cell, str(value))
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
