"""An allocation taking a programme past the plan's stated total needs a confirmation on every path.

The seed's national target programme 1719 plans 1.426.328 million đồng for 2021-2025 in total: a
typo of a few digits (12.345.670 for 12.345,67) must not reach the public portal unnoticed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from kehoach.audit.choices import Channel
from kehoach.budget.importing import run_import
from kehoach.budget.models import Allocation
from kehoach.budget.services import create_allocation, update_allocation
from kehoach.budget.tests.conftest import make_input
from kehoach.budget.tests.test_import import a_row, book
from kehoach.core.exceptions import ValidationFailed

pytestmark = pytest.mark.django_db
TYPO = Decimal("12345670")  # meant 12.345,67 million đồng


def test_the_service_refuses_an_over_plan_amount_unless_confirmed(personas, seed_plan, commune):
    finance, web = personas.finance, Channel.WEB
    small = create_allocation(  # within the plan: nothing is asked
        actor=finance,
        plan=seed_plan,
        data=make_input(year=2024, amount_million_vnd=Decimal(100)),
        channel=web,
    )
    with pytest.raises(ValidationFailed):  # raising an existing line past the plan is asked too
        update_allocation(
            actor=finance, allocation=small, data=make_input(year=2024, amount_million_vnd=TYPO), channel=web
        )
    data = make_input(commune=commune, amount_million_vnd=TYPO)
    with pytest.raises(ValidationFailed) as refused:
        create_allocation(actor=finance, plan=seed_plan, data=data, channel=web)
    assert "vượt kế hoạch giai đoạn 2021-2025 là 1.426.328 triệu đồng" in refused.value.message
    assert Allocation.objects.count() == 1
    made = create_allocation(actor=finance, plan=seed_plan, data=data, channel=web, confirmed=True)
    assert made.amount_million_vnd == TYPO
    # A year outside the plan's phase (2026) is not compared with the 2021-2025 total.
    create_allocation(
        actor=finance, plan=seed_plan, data=make_input(year=2026, amount_million_vnd=TYPO), channel=web
    )


def test_the_web_form_says_why_and_accepts_the_tick(personas, seed_plan, commune):
    client = Client()
    client.force_login(personas.finance)
    url = reverse("budget:allocation-create", args=[seed_plan.code])
    form = {
        "programme": make_input().programme.pk,
        "source": "central",
        "kind": "investment",
        "year": "2024",
        "commune": commune.pk,
        "amount_million_vnd": "12.345.670",
        "decision_number": "7/QĐ-UBND",
    }
    page = client.post(url, form).content.decode()
    assert "vượt kế hoạch" in page and "đánh dấu xác nhận" in page and not Allocation.objects.exists()
    assert 'value="12.345.670"' in page  # what was typed is kept
    client.post(url, {**form, "confirm_over_plan": "on"})
    assert Allocation.objects.get().amount_million_vnd == TYPO


def test_the_api_needs_confirm_over_plan(personas, seed_plan, commune):
    api = APIClient()
    api.force_authenticate(personas.finance)
    body = {
        "plan": seed_plan.code,
        "programme": "CTMTQG-DTTS",
        "source": "central",
        "kind": "investment",
        "year": 2024,
        "commune": commune.key,
        "amount_million_vnd": "12345670",
        "decision_number": "8/QĐ-UBND",
    }
    refused = api.post("/api/v1/allocations/", body, format="json")
    assert refused.status_code == 400 and "vượt kế hoạch" in refused.content.decode()
    assert (
        api.post("/api/v1/allocations/", {**body, "confirmOverPlan": True}, format="json").status_code == 201
    )


def test_the_excel_dry_run_warns_and_the_commit_goes_on(personas, seed_plan, commune):
    rows = [
        a_row(seed_plan, commune, amount="800.000"),
        a_row(seed_plan, commune, year=2025, amount="700.000"),
    ]
    data = book(rows)
    preview = run_import(actor=personas.finance, plan=seed_plan, data=data, commit=False)
    warnings = [p.text() for p in preview.problems if p.severity == "warning"]
    assert preview.ok and len(warnings) == 1 and "vượt kế hoạch" in warnings[0]  # the second row tips it
    assert run_import(actor=personas.finance, plan=seed_plan, data=data, commit=True).committed
    assert Allocation.objects.count() == 2
