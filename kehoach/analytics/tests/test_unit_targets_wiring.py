"""target_progress judges a unit against its own target where it has one (a commune's own plan).

Same data as test_wiring_progress: at the commune, 2023 → 20 and 2024 → 25,5 million VND (forecast
31 in 2025). Against the plan's ≥ 32 that is at risk; against the commune's own ≥ 25 it is achieved,
and against its own ≥ 40 off track (short by 9 of the 20 asked).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kehoach.analytics.services import target_progress
from kehoach.analytics.targets import Status
from kehoach.audit.choices import Channel
from kehoach.plans.services_unit_targets import UnitTargetInput, set_unit_target

pytestmark = pytest.mark.django_db
TARGET = "T2025-01"


@pytest.fixture
def income(submit_income, approve):
    approve(submit_income("2023", 20))
    approve(submit_income("2024", 25.5))


def _own(plan, personas, unit, value, **kw):
    target = plan.targets.get(code=TARGET)
    set_unit_target(
        actor=personas.commune,
        target=target,
        unit=unit,
        data=UnitTargetInput(value, **kw),
        channel=Channel.WEB,
    )


def _judged(plan, unit=None):
    row = target_progress(plan, unit, as_of=dt.date(2024, 12, 31)).row(TARGET)
    assert row is not None
    return row.judgement


def test_the_communes_own_target_decides_and_the_explanation_names_its_document(
    seed_plan, personas, commune, income
):
    assert _judged(seed_plan, commune).status is Status.AT_RISK
    _own(seed_plan, personas, commune, "25", decision_number="12/QĐ-UBND", decision_date=dt.date(2024, 1, 5))
    own = _judged(seed_plan, commune)
    assert (own.source, own.status, own.target_level) == ("unit", Status.ACHIEVED, 25)
    figures = {f.label: f.text for f in own.explanation.figures}
    assert (
        figures["Nguồn mục tiêu"] == "Mục tiêu riêng của đơn vị, theo văn bản số 12/QĐ-UBND ngày 05/01/2024"
    )
    assert figures["Chỉ tiêu kế hoạch"].startswith("ít nhất 32 ")
    assert "theo văn bản số 12/QĐ-UBND ngày 05/01/2024" in own.explanation.sentence


def test_a_higher_own_target_is_judged_on_its_own_level(seed_plan, personas, commune, income):
    _own(seed_plan, personas, commune, "40")
    assert _judged(seed_plan, commune).status is Status.OFF_TRACK


def test_the_district_keeps_the_plans_target(seed_plan, personas, commune, income, close_round):
    close_round("2023")
    close_round("2024")
    _own(seed_plan, personas, commune, "25")
    district = _judged(seed_plan)
    assert district.source == "plan" and district.target_level == 32
    assert dict((f.label, f.text) for f in district.explanation.figures)["Nguồn mục tiêu"].startswith(
        "Chỉ tiêu của kế hoạch"
    )


def test_after_the_milestone_a_missed_own_target_is_not_achieved(
    seed_plan, personas, commune, income, submit_income, approve
):
    later = dt.date(2026, 3, 1)
    _own(seed_plan, personas, commune, "30")
    row = target_progress(seed_plan, commune, as_of=later).row(TARGET)
    assert row is not None and row.judgement.status is Status.ON_TRACK  # 2025's figure not in yet
    approve(submit_income("2025", 28))
    row = target_progress(seed_plan, commune, as_of=later).row(TARGET)
    assert row is not None and row.judgement.status is Status.NOT_ACHIEVED and row.status_label == "Không đạt"
    _own(seed_plan, personas, commune, "27,5")
    row = target_progress(seed_plan, commune, as_of=later).row(TARGET)
    assert row is not None and row.judgement.status is Status.ACHIEVED


def test_the_explain_page_says_where_the_target_came_from(client, seed_plan, personas, commune, income):
    _own(seed_plan, personas, commune, "25", decision_number="12/QĐ-UBND")
    client.force_login(personas.commune)
    url = reverse("analytics:explain", args=[seed_plan.code, TARGET]) + f"?don_vi={commune.pk}"
    html = client.get(url).content.decode()
    assert "Nguồn mục tiêu" in html and "Mục tiêu riêng của đơn vị, theo văn bản số 12/QĐ-UBND" in html
