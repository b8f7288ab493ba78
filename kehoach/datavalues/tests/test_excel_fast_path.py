"""The reader's fast path for ordinary rows gives exactly what the checking path gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kehoach.datavalues import rows as r
from kehoach.datavalues.excel.layout import COLUMNS, DATA_SHEET
from kehoach.datavalues.excel.reader import _checked_row, _row, value_rows
from kehoach.spreadsheets.reader import Sheet
from kehoach.spreadsheets.table import Row, read_header, read_table
from kehoach.spreadsheets.values import Cell

_ascii = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=12)
_code = st.one_of(_ascii, st.sampled_from(["", "  ", " 2024 ", "gso-legacy:03433"]))
_any_text = st.one_of(_code, st.text(max_size=8), st.just("Bản\x0bNậm"), st.just("Nậm"))
_whole = st.integers(min_value=-(2**52), max_value=2**52).map(float)
_number = st.one_of(_whole, st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 5))
_cell = st.one_of(st.none(), _any_text, _number, st.booleans())


@given(
    unit=st.one_of(_code, _cell),
    period=st.one_of(_code, _cell),
    element=st.one_of(_code, _cell),
    coc=st.one_of(st.none(), _code, _cell),
    value=st.one_of(st.none(), _whole, _cell),
    comment=st.one_of(st.none(), _code, _cell),
    version=st.one_of(_whole, _cell),
)
def test_fast_path_equals_the_checking_path(unit, period, element, coc, value, comment, version):
    row = Row(
        number=7,
        values={
            r.UNIT: unit,
            r.PERIOD: period,
            r.ELEMENT: element,
            r.OPTION_COMBO: coc,
            r.VALUE: value,
            r.COMMENT: comment,
            r.VERSION: version,
        },
        letters={},
    )
    assert _row(row) == _checked_row(row)


# Whole sheets: repeated cells exercise the reader's memo of plain codes and whole numbers, and
# short, blank and odd rows its fallback to the careful path.
_pool = st.lists(_cell, min_size=1, max_size=6)


_GOOD = {  # a cell the fast path takes, by column
    r.UNIT: _code,
    r.PERIOD: _code,
    r.ELEMENT: _code,
    r.OPTION_COMBO: st.one_of(st.none(), _code),
    r.VALUE: st.one_of(st.none(), st.just(""), _whole),
    r.COMMENT: st.one_of(st.none(), _code, st.just(" " + "x" * 2005)),
    r.VERSION: _whole,
}


@st.composite
def _sheets(draw: st.DrawFn) -> Sheet:
    pool = draw(_pool)
    cell = st.one_of(st.sampled_from(pool), _cell, st.sampled_from(["2024", "default", "DS_TONG", 3.0, None]))
    template = [draw(_GOOD.get(c.key, cell)) for c in COLUMNS]
    rows = draw(
        st.lists(
            st.one_of(
                st.lists(cell, max_size=len(COLUMNS) + 1),
                st.builds(
                    lambda changes: _vary(template, changes), st.lists(st.tuples(st.integers(0, 11), cell))
                ),
                st.builds(
                    lambda changes: _vary(template, changes),
                    st.lists(st.tuples(st.integers(0, 11), cell), max_size=1),
                ),
            ),
            max_size=12,
        )
    )
    return Sheet(name=DATA_SHEET, rows=[[c.header for c in COLUMNS], *rows])


def _vary(template: list[Cell], changes: list[tuple[int, Cell]]) -> list[Cell]:
    row = list(template)
    for index, cell in changes:
        row[index] = cell
    return row


@given(sheet=_sheets())
def test_the_sheet_loop_equals_the_checking_path_row_by_row(sheet):
    header = read_header(sheet, COLUMNS)
    careful = [_checked_row(row) for row in read_table(sheet, COLUMNS).rows]
    assert value_rows(sheet, header) == careful
