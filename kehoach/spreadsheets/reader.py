"""Reading an .xlsx safely: container checks, then values with python-calamine, then an XML scan.

Why calamine and not openpyxl's read-only mode: read-only openpyxl trusts the sheet's
`<dimension ref>`, and WPS Office (common in Vietnamese offices) writes `A1:A1` for full sheets,
so openpyxl returns one row and silently drops the rest. Calamine reads the cells themselves.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import cast

import python_calamine as calamine

from .container import open_scanned
from .errors import FileRejected, Problem
from .limits import DEFAULT_LIMITS, Limits
from .values import Cell
from .xmlscan import HINT_SPAN, may_have_problem_hint, scan_sheet, sheet_parts

_CALAMINE_ERRORS: tuple[type[BaseException], ...] = (
    calamine.CalamineError,
    calamine.PasswordError,
    calamine.XmlError,
    calamine.ZipError,
    calamine.WorksheetNotFound,
    ValueError,
    OSError,
)


@dataclass(frozen=True)
class Sheet:
    """The cells of one sheet from A1; rows[0] is Excel row 1, rows[r][0] column A."""

    name: str
    rows: list[list[Cell]]


@dataclass
class Workbook:
    sheets: dict[str, Sheet]
    problems: list[Problem] = field(default_factory=list)  # formulas without values, error cells


def read_xlsx(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Every sheet's values, or FileRejected with a Vietnamese reason; nothing is guessed."""
    archive, hinted = open_scanned(data, limits, may_have_problem_hint, HINT_SPAN)
    with archive:
        parts = sheet_parts(archive)
        if len(parts) > limits.max_sheets:
            raise FileRejected(f"Tệp bị từ chối: có quá nhiều trang tính ({len(parts)}).")
        # A sheet the container scan cleared has no formula or error cell to report; any other
        # (hinted, or not an XML part by its name) is scanned in full.
        problems = [
            p
            for name, part in parts.items()
            if hinted.get(part, True)
            for p in scan_sheet(archive, name, part)
        ]
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = {name: _sheet(book, name, limits) for name in book.sheet_names if name in parts}
    except FileRejected:
        raise
    except _CALAMINE_ERRORS as exc:
        raise FileRejected("Tệp bị từ chối: không đọc được nội dung bảng tính (tệp hỏng).") from exc
    return Workbook(sheets=sheets, problems=problems)


def _sheet(book: calamine.CalamineWorkbook, name: str, limits: Limits) -> Sheet:
    sheet = book.get_sheet_by_name(name)
    # From A1 (skip_empty_area=False) so indexes are real Excel positions; one row over the cap
    # tells us the cap was exceeded without reading a million rows.
    rows = cast(list[list[Cell]], sheet.to_python(skip_empty_area=False, nrows=limits.max_rows + 1))
    if len(rows) > limits.max_rows:
        raise FileRejected(f"Tệp bị từ chối: trang “{name}” có quá {limits.max_rows} dòng.")
    width = max((len(r) for r in rows), default=0)
    if width > limits.max_columns:
        raise FileRejected(f"Tệp bị từ chối: trang “{name}” có quá {limits.max_columns} cột.")
    return Sheet(name=name, rows=rows)
