from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.core.formatting import parse_vn_decimal, vn_date, vn_date_long, vn_number, vn_percent
from kehoach.core.text import fold, nfc


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1426328, "1.426.328"),
        (Decimal("99.5"), "99,5"),
        (Decimal("99.500000"), "99,5"),
        (0, "0"),
        (Decimal("-1234.5"), "-1.234,5"),
        (Decimal("0.6"), "0,6"),
        (Decimal("1000"), "1.000"),
        (None, ""),
    ],
)
def test_vn_number(value, text):
    assert vn_number(value) == text


def test_vn_percent_and_places():
    assert vn_percent(Decimal("99.5")) == "99,5%"
    assert vn_number(Decimal("2.345"), 1) == "2,3"
    assert vn_number(Decimal("2.35"), 1) == "2,4"


def test_dates():
    assert vn_date(dt.date(2024, 1, 5)) == "05/01/2024"
    assert vn_date_long(dt.date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert vn_date_long(dt.date(2022, 6, 18)) == "ngày 18 tháng 6 năm 2022"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.426.328", Decimal("1426328")),
        ("99,5", Decimal("99.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1426328", Decimal("1426328")),
        ("99.5", Decimal("99.5")),
        ("1.500", Decimal("1500")),
        ("-3,25", Decimal("-3.25")),
        (" 12 ", Decimal("12")),
    ],
)
def test_parse_vn_decimal(text, value):
    assert parse_vn_decimal(text) == value


@pytest.mark.parametrize("text", ["", "1.42.6", "1,2,3", "abc", "1.234.5", "1,234.5", "12.", "."])
def test_parse_vn_decimal_refuses_ambiguous_input(text):
    with pytest.raises(ValueError):
        parse_vn_decimal(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_formatting_round_trips(value):
    assert parse_vn_decimal(vn_number(value)) == value


def test_fold_ignores_diacritics_case_and_d_stroke():
    assert fold("Mường Tè") == "muong te"
    assert fold("ĐẮK  Lắk") == "dak lak"
    assert fold(nfc("Mu\u031bo\u031b\u0300ng")) == "muong"  # NFD input


def test_nfc_removes_control_characters():
    assert nfc("Bản\x00 Nà\x1fNọi") == "Bản NàNọi"
