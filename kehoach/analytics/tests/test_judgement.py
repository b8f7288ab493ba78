"""Target judgement, every kind, with expectations computed by hand (baseline 2020, now 2024)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.analytics.judgement import judge
from kehoach.analytics.targets import (
    Baseline,
    Comparator,
    Direction,
    JudgementSettings,
    Status,
    TargetKind,
    TargetSpec,
    UnitTarget,
)

D = Decimal
NOW = JudgementSettings(current_year=2024)
LEVEL, GTE, GT, LTE, LT, EQ = (
    TargetKind.LEVEL,
    Comparator.GTE,
    Comparator.GT,
    Comparator.LTE,
    Comparator.LT,
    Comparator.EQ,
)
UP, DOWN = Direction.INCREASE, Direction.DECREASE


def target(
    kind=LEVEL, comparator=GTE, value="70", milestone=2025, direction=UP, unit="%", **kw
) -> TargetSpec:
    return TargetSpec("T", kind, comparator, D(value), milestone, direction, "Tỷ lệ", unit, **kw)


def series(**points: str) -> dict[int, Decimal]:
    return {int(year[1:]): D(value) for year, value in points.items()}


@pytest.mark.parametrize(
    ("comparator", "latest", "status"),
    [
        (GTE, "70", Status.ACHIEVED),  # equal meets "at least"
        (GT, "70", Status.ON_TRACK),  # equal is not "above", but 5 a year reaches 75 in 2025
        (LTE, "70", Status.ACHIEVED),
        (LT, "70", Status.OFF_TRACK),  # the forecast 75 misses "below 70" by 5, beyond 10 % of 20
        (EQ, "70", Status.ACHIEVED),
    ],
)
def test_each_comparator_at_its_boundary(comparator, latest, status):
    result = judge(target(comparator=comparator), 1, series(y2020="50", y2024=latest), NOW)
    assert result.status is status


@pytest.mark.parametrize(("comparator", "status"), [(GTE, Status.ON_TRACK), (GT, Status.AT_RISK)])
def test_a_forecast_exactly_at_the_level(comparator, status):
    result = judge(target(comparator=comparator), 1, series(y2020="50", y2024="66"), NOW)
    assert result.forecast == 70 and result.status is status  # 4 a year from 50


def test_a_level_target_reports_trajectory_gap_need_and_forecast():
    result = judge(target(), 1, series(y2020="50", y2022="54", y2024="58"), NOW)
    assert result.trajectory == D(66)  # 50 + (70 − 50) × 4/5
    assert result.gap == D(12) and result.annual_change_needed == D(12)
    assert result.forecast == D(60)  # slope 2 a year through (2022, 54): 54 + 2 × 3
    assert result.status is Status.OFF_TRACK  # short by 10, beyond 10 % of the 20 points asked


@pytest.mark.parametrize(("latest", "status"), [("64.4", Status.AT_RISK), ("64.32", Status.OFF_TRACK)])
def test_at_risk_band_is_ten_percent_of_the_change_asked(latest, status):
    # Forecast 68 (short by exactly 2 = 10 % of 20) is at risk; 67,9 is off track.
    assert judge(target(), 1, series(y2020="50", y2024=latest), NOW).status is status


def test_equality_uses_the_configured_tolerance():
    settings = JudgementSettings(current_year=2024, equal_tolerance=D("0.5"))
    assert (
        judge(target(comparator=EQ, value="100"), 1, series(y2020="90", y2024="99.6"), settings).status
        is Status.ACHIEVED
    )


def test_no_data_and_a_single_observation():
    assert judge(target(), 1, {}, NOW).status is Status.NO_DATA
    only = judge(target(), 1, series(y2023="40"), NOW)
    assert (only.status, only.baseline, only.forecast) == (Status.NO_DATA, Baseline(2023, D(40)), None)
    assert judge(target(), 1, series(y2023="80"), NOW).status is Status.ACHIEVED
    explicit = judge(target(), 1, {}, NOW, baseline=Baseline(2020, D(50)))
    assert explicit.status is Status.NO_DATA and explicit.latest_year == 2020


def test_a_missed_milestone_is_not_achieved_and_an_achieved_one_stays_achieved():
    late = JudgementSettings(current_year=2026)
    missed = judge(target(), 1, series(y2020="50", y2025="65"), late)
    assert missed.status is Status.NOT_ACHIEVED and missed.explanation.sentence.endswith(
        "Đánh giá: Không đạt."
    )
    assert judge(target(), 1, series(y2020="50", y2026="68"), late).status is Status.NOT_ACHIEVED
    assert judge(target(), 1, series(y2020="50", y2025="71"), late).status is Status.ACHIEVED


def test_a_milestone_is_judged_on_its_own_year_when_that_figure_exists():
    late = JudgementSettings(current_year=2026)
    kept = judge(target(), 1, series(y2020="50", y2025="71", y2026="60"), late)
    assert (kept.status, kept.latest_year, kept.latest) == (Status.ACHIEVED, 2025, D(71))
    missed = judge(target(), 1, series(y2020="50", y2025="65", y2026="75"), late)
    assert (missed.status, missed.latest_year) == (Status.NOT_ACHIEVED, 2025)
    # Without the milestone's own figure, the later one is the best evidence there is.
    assert judge(target(), 1, series(y2020="50", y2026="75"), late).status is Status.ACHIEVED


def test_before_the_milestones_figure_arrives_the_forecast_still_decides():
    late = JudgementSettings(current_year=2026)  # the milestone passed, its figure not yet entered
    assert judge(target(), 1, series(y2020="50", y2024="66"), late).status is Status.ON_TRACK
    assert judge(target(), 1, series(y2020="50", y2024="52"), late).status is Status.OFF_TRACK


def test_a_units_own_milestone_decides_when_the_target_is_missed():
    late = JudgementSettings(current_year=2026)
    earlier = UnitTarget("T", 1, value=D(60), milestone_year=2023)
    result = judge(target(), 1, series(y2020="50", y2024="58"), late, override=earlier)
    assert (result.milestone_year, result.status) == (2023, Status.NOT_ACHIEVED)


def test_change_in_points_per_year_becomes_a_level_at_the_milestone():
    points = target(TargetKind.CHANGE_PER_YEAR, GTE, "4", direction=DOWN)  # "mỗi năm giảm từ 4%"
    result = judge(points, 1, series(y2020="30", y2021="26", y2022="22"), NOW)
    assert (result.target_level, result.comparator) == (D(10), LTE)  # 30 − 4 × 5, at most
    assert result.trajectory == D(14) and result.annual_change_needed == D(-4)
    assert result.forecast == D(10) and result.status is Status.ON_TRACK
    floor = judge(points, 1, series(y2020="6", y2022="3"), NOW)
    assert floor.target_level == 0  # a rate stops at 0


def test_reduction_from_baseline_halves_the_baseline():
    halve = target(TargetKind.REDUCTION_FROM_BASELINE, GTE, "50", 2030, DOWN, unit="xã")
    result = judge(halve, 1, series(y2020="40", y2024="28"), NOW)
    assert (result.target_level, result.comparator) == (D(20), LTE)
    assert result.forecast == D(10) and result.status is Status.ON_TRACK
    assert judge(halve, 1, series(y2020="40", y2025="20"), NOW).status is Status.ACHIEVED


def test_growth_per_year_compounds():
    growth = target(TargetKind.GROWTH_PER_YEAR, GTE, "6", 2030, unit="tỷ đồng")
    slow = judge(growth, 1, series(y2020="1000", y2021="1050", y2022="1102.5"), NOW)
    assert slow.target_level.quantize(D("0.01")) == D("1790.85")  # 1000 × 1,06¹⁰
    assert slow.forecast.quantize(D("0.01")) == D("1628.89")  # 5 % a year: 1000 × 1,05¹⁰
    assert slow.status is Status.OFF_TRACK  # short by 161,96, beyond 10 % of 790,85
    assert slow.annual_change_needed.quantize(D("0.01")) == D("6.25")  # (1790,85 / 1102,5)^(1/8) − 1
    fast = judge(growth, 1, series(y2020="1000", y2021="1070", y2022="1144.9"), NOW)
    assert fast.status is Status.ON_TRACK


def test_relative_to_another_measure_compares_year_by_year():
    relative = target(TargetKind.RELATIVE_TO_MEASURE, GTE, "100", reference="Tỷ lệ dân số DTTS")
    population = series(y2020="80", y2024="80")
    short = judge(relative, 1, series(y2020="40", y2024="48"), NOW, reference=population)
    assert (short.baseline, short.latest) == (Baseline(2020, D(50)), D(60))  # 40/80, 48/80 in percent
    assert short.forecast == D("62.5") and short.status is Status.OFF_TRACK
    assert (
        judge(relative, 1, series(y2020="40", y2024="84"), NOW, reference=population).status
        is Status.ACHIEVED
    )


def test_elimination_reached_and_on_its_way():
    gone = target(TargetKind.ELIMINATION, LTE, "0", 2030, DOWN)
    assert judge(gone, 1, series(y2020="12", y2024="0"), NOW).status is Status.ACHIEVED
    assert judge(gone, 1, series(y2020="12", y2024="4"), NOW).status is Status.ON_TRACK  # forecast −8


def test_a_sub_target_names_its_parent():
    women = target(value="42", milestone=2030, parent="T2030-10")
    result = judge(women, 1, series(y2020="30", y2024="36"), NOW)
    assert result.parent == "T2030-10" and "thành phần của T2030-10" in result.explanation.sentence


def test_a_units_own_target_replaces_the_plans():
    plan = judge(target(), 7, series(y2020="50", y2024="62"), NOW)
    own = judge(target(), 7, series(y2020="50", y2024="62"), NOW, override=UnitTarget("T", 7, value=D(60)))
    assert (plan.source, own.source) == ("plan", "unit")
    assert own.target_level == 60 and own.status is Status.ACHIEVED and plan.status is not Status.ACHIEVED
    assert "mục tiêu riêng của đơn vị" in own.explanation.sentence


def test_the_explanation_says_where_the_target_value_came_from():
    decided = UnitTarget("T", 7, value=D("60.5"), document="Quyết định số 12/QĐ-UBND ngày 05/01/2024")
    own = judge(target(), 7, series(y2020="50", y2024="58"), NOW, override=decided)
    figures = {f.label: f.text for f in own.explanation.figures}
    assert figures["Chỉ tiêu kế hoạch"] == "ít nhất 70% (năm 2025)"
    assert figures["Mục tiêu riêng của đơn vị"] == "ít nhất 60,5% (năm 2025)"
    assert (
        figures["Nguồn mục tiêu"]
        == "Mục tiêu riêng của đơn vị, theo Quyết định số 12/QĐ-UBND ngày 05/01/2024"
    )
    assert "theo quyết định số 12/qđ-ubnd" not in own.explanation.sentence  # the number keeps its case
    assert "theo Quyết định số 12/QĐ-UBND ngày 05/01/2024" in own.explanation.sentence
    plan = {f.label: f.text for f in judge(target(), 7, series(y2020="50"), NOW).explanation.figures}
    assert (
        plan["Nguồn mục tiêu"].startswith("Chỉ tiêu của kế hoạch") and "Mục tiêu riêng của đơn vị" not in plan
    )


def test_the_explanation_lists_every_number_in_vietnamese_format():
    points = target(TargetKind.CHANGE_PER_YEAR, GTE, "4", direction=DOWN)
    data = series(y2020="52.3", y2022="45", y2024="37.9")
    result = judge(points, 1, data, NOW, unit_name="Xã Mù Cả", approximate_years={2024})
    figures = {f.label: f.text for f in result.explanation.figures}
    assert figures["Giá trị mới nhất"] == "37,9%"
    assert figures["Mức cần đạt năm 2025"] == "32,3%"  # 52,3 − 4 × 5
    assert figures["Mức thay đổi cần mỗi năm"] == "-5,6 điểm %/năm"
    assert figures["Ngưỡng “có nguy cơ”"] == "10%"
    assert result.explanation.sentence.startswith("Xã Mù Cả: Tỷ lệ năm 2024 là 37,9% (năm gốc 2020: 52,3%)")
    assert result.approximate and "gần đúng" in result.explanation.sentence
    assert "bình phương nhỏ nhất" in result.explanation.rule
