"""Demo money: deterministic, plausible, idempotent, and always marked as demo."""

from __future__ import annotations

import datetime as dt

from kehoach.budget.alerts import Schedule, lag_alerts
from kehoach.budget.checks import check_budget
from kehoach.budget.demo import create_demo_budget
from kehoach.budget.models import Allocation, Disbursement
from kehoach.budget.selectors import plan_money


def _fingerprint(plan):
    return list(
        Allocation.objects.filter(plan=plan, is_demo=True)
        .order_by(
            "year",
            "programme__code",
            "source",
            "kind",
            "commune__key",
            "carried_from_year",
            "decision_number",
        )
        .values_list(
            "year",
            "programme__code",
            "source",
            "kind",
            "commune__key",
            "amount_million_vnd",
            "carried_from_year",
        )
    )


def test_demo_money_is_marked_deterministic_and_created_once(seed_plan, personas):
    created = create_demo_budget(plan=seed_plan)
    assert created > 100
    assert create_demo_budget(plan=seed_plan) == 0  # idempotent
    first = _fingerprint(seed_plan)
    assert not Allocation.objects.filter(plan=seed_plan, is_demo=False).exists()
    assert not Disbursement.objects.filter(allocation__plan=seed_plan, is_demo=False).exists()
    Disbursement.objects.filter(allocation__plan=seed_plan).delete()
    Allocation.objects.filter(plan=seed_plan).delete()
    create_demo_budget(plan=seed_plan)
    assert _fingerprint(seed_plan) == first  # the same data on every run and machine


def test_demo_money_covers_2021_to_2025_with_lagging_communes_and_carry_over(seed_plan, personas):
    create_demo_budget(plan=seed_plan)
    money = plan_money(plan=seed_plan, user=personas.admin)
    assert {a.year for a in money.allocations} == {2021, 2022, 2023, 2024, 2025}
    assert any(a.carried_from_year for a in money.allocations)
    assert money.has_demo
    report = lag_alerts(
        money.allocations, money.disbursements, today=dt.date(2025, 10, 30), schedule=Schedule()
    )
    lagging = {a.label.rsplit(" · ", 1)[-1] for a in report.allocations}
    assert 1 <= len(lagging) < 10  # some communes lag, most do not
    assert not [
        f
        for f in check_budget([], money.allocations, money.disbursements)
        if f["code"] == "disbursed_above_allocated"
    ]


def test_pages_label_demo_money(seed_plan, personas, client):
    create_demo_budget(plan=seed_plan)
    client.force_login(personas.viewer)
    from django.urls import reverse

    page = client.get(reverse("budget:overview", args=[seed_plan.code])).content.decode()
    assert "dữ liệu minh họa" in page
