"""A year still being collected does not judge a target on the few reports that count so far."""

from __future__ import annotations

import pytest
from django.test import override_settings

from kehoach.analytics.services import target_progress
from kehoach.datavalues.selectors import expected_units
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import parse_period

pytestmark = pytest.mark.django_db
TARGET = "T2025-01"  # average income of ethnic-minority people, from the commune form XA-NAM


def _row(plan, unit=None):
    row = target_progress(plan, unit).row(TARGET)
    assert row is not None
    return row


def test_the_district_waits_for_the_year_until_every_report_counts_or_the_round_closes(
    seed_plan, commune, submit_income, approve, close_round
):
    approve(submit_income("2023", 20))
    close_round("2023")
    approve(submit_income("2024", 35))  # one commune of the district's, the round still open
    owed = expected_units(data_set=DataSet.objects.get(code="XA-NAM"), period=parse_period("2024")).count()
    assert owed > 1

    district = _row(seed_plan)
    assert (district.judgement.latest_year, district.judgement.latest) == (2023, 20)
    assert any(
        "Số liệu năm 2024 chưa dùng để đánh giá" in r and f"mới có 1/{owed} báo cáo được tính" in r
        for r in district.reasons
    ), district.reasons
    # The commune's figure is its own report: 2024 judges there at once.
    assert _row(seed_plan, commune).judgement.latest_year == 2024

    close_round("2024")  # no more reports will come: the figure judges, as it is
    assert _row(seed_plan).judgement.latest_year == 2024
    assert not any("chưa dùng để đánh giá" in r for r in _row(seed_plan).reasons)


@override_settings(KEHOACH_ANALYTICS_STATUSES=("draft", "submitted", "approved"))
def test_when_everything_entered_counts_no_report_is_awaited(seed_plan, submit_income):
    submit_income("2024", 35)
    assert _row(seed_plan).judgement.latest_year == 2024
