"""Reading an uploaded template into ValueRows. Pure: bytes in, rows and located problems out.

Safety (zip bombs, XML entities, the WPS dimension trap, uncalculated formulas, odd numbers) is
kehoach.spreadsheets' job; this module checks that the file is the current template of the
expected form and turns each row into a ValueRow, recording every unreadable cell on its row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeGuard

from kehoach.datavalues import rows as r
from kehoach.datavalues.excel.layout import (
    COLUMNS,
    DATA_SHEET,
    META_SHEET,
    TEMPLATE_FORMAT,
    TEMPLATE_VERSION,
    where,
)
from kehoach.spreadsheets.errors import CellError, FileRejected
from kehoach.spreadsheets.limits import Limits
from kehoach.spreadsheets.reader import Sheet, read_xlsx
from kehoach.spreadsheets.table import Row, read_table
from kehoach.spreadsheets.values import clean_text, is_blank, strict_text, to_decimal, to_int

MAX_VALUES = 50_000
LIMITS = Limits(max_rows=MAX_VALUES + 1)  # + the header row
OLD_TEMPLATE = (
    "Tệp dùng mẫu nhập số liệu cũ (phiên bản {found}); mẫu hiện hành là phiên bản {current}. "
    "Hãy tải mẫu mới từ hệ thống và chép số liệu sang."
)


@dataclass
class Upload:
    data_set: str
    period: str
    rows: list[r.ValueRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_upload(data: bytes, *, data_set: str) -> Upload:
    """The rows of an uploaded template; FileRejected (Vietnamese) when the file as a whole cannot
    be used: unsafe or broken, not our template, an old version, another form, formula or error
    cells, a missing or duplicated column."""
    book = read_xlsx(data, limits=LIMITS)
    meta = _meta(book.sheets.get(META_SHEET))
    if meta.get("data_set") != data_set:
        raise FileRejected(
            f"Tệp là mẫu của biểu “{meta.get('data_set')}”, không phải biểu “{data_set}” đang tải lên."
        )
    sheet = book.sheets.get(DATA_SHEET)
    if sheet is None:
        raise FileRejected(f"Tệp thiếu trang “{DATA_SHEET}”; đừng đổi tên hay xóa trang của mẫu.")
    errors = [p.text() for p in book.problems if p.severity == "error"]
    table = read_table(sheet, COLUMNS)
    errors += [p.text() for p in table.problems if p.severity == "error"]
    if errors:
        raise FileRejected(
            "Tệp có ô không đọc được: " + "; ".join(errors[:20]) + (" …" if len(errors) > 20 else "")
        )
    upload = Upload(data_set=data_set, period=meta.get("period", ""))
    upload.warnings = [p.text() for p in table.problems if p.severity != "error"]
    upload.rows = [_row(row) for row in table.rows]
    return upload


def _meta(sheet: Sheet | None) -> dict[str, str]:
    if sheet is None:
        raise FileRejected(
            f"Tệp không phải mẫu nhập số liệu của hệ thống (thiếu trang ẩn “{META_SHEET}”): hãy tải mẫu từ hệ thống."
        )
    pairs = {clean_text(row[0])[0]: row[1] if len(row) > 1 else None for row in sheet.rows if row}
    if TEMPLATE_FORMAT not in pairs:
        raise FileRejected("Tệp không phải mẫu nhập số liệu của hệ thống: hãy tải mẫu từ hệ thống.")
    found, _ = clean_text(pairs[TEMPLATE_FORMAT])
    if found != str(TEMPLATE_VERSION):
        raise FileRejected(OLD_TEMPLATE.format(found=found or "?", current=TEMPLATE_VERSION))
    return {key: clean_text(value)[0] for key, value in pairs.items()}


def _plain(cell: object) -> TypeGuard[str]:
    """Printable ASCII text: already NFC, no control characters; nothing to check but spaces."""
    return type(cell) is str and cell.isascii() and cell.isprintable()


def _whole(cell: object) -> TypeGuard[float]:
    """A whole number Excel stored as a double, exact below 2**53."""
    return type(cell) is float and cell.is_integer() and abs(cell) < 2**53


def _row(row: Row) -> r.ValueRow:
    """The common row (plain codes, a whole number or blank, plain or no comment) directly; any
    other goes through the checking path, which gives the same result for these and explains the rest."""
    v = row.values
    unit, period, element, coc = v.get(r.UNIT), v.get(r.PERIOD), v.get(r.ELEMENT), v.get(r.OPTION_COMBO)
    value, comment, version = v.get(r.VALUE), v.get(r.COMMENT), v.get(r.VERSION)
    if (
        _plain(unit)
        and _plain(period)
        and _plain(element)
        and (coc is None or _plain(coc))
        and (value is None or _whole(value))
        and (comment is None or _plain(comment))
        and _whole(version)
    ):
        return r.ValueRow(
            line=row.number,
            unit=unit.strip(),
            period=period.strip(),
            element=element.strip(),
            option_combo=(coc or "").strip() or "default",
            value=None if value is None else Decimal(int(value)),
            comment=(comment or "").strip()[:2000],
            version=int(version),
        )
    return _checked_row(row)


def _checked_row(row: Row) -> r.ValueRow:
    problems: list[r.Problem] = []

    def code(key: str, default: str = "") -> str:
        cell = row.values.get(key)
        if type(cell) is str and cell.isascii() and cell.isprintable():  # most codes: no checks to do
            return cell.strip() or default
        try:
            return strict_text(cell) or default
        except CellError as exc:
            problems.append(r.Problem(key, f"{where(row.number, key)}: {exc}."))
            return default

    value = None
    cell = row.values.get(r.VALUE)
    if not is_blank(cell):
        try:
            value = to_decimal(cell, places=6, max_digits=24)
        except CellError as exc:
            problems.append(r.Problem(r.VALUE, f"{where(row.number, r.VALUE)}: {exc}."))
    comment, had_controls = clean_text(row.values.get(r.COMMENT))
    if had_controls:
        text = "ô chứa ký tự điều khiển ẩn (thường do dán từ Word); hãy xóa rồi gõ lại."
        problems.append(r.Problem(r.COMMENT, f"{where(row.number, r.COMMENT)}: {text}"))
    version = None
    raw_version = row.values.get(r.VERSION)
    try:
        whole = type(raw_version) is float and raw_version.is_integer() and abs(raw_version) < 2**53
        version = int(raw_version) if whole else to_int(raw_version)  # type: ignore[arg-type]
    except CellError:
        problems.append(
            r.Problem(
                r.VERSION, f"{where(row.number, r.VERSION)}: thiếu hoặc sai số phiên bản; hãy tải mẫu mới."
            )
        )
    return r.ValueRow(
        line=row.number,
        unit=code(r.UNIT),
        period=code(r.PERIOD),
        element=code(r.ELEMENT),
        option_combo=code(r.OPTION_COMBO, "default"),
        value=value,
        comment=comment[:2000],
        version=version,
        problems=tuple(problems),
    )
