"""Every budget page and endpoint against every persona, in and out of scope.

Reading: whoever sees the plan sees its money (a commune officer only plan-wide money and its own
commune's); outsiders get 404. Writing: the finance office and admins; other roles 403."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.audit.choices import Channel
from kehoach.budget.inputs import DisbursementInput
from kehoach.budget.models import Allocation, Disbursement
from kehoach.budget.services import create_allocation, record_disbursement

from .conftest import make_input

INSIDE = ["admin", "owner", "finance", "agency", "commune", "viewer"]
OUTSIDE = ["outsider_owner", "outsider_commune"]
WRITERS = ["admin", "finance"]
PLAN_PAGES = ["overview", "communes", "components", "alerts", "allocations", "export"]
PLAN_WRITE_PAGES = ["allocation-create", "import"]
RECORD_WRITE_PAGES = ["allocation-edit", "allocation-delete"]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def disbursement(allocation, personas):
    data = DisbursementInput(date=dt.date(2023, 4, 2), amount_million_vnd=Decimal(100), reference="UNC 7")
    return record_disbursement(actor=personas.finance, allocation=allocation, data=data, channel=Channel.WEB)


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("page", PLAN_PAGES)
def test_plan_pages_follow_scope(personas, seed_plan, allocation, persona, page):
    response = _client(getattr(personas, persona)).get(reverse(f"budget:{page}", args=[seed_plan.code]))
    assert response.status_code == (200 if persona in INSIDE else 404)


@pytest.mark.parametrize("page", PLAN_PAGES + PLAN_WRITE_PAGES)
def test_pages_send_anonymous_users_to_login(seed_plan, page):
    response = Client().get(reverse(f"budget:{page}", args=[seed_plan.code]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("page", PLAN_WRITE_PAGES)
def test_only_finance_and_admin_open_the_plan_forms(personas, seed_plan, persona, page):
    response = _client(getattr(personas, persona)).get(reverse(f"budget:{page}", args=[seed_plan.code]))
    assert response.status_code == (200 if persona in WRITERS else 403 if persona in INSIDE else 404)


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("page", ["allocation", *RECORD_WRITE_PAGES])
def test_allocation_pages_follow_scope_and_role(personas, allocation, persona, page):
    response = _client(getattr(personas, persona)).get(reverse(f"budget:{page}", args=[allocation.pk]))
    expected = 404 if persona in OUTSIDE else 200 if page == "allocation" or persona in WRITERS else 403
    assert response.status_code == expected


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("page", ["disbursement-edit", "disbursement-delete"])
def test_disbursement_pages_follow_scope_and_role(personas, disbursement, persona, page):
    response = _client(getattr(personas, persona)).get(reverse(f"budget:{page}", args=[disbursement.pk]))
    assert response.status_code == (404 if persona in OUTSIDE else 200 if persona in WRITERS else 403)


def test_a_commune_officer_does_not_see_another_communes_money(personas, seed_plan, other_commune):
    other = create_allocation(
        actor=personas.finance, plan=seed_plan, data=make_input(commune=other_commune), channel=Channel.WEB
    )
    client = _client(personas.commune)
    assert client.get(reverse("budget:allocation", args=[other.pk])).status_code == 404
    listed = client.get(reverse("api:budget-allocation-list")).json()["results"]
    assert other.pk not in [row["id"] for row in listed]
    assert _client(personas.viewer).get(reverse("budget:allocation", args=[other.pk])).status_code == 200


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_recording_a_disbursement_on_the_page_needs_the_finance_role(personas, allocation, persona):
    form = {"date": "2023-05-02", "amount_million_vnd": "1.234,5", "reference": "UNC 99", "note": ""}
    response = _client(getattr(personas, persona)).post(
        reverse("budget:allocation", args=[allocation.pk]), form
    )
    written = Disbursement.objects.filter(allocation=allocation, reference="UNC 99")
    if persona in WRITERS:
        assert response.status_code == 302 and written.get().amount_million_vnd == Decimal("1234.5")
    else:
        assert response.status_code == (403 if persona in INSIDE else 404) and not written.exists()


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_api_lists_only_money_in_scope(personas, allocation, disbursement, persona):
    client = _client(getattr(personas, persona))
    allocations = client.get(reverse("api:budget-allocation-list"), {"plan": allocation.plan.code}).json()
    disbursements = client.get(reverse("api:budget-disbursement-list"), {"year": 2023}).json()
    assert (allocations["count"] == 1) == (persona in INSIDE)
    assert (disbursements["count"] == 1) == (persona in INSIDE)
    detail = client.get(reverse("api:budget-allocation-detail", args=[allocation.pk]))
    assert detail.status_code == (200 if persona in INSIDE else 404)
    if persona in INSIDE:
        assert (
            detail.json()["amount_million_vnd"] == "1000.000"
            and detail.json()["commune"] == allocation.commune.key
        )


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_api_create_follows_scope_and_role(personas, seed_plan, commune, persona):
    body = {
        "plan": seed_plan.code,
        "programme": "CTMTQG-DTTS",
        "component": "DA4.TDA1",
        "source": "central",
        "kind": "investment",
        "year": 2024,
        "commune": commune.key,
        "amount_million_vnd": "2500.125",
        "decision_number": "88/QĐ-UBND",
    }
    response = _client(getattr(personas, persona)).post(
        reverse("api:budget-allocation-list"), body, content_type="application/json"
    )
    assert response.status_code == (201 if persona in WRITERS else 403 if persona in INSIDE else 404), (
        response.content
    )
    assert Allocation.objects.filter(decision_number="88/QĐ-UBND").exists() == (persona in WRITERS)


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_api_update_and_delete_follow_scope_and_role(personas, allocation, disbursement, persona):
    client = _client(getattr(personas, persona))
    url = reverse("api:budget-disbursement-detail", args=[disbursement.pk])
    patched = client.patch(url, {"amount_million_vnd": "150"}, content_type="application/json")
    deleted = client.delete(url)
    expected = (200, 204) if persona in WRITERS else (403, 403) if persona in INSIDE else (404, 404)
    assert (patched.status_code, deleted.status_code) == expected
    assert Disbursement.objects.filter(pk=disbursement.pk).exists() == (persona not in WRITERS)


def test_api_filters_by_programme_source_year_and_unit(personas, allocation, commune):
    client = _client(personas.viewer)
    url = reverse("api:budget-allocation-list")
    assert (
        client.get(url, {"programme": "CTMTQG-DTTS", "source": "central", "year": 2023}).json()["count"] == 1
    )
    assert client.get(url, {"unit": commune.key}).json()["count"] == 1
    assert client.get(url, {"year": 2022}).json()["count"] == 0
    assert client.get(url, {"source": "local"}).json()["count"] == 0


def test_api_refuses_bad_money_in_vietnamese(personas, seed_plan):
    body = {
        "plan": seed_plan.code,
        "programme": "CTMTQG-DTTS",
        "source": "central",
        "kind": "investment",
        "year": 2019,
        "amount_million_vnd": "5",
    }
    response = _client(personas.finance).post(
        reverse("api:budget-allocation-list"), body, content_type="application/json"
    )
    assert response.status_code == 400 and "ngoài thời gian của chương trình" in response.json()["detail"]


def test_the_openapi_schema_documents_the_money_endpoints(personas):
    from drf_spectacular.drainage import GENERATOR_STATS

    GENERATOR_STATS._warn_cache.clear()
    response = _client(personas.viewer).get(reverse("api:schema"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/v1/allocations/{id}/" in text and "/api/v1/disbursements/" in text
    assert not [
        w for w in GENERATOR_STATS._warn_cache if "budget" in w or "Allocation" in w or "Disbursement" in w
    ]


def test_the_plan_tab_is_registered(personas, seed_plan):
    page = _client(personas.viewer).get(reverse("web:plan", args=[seed_plan.code])).content.decode()
    assert reverse("budget:overview", args=[seed_plan.code]) in page and "Giải ngân" in page
