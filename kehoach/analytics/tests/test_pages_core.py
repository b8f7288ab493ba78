"""The pure helpers of the pages (pages.py) against hand computations, and which option combos
count as ethnic-minority (every group but Kinh)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.analytics import pages
from kehoach.analytics.comparison import minority_combos
from kehoach.analytics.definitions import IndicatorValue
from kehoach.analytics.targets import Baseline, Comparator, Direction, TargetKind, TargetSpec
from kehoach.indicators import models as im

D = Decimal


def cell(coc: str, n: int, d: int | None, *, approximate: bool = False) -> IndicatorValue:
    value = D(100) * n / d if d else D(n)
    reasons = ("Xã Hua Bum gồm một phần Nậm Nhùn.",) if approximate else ()
    return IndicatorValue("X", 1, "2024", coc, D(n), None if d is None else D(d), value, approximate, reasons)


def spec(kind: TargetKind = TargetKind.LEVEL, value: str = "32", milestone: int = 2025) -> TargetSpec:
    return TargetSpec("T", kind, Comparator.GTE, D(value), milestone, Direction.INCREASE, "m")


def test_minority_figure_sums_numerators_and_denominators_before_dividing():
    combos = {"DT_35": cell("DT_35", 1, 10), "DT_41": cell("DT_41", 9, 30), "KINH": cell("KINH", 50, 60)}
    got = pages.minority_figure(combos, {"DT_35", "DT_41"}, D(100))
    assert got is not None
    assert (got.numerator, got.denominator, got.value) == (D(10), D(40), D(25))  # not (10 % + 30 %) / 2


def test_combine_keeps_approximate_reasons_and_refuses_a_zero_denominator():
    got = pages.combine([cell("a", 1, 4), cell("b", 1, 4, approximate=True)], D(100))
    assert got is not None and got.approximate and got.reasons == ("Xã Hua Bum gồm một phần Nậm Nhùn.",)
    assert got.value == 25
    assert pages.combine([cell("a", 0, 0)], D(100)) is None
    assert pages.combine([], D(1)) is None
    counts = pages.combine([cell("a", 3, None), cell("b", 4, None)], D(1))
    assert counts is not None and counts.value == 7 and counts.denominator is None


def test_trajectory_is_linear_from_the_baseline_to_the_milestone():
    path = pages.trajectory_by_year(spec(), Baseline(2021, D(20)), D(32), range(2019, 2028))
    assert path == {2021: D(20), 2022: D(23), 2023: D(26), 2024: D(29), 2025: D(32)}
    assert pages.trajectory_by_year(spec(), None, D(32), range(2020, 2026)) == {}


def test_growth_trajectory_is_geometric():
    path = pages.trajectory_by_year(
        spec(TargetKind.GROWTH_PER_YEAR, "10", 2023), Baseline(2021, D(100)), D(121), [2022]
    )
    assert abs(path[2022] - D(110)) < D("1e-20")


def test_percent_of_target():
    assert pages.percent_of(D("25.5"), D(26)) == D("25.5") * 100 / D(26)
    assert pages.percent_of(None, D(1)) is None and pages.percent_of(D(1), D(0)) is None


def test_judged_actuals_of_a_relative_target_divide_by_the_reference():
    relative = TargetSpec(
        "T", TargetKind.RELATIVE_TO_MEASURE, Comparator.GTE, D(100), 2025, Direction.INCREASE, "m"
    )
    got = pages.judged_actuals(relative, {2024: cell("default", 60, 100)}, {2024: cell("default", 80, 100)})
    assert got == {2024: D(75)}  # 60 % of cadres vs 80 % of the population


def test_yearly_ignores_half_years_and_other_units():
    cells = {
        ("X", 1, "2024", "default"): cell("default", 1, 2),
        ("X", 1, "2024S1", "default"): cell("default", 1, 3),
        ("X", 2, "2023", "default"): cell("default", 1, 4),
    }
    assert list(pages.yearly(cells, "X", 1)) == [2024]


def test_name_pairs_find_the_whole_population_twin():
    named = [
        pages.Named("TL_HO_NGHEO_DTTS", "Tỷ lệ hộ nghèo đồng bào DTTS", True, "ratio", "%"),
        pages.Named("TL_HO_NGHEO", "Tỷ lệ hộ nghèo", False, "ratio", "%"),
        pages.Named("SL_HO_NGHEO", "Tỷ lệ hộ nghèo", False, "count", "hộ"),  # another type: no pair
        pages.Named("TL_CB_DTTS", "Tỷ lệ cán bộ người DTTS", True, "ratio", "%"),
    ]
    assert pages.name_pairs(named) == [("TL_HO_NGHEO_DTTS", "TL_HO_NGHEO")]


def test_chart_payload_keeps_exact_numbers_and_gaps():
    payload = pages.chart_payload(
        [2023, 2024, 2025],
        "Thực hiện",
        {2024: D("25.5")},
        [("Lộ trình T", "T", {2023: D(20), 2024: D(26), 2025: D(32)})],
        [("Mục tiêu T", "T", 2025, D(32))],
    )
    assert payload["labels"] == ["2023", "2024", "2025"]
    datasets = payload["datasets"]
    assert isinstance(datasets, list)
    assert datasets[0]["data"] == [None, "25.5", None]
    assert datasets[2] == {"kind": "target", "label": "Mục tiêu T", "target": "T", "data": [None, None, "32"]}


@pytest.mark.django_db
def test_every_seed_ethnic_combo_is_minority_and_kinh_is_not(seed_plan):
    minority, ethnic = minority_combos()
    assert {"DT_35", "DT_41", "DT_KHAC"} <= minority and minority == ethnic  # Mường Tè's groups only
    kinh_group = im.EthnicGroup.objects.get(name="Kinh")
    assert kinh_group.is_minority is False
    category = im.CategoryOption.objects.get(code="DT_35").category
    kinh = im.CategoryOption.objects.create(
        category=category, code="DT_01", name="Kinh", ethnic_group=kinh_group
    )
    combo = im.CategoryOptionCombo.objects.get(code="DT_35").combo
    coc = im.CategoryOptionCombo.objects.create(combo=combo, code="DT_01", name="Kinh", order=99)
    coc.options.add(kinh)
    minority, ethnic = minority_combos()
    assert "DT_01" in ethnic and "DT_01" not in minority and "DT_35" in minority
