"""Reading an uploaded template into ValueRows. Pure: bytes in, rows and located problems out.

Safety (zip bombs, XML entities, the WPS dimension trap, uncalculated formulas, odd numbers) is
kehoach.spreadsheets' job; this module checks that the file is the current template of the
expected form and turns each row into a ValueRow, recording every unreadable cell on its row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
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
from kehoach.spreadsheets.table import Header, Row, read_header
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
    header = read_header(sheet, COLUMNS)
    errors += [p.text() for p in header.problems if p.severity == "error"]
    if errors:
        raise FileRejected(
            "Tệp có ô không đọc được: " + "; ".join(errors[:20]) + (" …" if len(errors) > 20 else "")
        )
    upload = Upload(data_set=data_set, period=meta.get("period", ""))
    upload.warnings = [p.text() for p in header.problems if p.severity != "error"]
    upload.rows = value_rows(sheet, header)
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


_KEYS = (r.UNIT, r.PERIOD, r.ELEMENT, r.OPTION_COMBO, r.VALUE, r.COMMENT, r.VERSION)
_EXACT_WHOLE = 2.0**53


def value_rows(sheet: Sheet, header: Header) -> list[r.ValueRow]:
    """Every data row that is not blank, as `_row(header.row_of(...))` would give it.

    The hot loop of a 50.000-row import. A template repeats the same few hundred codes and small
    whole numbers thousands of times, so each distinct plain code is checked and stripped once
    (`texts`), and each whole number becomes a Decimal once (`numbers`); an empty value cell is
    the usual blank. A row with any other cell (odd text, a fraction, a short row, a blank row)
    takes the careful path."""
    if any(key not in header.positions for key in _KEYS):
        rows = (header.row_of(n, cells) for n, cells in enumerate(sheet.rows[header.row :], header.row + 1))
        return [_row(row) for row in rows if row is not None]
    pick = itemgetter(*(header.positions[key] for key in _KEYS))
    width = header.width
    texts: dict[object, str] = {}
    numbers: dict[float, Decimal] = {}
    out: list[r.ValueRow] = []
    append = out.append
    for number, cells in enumerate(sheet.rows[header.row :], header.row + 1):
        if len(cells) >= width:
            unit, period, element, coc, value, comment, version = pick(cells)
            u = texts.get(unit) or _plain_text(texts, unit)
            p = texts.get(period) or _plain_text(texts, period)
            e = texts.get(element) or _plain_text(texts, element)
            c = "default" if coc is None else texts.get(coc) or _plain_text(texts, coc)
            blank = value is None or value == ""  # calamine reads an empty cell as ""
            d = None if blank else _whole_decimal(numbers, value)
            if (
                u is not None
                and p is not None
                and e is not None
                and c is not None
                and (d is not None or blank)
                and (comment is None or comment == "" or _plain(comment))
                and type(version) is float
                and version.is_integer()
                and abs(version) < _EXACT_WHOLE
            ):
                note = "" if comment is None else comment.strip()[:2000]
                append(r.ValueRow(number, u, p, e, c or "default", d, note, int(version)))
                continue
        row = header.row_of(number, cells)
        if row is not None:
            append(_row(row))
    return out


def _plain_text(texts: dict[object, str], cell: object) -> str | None:
    """The stripped text of a plain cell (remembered), or None for any other cell.

    Stripped text may be empty, which the callers' `or` takes for a miss: it is recomputed, which
    costs one strip, and the result is the same."""
    if not _plain(cell):
        return None
    texts[cell] = text = cell.strip()
    return text


def _whole_decimal(numbers: dict[float, Decimal], cell: object) -> Decimal | None:
    """The exact Decimal of a whole number stored as a double (remembered), or None."""
    if type(cell) is not float:
        return None
    found = numbers.get(cell)
    if found is None and cell.is_integer() and abs(cell) < _EXACT_WHOLE:
        numbers[cell] = found = Decimal(int(cell))
    return found


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
