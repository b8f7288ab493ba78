"""Findings of the new-user review of the analytics pages, each checked where it was seen.

- growth targets on a rate of change are judged on the rate's level: the figures are written in
  the level's unit and named as "the level needed to grow g %/year", never as a %/year;
- a target stated as "trên 99,95%" is shown with two decimals, and so are the figures compared with it;
- the gap is what is still to go in the target's direction (positive while short, 0 once met);
- no forecast for a milestone whose own figure is known;
- the unit choosers list the new communes and mark the units that ended.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.analytics.access import unit_choices
from kehoach.analytics.judgement import judge
from kehoach.analytics.services import target_progress
from kehoach.analytics.targets import (
    Comparator,
    Direction,
    JudgementSettings,
    Status,
    TargetKind,
    TargetSpec,
)
from kehoach.analytics.tests.pages_data import client_for, enter_commune_year

D = Decimal
NOW = JudgementSettings(current_year=2024)


def spec(
    kind: TargetKind,
    comparator: Comparator,
    value: str,
    milestone: int,
    direction: Direction = Direction.INCREASE,
    unit: str = "%",
) -> TargetSpec:
    return TargetSpec("T", kind, comparator, D(value), milestone, direction, "Tỷ lệ", unit)


# --- the gap: still to go in the target's direction ---------------------------------------------


def test_a_missed_reduction_has_a_positive_gap_and_asks_to_decrease():
    at_most = spec(TargetKind.LEVEL, Comparator.LTE, "30", 2025, direction=Direction.DECREASE)
    result = judge(at_most, 1, {2020: D(50), 2024: D(40)}, NOW)
    assert result.status is not Status.ACHIEVED
    assert result.gap == D(10)  # 40 − 30 still to go down, not −10
    assert "cần giảm" in result.explanation.sentence


def test_a_missed_increase_has_a_positive_gap_and_a_met_target_a_zero_gap():
    at_least = spec(TargetKind.LEVEL, Comparator.GTE, "70", 2025)
    assert judge(at_least, 1, {2020: D(50), 2024: D(60)}, NOW).gap == D(10)
    met = judge(at_least, 1, {2020: D(50), 2024: D("70.3")}, NOW)
    assert met.status is Status.ACHIEVED and met.gap == 0  # not −0,3
    figures = {f.label: f.text for f in met.explanation.figures}
    assert figures["Khoảng cách còn phải đạt (theo hướng chỉ tiêu yêu cầu)"] == "0 (đã đạt)"
    assert "phần còn thiếu theo hướng chỉ tiêu yêu cầu" in met.explanation.rule


def test_a_change_per_year_reduction_missed_at_its_milestone_has_a_positive_gap():
    down = spec(TargetKind.CHANGE_PER_YEAR, Comparator.GTE, "4", 2024, direction=Direction.DECREASE)
    result = judge(down, 1, {2020: D(50), 2024: D(40)}, NOW)  # must reach 34 by 2024
    assert result.status is Status.NOT_ACHIEVED and result.gap == D(6)


# --- no forecast once the milestone's figure is known --------------------------------------------


def test_no_forecast_for_a_milestone_whose_figure_is_known():
    at_least = spec(TargetKind.LEVEL, Comparator.GTE, "32", 2024, unit="triệu đồng")
    result = judge(at_least, 1, {2020: D(17), 2022: D(25), 2024: D("30.5")}, NOW)
    assert result.latest == D("30.5") and result.forecast is None
    assert "dự báo" not in result.explanation.sentence
    figures = {f.label: f.text for f in result.explanation.figures}
    assert figures["Dự báo năm 2024"] == "không dự báo: đã có số liệu năm 2024"
    before = judge(at_least, 1, {2020: D(17), 2022: D(25)}, JudgementSettings(current_year=2022))
    assert before.forecast is not None  # still forecast while the milestone's figure is missing


# --- growth targets: the level, in the level's unit -----------------------------------------------


def test_a_growth_explanation_names_the_level_and_the_observed_average_growth():
    growth = spec(TargetKind.GROWTH_PER_YEAR, Comparator.GTE, "6", 2030, unit="triệu đồng")
    result = judge(growth, 1, {2020: D(1000), 2021: D(1050), 2022: D("1102.5")}, NOW)
    text = result.explanation.sentence
    assert "ít nhất 1.790,85 triệu đồng (mức cần đạt để tăng ít nhất 6%/năm từ năm gốc 2020)" in text
    assert "tăng bình quân 2020–2022 là 5%/năm" in text
    figures = {f.label: f.text for f in result.explanation.figures}
    assert figures["Mức cần đạt năm 2030 (để tăng ít nhất 6%/năm từ năm gốc)"] == "1.790,85 triệu đồng"
    assert figures["Khoảng cách còn phải đạt (theo hướng chỉ tiêu yêu cầu)"] == "688,35 triệu đồng"


@pytest.mark.django_db
def test_growth_targets_on_a_rate_are_written_in_the_units_of_its_level(seed_plan):
    progress = target_progress(seed_plan)
    economy, productivity = progress.row("T2030-01"), progress.row("T2030-06")
    assert economy is not None and productivity is not None
    assert economy.unit_label == "triệu đồng"  # GTSX_SS, the level of TD_TANG_TRUONG
    assert productivity.unit_label == "triệu đồng/người"  # GTSX_SS / LD_LAM_VIEC
    assert economy.level_note == "mức cần đạt để tăng ít nhất 6%/năm từ năm gốc"
    assert productivity.level_note == "mức cần đạt để tăng ít nhất 5%/năm từ năm gốc"
    assert "%/năm" not in economy.unit_label
    assert economy.judgement.explanation.sentence.startswith(
        "Huyện Mường Tè: chưa có số liệu Giá trị sản xuất vùng đồng bào DTTS theo giá so sánh 2010."
    )
    income = progress.row("T2025-01")
    assert income is not None and income.unit_label == "triệu đồng/người/năm" and income.level_note == ""


# --- decimals: at least as many as the target was stated with -------------------------------------


@pytest.mark.django_db
def test_a_target_stated_with_two_decimals_is_shown_with_two(seed_plan, personas):
    commune = personas.commune.units.get()
    for period, going in (("2023", 9900), ("2024", 9995)):
        enter_commune_year(
            personas,
            period,
            [
                ("DS_DTTS", "default", 80),
                ("HS_TH_DI_HOC", "default", going),
                ("TRE_TH_TONG", "default", 10000),
            ],
        )
    row = target_progress(seed_plan, commune).row("T2025-14")
    assert row is not None and row.indicator is not None and row.indicator.decimals == 1
    assert row.decimals == 2
    assert row.judgement.latest == D("99.95") and row.judgement.status is not Status.ACHIEVED  # "trên"
    c = client_for(personas.commune)
    dashboard = c.get(reverse("analytics:dashboard", args=[seed_plan.code]) + f"?don_vi={commune.pk}")
    html = dashboard.content.decode()
    line = html[html.index("<b>T2025-14</b>") :]
    line = line[: line.index("</tr>")]
    assert "&gt; 99,95%" in line and "99,95%" in line and "100,0" not in line
    card = c.get(reverse("analytics:scorecard", args=[seed_plan.code, commune.pk])).content.decode()
    card_row = card[card.index(">T2025-14</a>") :]
    assert "&gt; 99,95%" in card_row[: card_row.index("</tr>")]


# --- unit choosers: new communes listed, ended units marked ---------------------------------------


@pytest.mark.django_db
def test_unit_choosers_follow_scope_and_mark_ended_units(seed_plan, personas):
    """Which units are listed is scope.py's decision alone; ended units carry their end date."""
    from kehoach.accounts import scope

    district = seed_plan.admin_unit
    choices = unit_choices(user=personas.owner, plan=seed_plan)
    assert choices[0] == district
    assert all(scope.can_view_data(personas.owner, u.pk) for u in choices)
    assert unit_choices(user=personas.outsider_owner, plan=seed_plan) == []
    html = (
        client_for(personas.owner).get(reverse("analytics:dashboard", args=[seed_plan.code])).content.decode()
    )
    select = html[html.index('<select name="don_vi">') : html.index("</select>")]
    ended = next(u for u in choices if u.valid_to is not None and u != district)
    assert f"{ended.name} (đến {ended.valid_to:%d/%m/%Y})" in select
