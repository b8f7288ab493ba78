"""The reader's fast path for ordinary rows gives exactly what the checking path gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kehoach.datavalues import rows as r
from kehoach.datavalues.excel.reader import _checked_row, _row
from kehoach.spreadsheets.table import Row

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
