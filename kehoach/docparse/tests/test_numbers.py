"""Vietnamese number parsing and formatting (Decimal only)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.docparse.numbers import (
    find_numbers,
    format_vn_number,
    parse_number,
    parse_vn_number,
    plain,
    to_decimal,
)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.426.328", "1426328"),
        ("99,5", "99.5"),
        ("0,6", "0.6"),
        ("61,53", "61.53"),
        ("1.500", "1500"),  # the Vietnamese rule: a dot after thousands
        ("9.068,73", "9068.73"),
        ("2,5", "2.5"),
        ("0", "0"),
        ("100", "100"),
        ("1 500 000", "1500000"),
        ("1\u00a0500", "1500"),
        ("-1.234,5", "-1234.5"),
    ],
)
def test_parses_vietnamese_forms(raw: str, value: str) -> None:
    assert parse_vn_number(raw) == Decimal(value)
    assert isinstance(parse_vn_number(raw), Decimal)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,500", "1.5"),  # Vietnamese reading, but an English writer meant 1500
        ("1.5", "1.5"),  # English decimal point (not a thousands group)
        ("1,234.5", "1234.5"),
        ("1,234,567", "1234567"),
    ],
)
def test_ambiguous_forms_are_flagged_and_rejected_when_strict(raw: str, value: str) -> None:
    parsed = parse_number(raw)
    assert parsed.ambiguous
    assert parsed.value == Decimal(value)
    with pytest.raises(ValueError, match="ambiguous"):
        parse_vn_number(raw)
    assert parse_vn_number(raw, strict=False) == Decimal(value)


@pytest.mark.parametrize("raw", ["", "abc", "1.23.4", "1..2", "12,", ",5", "1,2,3", "1.2345.678"])
def test_rejects_non_numbers(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_number(raw)


@pytest.mark.parametrize(
    ("value", "text"),
    [("1426328", "1.426.328"), ("99.5", "99,5"), ("0.6", "0,6"), ("1500", "1.500"), ("-45000", "-45.000")],
)
def test_formats_the_vietnamese_way(value: str, text: str) -> None:
    assert format_vn_number(Decimal(value)) == text


def test_format_rejects_infinity() -> None:
    with pytest.raises(ValueError):
        format_vn_number(Decimal("Infinity"))


decimals = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, allow_infinity=False, places=4
)


@given(decimals)
def test_round_trip_format_then_parse(value: Decimal) -> None:
    assert parse_vn_number(format_vn_number(value), strict=False) == value


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_unambiguously(value: int) -> None:
    text = format_vn_number(Decimal(value))
    assert parse_vn_number(text) == value


@given(decimals)
def test_numbers_found_in_running_text(value: Decimal) -> None:
    text = f"Tổng vốn dự kiến: {format_vn_number(abs(value))} triệu đồng."
    found = find_numbers(text)
    assert [m.value for m in found] == [abs(value)]
    assert text[found[0].start : found[0].end] == format_vn_number(abs(value))


@given(decimals)
def test_plain_is_exact(value: Decimal) -> None:
    assert Decimal(plain(value)) == value
    assert "E" not in plain(value)


def test_find_numbers_skips_dates_symbols_and_versions() -> None:
    text = "Nghị quyết số 10/NQ-CP ngày 28/01/2022; công nghiệp 4.0; đạt 99,5% và 1.257.762 triệu đồng"
    assert [m.raw for m in find_numbers(text)] == ["99,5", "1.257.762"]


def test_to_decimal_reads_data_file_numbers_exactly() -> None:
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal(1426328) == Decimal(1426328)
    assert to_decimal("99.5") == Decimal("99.5")
