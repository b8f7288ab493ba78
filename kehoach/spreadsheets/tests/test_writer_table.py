"""Writing never produces a live formula or crashes; headers map to columns; export→import is exact."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl

from kehoach.spreadsheets.reader import read_xlsx
from kehoach.spreadsheets.table import Column, read_table
from kehoach.spreadsheets.values import to_decimal
from kehoach.spreadsheets.writer import SheetSpec, write_xlsx

from .builders import xlsx

HOSTILE = ['=HYPERLINK("http://x","bấm")', "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "=cmd|' /C calc'!A0"]


def test_no_exported_text_becomes_a_formula():
    data = write_xlsx([SheetSpec("Ghi chú", ["Nội dung"], [[text] for text in HOSTILE])])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Ghi chú"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, len(HOSTILE) + 2)]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert [c.value for c in cells] == HOSTILE


def test_control_characters_do_not_crash_the_export():
    data = write_xlsx([SheetSpec("S", ["a"], [["Dòng 1\x0bdòng 2\x00"]])])
    assert openpyxl.load_workbook(io.BytesIO(data))["S"]["A2"].value == "Dòng 1dòng 2"


def test_lone_surrogates_do_not_crash_the_export():
    """A JSON body may carry "\\ud800"; openpyxl cannot encode it, so the writer drops it."""
    data = write_xlsx([SheetSpec("S\udc00", ["a"], [["Bản\ud800 Nậm"]])])
    assert openpyxl.load_workbook(io.BytesIO(data))["S"]["A2"].value == "Bản Nậm"


def test_export_then_import_gives_back_exact_values():
    rows = [[Decimal("1426328"), Decimal("884799.125"), dt.date(2024, 3, 1), "Xã Bum Tở", 2023]]
    data = write_xlsx([SheetSpec("S", ["a", "b", "c", "d", "e"], rows)])
    back = read_xlsx(data).sheets["S"].rows[1]
    assert [to_decimal(back[0]), to_decimal(back[1]), back[2], back[3], int(back[4])] == rows[0]


COLUMNS = [
    Column("year", "Năm"),
    Column("commune", "Mã xã"),
    Column("note", "Ghi chú", required=False),
    Column("name", "Tên xã", required=False, informative=True),
]


def test_headers_match_without_diacritics_and_blank_rows_are_skipped():
    sheet = read_xlsx(
        xlsx({"S": [["nam", "MA XA", "Tên xã", "Khác"], [2023, "3454", "Bum Tở", 1], [], [2024, "3433"]]})
    ).sheets["S"]
    table = read_table(sheet, COLUMNS)
    assert [r.number for r in table.rows] == [2, 4]
    assert table.rows[0].values == {"year": 2023, "commune": "3454"}
    assert [p.severity for p in table.problems] == ["warning"]  # the unknown column "Khác"


def test_missing_and_duplicated_headers_are_errors_naming_the_column():
    sheet = read_xlsx(xlsx({"S": [["Năm", "Năm"]]})).sheets["S"]
    texts = [p.text() for p in read_table(sheet, COLUMNS).problems]
    assert "Trang “S”, dòng 1, cột B: cột “Năm” xuất hiện hai lần (cột A và B)" in texts
    assert "Trang “S”, dòng 1: thiếu cột “Mã xã” ở dòng tiêu đề" in texts
