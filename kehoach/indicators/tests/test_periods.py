"""Periods and their data windows (Nghị định 09/2019 Điều 12 or the calendar). No database."""

import datetime as dt

import pytest

from kehoach.indicators.choices import PeriodType, WindowKind
from kehoach.indicators.periods import Period, parse_period, periods_between


def test_annual_decree_09_window_runs_from_15_december_of_the_previous_year_to_14_december():
    assert Period(2024, 0).window(WindowKind.DECREE_09) == (dt.date(2023, 12, 15), dt.date(2024, 12, 14))


def test_first_half_decree_09_window_runs_from_15_december_to_14_june():
    assert Period(2024, 1).window(WindowKind.DECREE_09) == (dt.date(2023, 12, 15), dt.date(2024, 6, 14))
    assert Period(2024, 2).window(WindowKind.DECREE_09) == (dt.date(2024, 6, 15), dt.date(2024, 12, 14))


def test_calendar_window_is_the_calendar_year_or_half():
    assert Period(2024, 0).window(WindowKind.CALENDAR) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert Period(2024, 2).window(WindowKind.CALENDAR) == (dt.date(2024, 7, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("code", "expected"),
    [("2024", Period(2024, 0)), ("2024s1", Period(2024, 1)), (" 2025S2 ", Period(2025, 2))],
)
def test_reads_dhis2_style_period_codes(code, expected):
    assert parse_period(code) == expected


@pytest.mark.parametrize(
    "code", ["Q1/2025", "Quý I/2025", "2025Q1", "1/2025", "Năm 2024", "", "2024S3", "1850"]
)
def test_refuses_period_codes_it_would_have_to_guess(code):
    with pytest.raises(ValueError, match="Kỳ"):
        parse_period(code)


def test_refuses_a_half_year_in_an_annual_form():
    with pytest.raises(ValueError, match="không đúng loại kỳ"):
        parse_period("2024S1", expected=PeriodType.YEAR)


def test_previous_period_of_a_first_half_is_the_second_half_of_the_year_before():
    assert Period(2024, 1).previous() == Period(2023, 2)
    assert Period(2024, 2).previous() == Period(2024, 1)
    assert Period(2024, 0).previous() == Period(2023, 0)


def test_labels_are_vietnamese():
    assert Period(2024, 1).label == "6 tháng đầu năm 2024"
    assert Period(2024, 0).label == "Năm 2024"


def test_periods_between_lists_half_years_in_order():
    assert [p.code for p in periods_between(2024, 2025, PeriodType.HALF_YEAR)] == [
        "2024S1",
        "2024S2",
        "2025S1",
        "2025S2",
    ]
