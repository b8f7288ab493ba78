"""The aggregation rules on small hand-computed cases (a commune 10 with villages 11 and 12)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kehoach.analytics.definitions import (
    TOTAL,
    AggregationType,
    AnalyticsSettings,
    Catalogue,
    DataElement,
    DataValue,
    DefinitionError,
    Indicator,
    IndicatorType,
    Term,
    ValueStatus,
)
from kehoach.analytics.engine import Engine
from kehoach.analytics.formulas import compile_catalogue
from kehoach.analytics.geography import Succession, Unit, build_geography
from kehoach.analytics.periods import next_period, previous_period, sort_key, year_of
from kehoach.orgunits.tree import Link

D = Decimal
GEOGRAPHY = build_geography(
    [Unit(10, "Xã A"), Unit(11, "Bản 1"), Unit(12, "Bản 2")],
    [Link(11, 10, None, None), Link(12, 10, None, None)],
    [],
    as_of=dt.date(2026, 1, 1),
)
ELEMENTS = [
    DataElement("poor"),
    DataElement("households"),
    DataElement("income", AggregationType.NONE),
    DataElement("hdi", AggregationType.NONE),
    DataElement("trained", category_combos=("sex", "ethnic")),
    DataElement("labour", category_combos=("sex",)),
]
BREAKDOWNS = {"female": "sex", "male": "sex", "thai": "ethnic", "kinh": "ethnic"}
INDICATORS = [
    Indicator("poverty", IndicatorType.RATIO, (Term("poor"),), (Term("households"),), D(100)),
    Indicator("households", IndicatorType.COUNT, (Term("households"),)),
    Indicator("income", IndicatorType.AVERAGE, (Term("income"),), weight="households"),
    Indicator("hdi", IndicatorType.INDEX, (Term("hdi"),)),
    Indicator("growth", IndicatorType.RATE_OF_CHANGE, base="households", factor=D(100)),
    Indicator("trained", IndicatorType.RATIO, (Term("trained"),), (Term("labour"),), D(100)),
    Indicator(
        "women_share",
        IndicatorType.RATIO,
        (Term("trained", frozenset({"female"})),),
        (Term("trained"),),
        D(100),
    ),
]


def _cells(values: list[DataValue], **settings: object) -> dict[tuple[str, int, str, str], object]:
    catalogue = Catalogue.of(ELEMENTS, INDICATORS, BREAKDOWNS)
    engine = Engine(catalogue, GEOGRAPHY, AnalyticsSettings(**settings))
    return {k: v.value for k, v in engine.load(values).items()}


def _v(
    element: str, unit: int, value: str, period: str = "2024", coc: str = TOTAL, **kw: object
) -> DataValue:
    return DataValue(element, unit, period, coc, D(value), **kw)


def test_ratio_sums_numerators_and_denominators_instead_of_averaging_percentages():
    cells = _cells(
        [_v("poor", 11, "1"), _v("households", 11, "2"), _v("poor", 12, "1"), _v("households", 12, "100")]
    )
    assert cells[("poverty", 11, "2024", TOTAL)] == 50
    assert cells[("poverty", 12, "2024", TOTAL)] == 1
    # 2 / 102, not the mean of 50 % and 1 % (25,5 %).
    assert cells[("poverty", 10, "2024", TOTAL)] == D(200) / D(102)


def test_average_is_weighted_by_its_weight_and_entries_without_weight_are_left_out():
    weighted = [_v("income", 11, "30"), _v("households", 11, "100"), _v("income", 12, "60")]
    # The commune's own estimate has no weight of its own: left out.
    cells = _cells([*weighted, _v("households", 12, "50"), _v("income", 10, "999")])
    assert cells[("income", 10, "2024", TOTAL)] == D(6000) / D(150)  # (30·100 + 60·50) / 150 = 40


def test_index_is_never_added_up():
    cells = _cells([_v("hdi", 11, "0.61"), _v("hdi", 12, "0.55")])
    assert cells[("hdi", 11, "2024", TOTAL)] == D("0.61")
    assert ("hdi", 10, "2024", TOTAL) not in cells


def test_rate_of_change_comes_from_aggregated_levels_not_from_averaging_rates():
    values = [_v("households", 11, "100", "2023"), _v("households", 11, "110", "2024")]
    values += [_v("households", 12, "10", "2023"), _v("households", 12, "20", "2024")]
    cells = _cells(values)
    assert cells[("growth", 11, "2024", TOTAL)] == 10
    assert cells[("growth", 12, "2024", TOTAL)] == 100
    assert cells[("growth", 10, "2024", TOTAL)] == D(2000) / D(110)  # 130 / 110 − 1, not (10 + 100) / 2


def test_split_values_give_rows_per_combo_and_a_total_equal_to_their_sum():
    values = [_v("trained", 11, "3", coc="female"), _v("trained", 11, "1", coc="male")]
    values += [_v("labour", 11, "10", coc="female"), _v("labour", 11, "10", coc="male")]
    cells = _cells(values)
    assert cells[("trained", 11, "2024", "female")] == 30
    assert cells[("trained", 11, "2024", "male")] == 10
    assert cells[("trained", 11, "2024", TOTAL)] == 20
    assert cells[("women_share", 11, "2024", TOTAL)] == 75
    assert ("women_share", 11, "2024", "female") not in cells  # a restricted indicator has totals only


def test_an_entered_total_wins_and_a_missing_one_is_the_sum_of_the_first_breakdown():
    labour = [
        _v("labour", 11, "10", coc="female"),
        _v("labour", 11, "10", coc="male"),
        _v("labour", 11, "25"),
    ]
    labour += [_v("labour", 12, "5")]  # a total only
    trained = [
        _v("trained", 11, "4", coc="female"),
        _v("trained", 11, "9", coc="thai"),
        _v("trained", 12, "1"),
    ]
    cells = _cells(labour + trained)
    # Village 11's trained total is its sex breakdown (4), not 4 + 9: each breakdown is the whole total.
    assert cells[("trained", 10, "2024", TOTAL)] == D(500) / D(30)  # (4 + 1) / (25 + 5)
    assert cells[("trained", 10, "2024", "female")] == 40  # 4 / 10: split figures keep their cells
    assert ("trained", 10, "2024", "thai") not in cells  # labour has no ethnic breakdown


def test_counted_statuses_is_a_setting():
    values = [_v("households", 11, "5", status=ValueStatus.SUBMITTED), _v("households", 12, "7")]
    assert _cells(values)[("households", 10, "2024", TOTAL)] == 7
    both = frozenset({ValueStatus.SUBMITTED, ValueStatus.APPROVED})
    assert _cells(values, counted_statuses=both)[("households", 10, "2024", TOTAL)] == 12


def test_a_ratio_needs_a_non_zero_denominator_and_an_entered_numerator():
    cells = _cells(
        [
            *[_v("households", 11, "0"), _v("households", 12, "4"), _v("poor", 10, "9", period="2025")],
            *[_v("households", 11, "5", period="2026"), _v("poor", 11, "0", period="2026")],
        ]
    )
    assert ("poverty", 11, "2024", TOTAL) not in cells
    assert ("poverty", 12, "2024", TOTAL) not in cells  # blank poor households: missing, not 0 %
    assert ("poverty", 10, "2025", TOTAL) not in cells
    assert cells[("poverty", 11, "2026", TOTAL)] == 0  # an entered 0 is a 0


def test_values_stay_exact_until_display():
    cells = _cells([_v("poor", 11, "1"), _v("households", 11, "3")])
    assert cells[("poverty", 11, "2024", TOTAL)] == D("33.33333333333333333333333333")


@pytest.mark.parametrize(
    ("indicator", "message"),
    [
        (Indicator("x", IndicatorType.RATIO, (Term("poor"),)), "cần mẫu số"),
        (Indicator("x", IndicatorType.COUNT, (Term("nope"),)), "không có phần tử dữ liệu “nope”"),
        (Indicator("x", IndicatorType.AVERAGE, (Term("income"),)), "cần mẫu số"),
        (Indicator("x", IndicatorType.INDEX, (Term("poor"),)), "không cộng dồn"),
        (Indicator("x", IndicatorType.RATE_OF_CHANGE, base="missing"), "chỉ tiêu gốc"),
        (Indicator("x", IndicatorType.COUNT, (Term("poor", frozenset({"female"})),)), "có phân tổ"),
        (Indicator("x", IndicatorType.AVERAGE, (Term("income"),), weight="labour"), "cùng cách phân tổ"),
    ],
)
def test_definitions_the_engine_cannot_evaluate_are_refused_in_vietnamese(indicator, message):
    with pytest.raises(DefinitionError, match=message):
        compile_catalogue(Catalogue.of(ELEMENTS, [indicator], BREAKDOWNS))


def test_period_codes_follow_dhis2():
    assert previous_period("2024") == "2023" and next_period("2024") == "2025"
    assert previous_period("2024S1") == "2023S2" and next_period("2024S1") == "2024S2"
    assert year_of("2024S2") == 2024
    assert sorted(["2024", "2024S2", "2024S1", "2023"], key=sort_key) == ["2023", "2024S1", "2024S2", "2024"]
    with pytest.raises(ValueError, match="không hợp lệ"):
        year_of("24")


def test_a_commune_split_between_two_new_communes_counts_approximately_in_each():
    june_30, july_1 = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
    units = [Unit(1, "Tỉnh"), Unit(2, "Xã Cũ", valid_to=june_30), Unit(3, "Xã Đông", valid_from=july_1)]
    units += [Unit(4, "Xã Tây", valid_from=july_1), Unit(5, "Bản Đông"), Unit(6, "Bản Tây")]
    links = [Link(2, 1, None, june_30), Link(3, 1, july_1, None), Link(4, 1, july_1, None)]
    links += [
        Link(5, 2, None, june_30),
        Link(5, 3, july_1, None),
        Link(6, 2, None, june_30),
        Link(6, 4, july_1, None),
    ]
    lineage = [Succession(2, 3, partial=True), Succession(2, 4, partial=True)]
    geography = build_geography(units, links, lineage, as_of=dt.date(2026, 1, 1))
    engine = Engine(Catalogue.of(ELEMENTS, INDICATORS, BREAKDOWNS), geography, AnalyticsSettings())
    cells = engine.load([_v("households", 2, "40", "2023"), _v("households", 5, "7", "2023")])
    east = cells[("households", 3, "2023", TOTAL)]
    assert east.value == 47 and east.approximate  # the former commune's own figure, whole, plus its village
    assert east.reason.startswith("Chỉ một phần của Xã Cũ đã chuyển vào Xã Đông;")
    assert cells[("households", 4, "2023", TOTAL)].approximate
    assert (
        not cells[("households", 1, "2023", TOTAL)].approximate
        and cells[("households", 1, "2023", TOTAL)].value == 47
    )
