"""Writing .xlsx so that no exported text becomes a formula and no stored text crashes the export.

openpyxl turns any string starting with "=" into a live formula, and Excel/LibreOffice evaluate
"+ - @" (and a leading tab or CR) when a cell is edited or goes through CSV, so such text is written
as a string cell with the quote-prefix style: shown and re-imported exactly as stored, never run.
Control characters are removed because openpyxl refuses \\x00 and \\x0b (reliability.md §2.3).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # Excel's limit per cell
DATE_FORMAT = "DD/MM/YYYY"
NUMBER_FORMAT = "#,##0.###"  # shown with the reader's separators: 1.234,5 in a Vietnamese Excel
MAX_SHOWN_PLACES = 3
INTEGER_FORMAT = "0"  # years and codes: 2025, never grouped as 2.025


@dataclass(frozen=True)
class SheetSpec:
    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    widths: Sequence[int] = ()
    integer_columns: Collection[int] = ()  # 0-based columns of years/codes, written with INTEGER_FORMAT


def safe_text(value: str) -> str:
    """NFC, without characters XML cannot carry (controls; lone surrogates, which a broken UTF-16
    source or a JSON "\\ud800" can smuggle in and which make the save itself fail), within
    Excel's cell limit."""
    text: str = ILLEGAL_CHARACTERS_RE.sub("", unicodedata.normalize("NFC", _SURROGATES.sub("", value)))
    return text[:MAX_CELL_TEXT]


_SURROGATES = re.compile("[\ud800-\udfff]")


def write_xlsx(sheets: Sequence[SheetSpec]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(title=safe_text(spec.name)[:31])
        for col, header in enumerate(spec.headers, start=1):
            _put(sheet.cell(row=1, column=col), header).font = Font(bold=True)
        for r, values in enumerate(spec.rows, start=2):
            for col, value in enumerate(values, start=1):
                plain = col - 1 in spec.integer_columns
                _put(sheet.cell(row=r, column=col), value, INTEGER_FORMAT if plain else number_format(value))
        for col, width in enumerate(spec.widths, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=col).column_letter].width = width
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def number_format(value: Any) -> str:
    """The places a number was stated with, up to three: 25,5 stays "25,5" and 1.426.328 has no
    trailing separator ("#,##0.###" shows "1.426.328," in Excel for a whole number)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return NUMBER_FORMAT
    if isinstance(value, int) or value == value.to_integral_value():
        return "#,##0"
    exponent = value.normalize().as_tuple().exponent
    places = min(-exponent, MAX_SHOWN_PLACES) if isinstance(exponent, int) else MAX_SHOWN_PLACES
    return "#,##0." + "0" * places


def _put(cell: Any, value: Any, number_format: str = NUMBER_FORMAT) -> Any:
    if value is None:
        return cell
    if isinstance(value, bool):
        cell.value = "Có" if value else "Không"
    elif isinstance(value, int | Decimal):
        cell.value = value
        cell.number_format = number_format
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        text = safe_text(str(value))
        cell.value = text
        # Assigning "=..." made it a formula; make every text cell a string, and quote the risky ones.
        cell.data_type = "s"
        if text.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    return cell
