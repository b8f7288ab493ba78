"""Build and edit entry templates in tests (openpyxl in normal mode keeps protection and sheets)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from kehoach.datavalues.excel.services import template_for
from kehoach.datavalues.services import SYSTEM
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import Period
from kehoach.orgunits.models import OrgUnit

SHEET = "Số liệu"


def template(
    code: str = "XA-NAM", unit_key: str = "gso-legacy:03433", period: str = "2024", user: Any = SYSTEM
) -> bytes:
    ds = DataSet.objects.get(code=code)
    return template_for(
        user=user, data_set=ds, unit=OrgUnit.objects.get(key=unit_key), period=Period(int(period), 0)
    )


def row_of(data: bytes, element: str, coc: str = "default", unit_key: str | None = None) -> int:
    sheet = load_workbook(io.BytesIO(data))[SHEET]
    for n, cells in enumerate(sheet.iter_rows(min_row=2, values_only=True), 2):
        if cells[3] == element and cells[5] == coc and (unit_key is None or cells[0] == unit_key):
            return n
    raise KeyError(element)


def edit(data: bytes, cells: dict[str, Any], sheet_name: str = SHEET) -> bytes:
    """Set cells ("J5": value) of a sheet and save, as a person would in Excel."""
    book = load_workbook(io.BytesIO(data))
    sheet = book[sheet_name]
    for ref, value in cells.items():
        sheet[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def fill(data: bytes, values: dict[str, Any], coc: str = "default") -> bytes:
    """Fill column J for elements (total cells unless `coc`)."""
    return edit(data, {f"J{row_of(data, el, coc)}": v for el, v in values.items()})
