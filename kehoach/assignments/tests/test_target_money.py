"""A target's page shows the tasks that serve it and the money behind them: stated, allocated, disbursed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from kehoach.assignments.link_services import link_budget_line, link_target
from kehoach.budget.inputs import AllocationInput, DisbursementInput
from kehoach.budget.services import create_allocation, record_disbursement


def test_target_page_shows_allocated_and_disbursed_money_of_linked_lines(seed_plan, personas):
    target = seed_plan.targets.get(code="T2025-02")
    task = seed_plan.tasks.filter(parent__isnull=True).first()
    line = seed_plan.budget_lines.get(programme__code="CTMTQG-GN", source="central", kind="investment")
    link_target(task=task, target=target, actor=personas.owner)
    link_budget_line(task=task, budget_line=line, actor=personas.owner)
    allocation = create_allocation(
        actor=personas.finance,
        plan=seed_plan,
        data=AllocationInput(
            programme=line.programme,
            source="central",
            kind="investment",
            year=2024,
            amount_million_vnd=Decimal("1234.5"),
        ),
        channel="web",
    )
    record_disbursement(
        actor=personas.finance,
        allocation=allocation,
        channel="web",
        data=DisbursementInput(
            date=dt.date(2024, 9, 30), amount_million_vnd=Decimal("1000"), reference="GN-01"
        ),
    )
    client = Client()
    client.force_login(personas.viewer)
    body = client.get(reverse("assignments:target", args=[seed_plan.code, target.code])).content.decode()
    assert "206.056" in body  # stated in the plan
    assert "1.234,5" in body and "1.000" in body  # allocated and disbursed by the finance office
