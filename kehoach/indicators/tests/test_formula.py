"""Indicator values at one unit, and poverty-standard series breaks. No database."""

from decimal import Decimal as D

from kehoach.indicators.formula import Formula, StandardSpan, series_breaks, standard_for

POVERTY = [
    StandardSpan("QD59-2015", "2016–2020", 2016, 2021),
    StandardSpan("ND07-2021", "2022–2025", 2022, 2026),
    StandardSpan("ND351-2025", "2026–2030", 2027, None),
]


def test_ratio_is_factor_times_numerator_over_denominator_exactly():
    assert Formula("ratio", D(100), True).value(D(1), D(3)) == D(100) / D(3)
    assert Formula("ratio", D(100), True).value(D(45), D(300)) == D(15)


def test_ratio_without_denominator_or_with_zero_has_no_value():
    assert Formula("ratio", D(100), True).value(D(5), None) is None
    assert Formula("ratio", D(100), True).value(D(5), D(0)) is None


def test_count_is_the_numerator():
    assert Formula("count", D(1), False).value(D(7), None) == D(7)


def test_rate_of_change_compares_the_level_with_the_previous_period():
    growth = Formula("rate_of_change", D(100), False)
    assert growth.value(D(106), None, (D(100), None)) == D(6)
    productivity = Formula("rate_of_change", D(100), True)
    assert productivity.value(D(220), D(100), (D(200), D(100))) == D(10)
    assert growth.value(D(106), None, None) is None


def test_poverty_figures_carry_the_standard_in_force_in_their_year():
    assert standard_for(POVERTY, 2021).code == "QD59-2015"
    assert standard_for(POVERTY, 2026).code == "ND07-2021"
    assert standard_for(POVERTY, 2027).code == "ND351-2025"


def test_a_change_of_standard_is_a_series_break():
    assert series_breaks([2020, 2021, 2022, 2023, 2026, 2027], POVERTY) == {2022, 2027}
