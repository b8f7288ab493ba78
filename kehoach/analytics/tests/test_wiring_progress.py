"""target_progress judges the plan's targets from values approved through issue #3's workflow.

T2025-01: average income of ethnic minorities ≥ 32 million VND by 2025. Entered at one commune:
2023 → 20, 2024 → 25,5 (TN_DTTS / DS_DTTS). By hand: baseline 2023 = 20; least-squares line through
(2023, 20) and (2024, 25,5) gives 31 in 2025; short of 32 by 1, within 10 % of the 12 asked → at risk;
gap 32 − 25,5 = 6,5.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import override_settings

from kehoach.analytics.definitions import ValueStatus
from kehoach.analytics.services import target_progress
from kehoach.analytics.targets import Status

pytestmark = pytest.mark.django_db
TARGET = "T2025-01"


def judgement(plan, unit=None):
    row = target_progress(plan, unit).row(TARGET)
    assert row is not None
    return row.judgement


def test_target_is_at_risk_as_computed_by_hand(seed_plan, commune, submit_income, approve):
    approve(submit_income("2023", 20))
    approve(submit_income("2024", 25.5))
    result = judgement(seed_plan, commune)
    assert result.status is Status.AT_RISK
    assert result.latest == Decimal("25.5") and result.latest_year == 2024
    assert result.baseline is not None and result.baseline.value == 20
    assert result.forecast == 31 and result.gap == Decimal("6.5")
    assert "Đánh giá: Có nguy cơ không đạt." in result.explanation.sentence


def test_the_district_figure_adds_up_its_commune(seed_plan, submit_income, approve, close_round):
    approve(submit_income("2024", 35))
    close_round("2024")  # the other communes will not report: the figure judges
    result = judgement(seed_plan)  # the plan's unit
    assert result.unit == seed_plan.admin_unit_id
    assert result.latest == 35 and result.status is Status.ACHIEVED


def test_submitted_values_do_not_count_by_default(seed_plan, commune, submit_income):
    submit_income("2024", 35)
    assert judgement(seed_plan, commune).status is Status.NO_DATA
    progress = target_progress(seed_plan, commune)
    assert progress.statuses == frozenset({ValueStatus.APPROVED})


@override_settings(KEHOACH_ANALYTICS_STATUSES=("approved", "submitted"))
def test_submitted_values_count_when_the_setting_includes_them(seed_plan, commune, submit_income):
    submit_income("2024", 35)
    assert judgement(seed_plan, commune).status is Status.ACHIEVED


def test_an_approval_changes_the_result_immediately(seed_plan, commune, submit_income, approve):
    approve(submit_income("2023", 20))
    pending = submit_income("2024", 25.5)
    assert judgement(seed_plan, commune).status is Status.NO_DATA  # only the baseline year counts
    approve(pending)
    assert judgement(seed_plan, commune).status is Status.AT_RISK


def test_every_quantified_target_of_the_seed_is_listed(seed_plan):
    progress = target_progress(seed_plan)
    assert len(progress.rows) == 47
    assert all(r.indicator is not None for r in progress.rows)
    assert sum(sum(g.counts.values()) for g in progress.milestones()) == 47
    assert sum(sum(g.counts.values()) for g in progress.sectors()) == 47
    assert "Kinh tế" in [g.label for g in progress.sectors()]


def test_a_judgement_as_at_a_date_ignores_later_years(seed_plan, commune, submit_income, approve):
    """A report "tính đến ngày 14/12/2023" must not cite the 2024 figure entered since."""
    import datetime as dt

    approve(submit_income("2023", 20))
    approve(submit_income("2024", 25.5))
    row = target_progress(seed_plan, commune, dt.date(2023, 12, 14)).row(TARGET)
    assert row is not None
    assert row.judgement.latest == 20 and row.judgement.latest_year == 2023
