"""Reading values: every row whatever the producer, formulas and error cells reported, limits."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kehoach.spreadsheets.errors import FileRejected
from kehoach.spreadsheets.limits import Limits
from kehoach.spreadsheets.reader import read_xlsx
from kehoach.testing.libreoffice import needs_libreoffice

from .builders import sheet_xml, uncached_formula, wps_dimension, xlsx

ROWS: list[list[Any]] = [["Năm", "Số tiền"], *([2021 + i % 5, i * 10] for i in range(1000))]


def test_reads_every_row_of_an_openpyxl_file():
    book = read_xlsx(xlsx({"Giao vốn": ROWS}))
    assert len(book.sheets["Giao vốn"].rows) == 1001
    assert book.problems == []


def test_reads_every_row_despite_the_wps_dimension_trap():
    data = wps_dimension(xlsx({"Giao vốn": ROWS}))
    # The trap is real: openpyxl's read-only mode trusts the dimension and sees one row.
    trusting = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert sum(1 for _ in trusting["Giao vốn"].iter_rows()) == 1
    assert len(read_xlsx(data).sheets["Giao vốn"].rows) == 1001


def test_rows_keep_their_excel_positions_when_the_top_is_empty():
    book = read_xlsx(xlsx({"S": [[], [], [None, "x"]]}))
    assert book.sheets["S"].rows[2][1] == "x"


def test_reports_a_formula_without_cached_value_with_its_cell():
    book = read_xlsx(uncached_formula(xlsx({"Giao vốn": [["a", "b"], [1, 2]]}), "B2"))
    [problem] = book.problems
    assert (problem.sheet, problem.row, problem.column) == ("Giao vốn", 2, "B")
    assert "công thức chưa được tính" in problem.text()


def test_uses_the_cached_value_of_a_calculated_formula():
    data = sheet_xml(
        xlsx({"S": [["a", "b"], [1, 2]]}),
        lambda d: d.replace(b'<c r="B2" t="n"><v>2</v>', b'<c r="B2"><f>1+1</f><v>2</v>'),
    )
    book = read_xlsx(data)
    assert book.problems == [] and book.sheets["S"].rows[1][1] == 2


def test_reports_error_values():
    data = sheet_xml(
        xlsx({"S": [["a"], [1]]}),
        lambda d: d.replace(b'<c r="A2" t="n"><v>1</v></c>', b'<c r="A2" t="e"><v>#N/A</v></c>'),
    )
    [problem] = read_xlsx(data).problems
    assert "#N/A" in problem.message and problem.row == 2


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # A namespace-prefixed formula without a cached value (some producers write x:f).
        (b'<c r="A2"><x:f>1+1</x:f></c>', "công thức chưa được tính"),
        (b"<c r=\"A2\" t='e'><v>#DIV/0!</v></c>", "#DIV/0!"),
        (b'<c r="A2" t = "e"><v>#REF!</v></c>', "#REF!"),
    ],
)
def test_the_fast_prefilter_still_finds_every_problem_form(cell: bytes, expected: str):
    data = sheet_xml(
        xlsx({"S": [["a"], [1]]}),
        lambda d: d.replace(b'<c r="A2" t="n"><v>1</v></c>', cell).replace(
            b"<worksheet ",
            b'<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
            1,
        ),
    )
    [problem] = read_xlsx(data).problems
    assert expected in problem.text() and problem.row == 2


def test_a_formula_like_tag_elsewhere_is_not_a_problem():
    """Data validations hold <formula1>: it must not read as a formula cell."""
    data = sheet_xml(
        xlsx({"S": [["a"], [1]]}),
        lambda d: d.replace(
            b"</sheetData>",
            b'</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="A2">'
            b"<formula1>0</formula1></dataValidation></dataValidations>",
        ),
    )
    book = read_xlsx(data)
    assert book.problems == [] and book.sheets["S"].rows[1][0] == 1


def test_rejects_sheets_over_the_row_and_column_caps():
    with pytest.raises(FileRejected, match="quá 100 dòng"):
        read_xlsx(xlsx({"S": ROWS}), limits=Limits(max_rows=100))
    with pytest.raises(FileRejected, match="quá 1 cột"):
        read_xlsx(xlsx({"S": ROWS}), limits=Limits(max_columns=1))


@needs_libreoffice
def test_reads_a_file_resaved_by_libreoffice(tmp_path: Path):
    source = tmp_path / "in.xlsx"
    source.write_bytes(
        xlsx({"Giao vốn": [["Ngày", "Số tiền", "Ghi chú"], [dt.date(2024, 3, 1), 1234.5, "Bản Nậm"]]})
    )
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    rows = read_xlsx((out / "in.xlsx").read_bytes()).sheets["Giao vốn"].rows
    assert rows[1][:3] == [dt.date(2024, 3, 1), 1234.5, "Bản Nậm"]
