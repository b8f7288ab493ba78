"""Cells to exact values: Vietnamese numbers as text, NFD, control characters, dates."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from kehoach.spreadsheets.errors import CellError
from kehoach.spreadsheets.values import clean_text, strict_text, to_date, to_decimal, to_int


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (1234.5, Decimal("1234.5")),
        (0.1, Decimal("0.1")),
        (1000.0, Decimal("1000")),
        (7, Decimal("7")),
        ("1.234,5", Decimal("1234.5")),
        ("1.426.328", Decimal("1426328")),
        ("99,5", Decimal("99.5")),
        ("1\u00a0234", Decimal("1234")),
        ("  884.799 ", Decimal("884799")),
    ],
)
def test_reads_numbers_from_numeric_cells_and_vietnamese_text(cell, expected):
    value = to_decimal(cell)
    assert value == expected and str(value) == str(expected)


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("1,234.5", "không phải là số hợp lệ"),
        ("12%", "dấu %"),
        ("(1.000)", "số âm kiểu kế toán"),
        ("1E+05", "không phải là số hợp lệ"),
        ("'123", "không phải là số hợp lệ"),
        ("x", "không phải là số hợp lệ"),
        (True, "đúng/sai"),
        (float("nan"), "hữu hạn"),
        (1.23456, "quá 3 chữ số thập phân"),
        ("1\x0b234", "ký tự điều khiển"),
    ],
)
def test_refuses_ambiguous_or_broken_numbers_with_a_reason(cell, words):
    with pytest.raises(CellError, match=words):
        to_decimal(cell)


@pytest.mark.parametrize("cell", [1e28, 1e300, -1e30, "1" + "0" * 40, 12345678901234567890123.5])
def test_huge_numbers_are_refused_not_crashed_on(cell):
    """quantize() beyond 28 digits raises InvalidOperation: the size check must come first."""
    with pytest.raises(CellError, match="quá lớn"):
        to_decimal(cell)
    with pytest.raises(CellError, match="quá lớn"):
        to_int(cell)


def test_whole_numbers_are_integers_and_fractions_are_refused():
    assert to_int(2023.0) == 2023 and to_int("2.023") == 2023
    with pytest.raises(CellError, match="số nguyên"):
        to_int("2023,5")


def test_text_is_normalised_to_nfc():
    nfd = unicodedata.normalize("NFD", "Xã Bum Tở")
    assert nfd != "Xã Bum Tở"
    assert clean_text(nfd) == ("Xã Bum Tở", False)


def test_control_characters_are_stripped_and_reported():
    assert clean_text("Ghi\x0bchú\x00") == ("Ghichú", True)
    with pytest.raises(CellError, match="ký tự điều khiển"):
        strict_text("DA1\x00")


def test_codes_typed_as_numbers_lose_the_float_suffix():
    assert clean_text(3454.0) == ("3454", False)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.date(2025, 12, 31), dt.date(2025, 12, 31)),
        (dt.datetime(2025, 12, 31, 0, 0, tzinfo=dt.UTC), dt.date(2025, 12, 31)),  # as calamine gives it
        ("31/12/2025", dt.date(2025, 12, 31)),
        ("9/6/2022", dt.date(2022, 6, 9)),
        ("2022-06-09", dt.date(2022, 6, 9)),
    ],
)
def test_reads_dates(cell, expected):
    assert to_date(cell) == expected


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("12/31/2025", "không tồn tại"),
        ("29/02/2025", "không tồn tại"),
        (45000.0, "đang là số"),
        ("Q1/2025", "không phải ngày"),
    ],
)
def test_refuses_impossible_or_ambiguous_dates(cell, words):
    with pytest.raises(CellError, match=words):
        to_date(cell)
