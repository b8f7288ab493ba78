"""The unit-target page and API (GET/PUT/DELETE /api/v1/plans/{code}/unit-targets/) per persona."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.audit.models import AuditEvent
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import UnitTarget

pytestmark = [pytest.mark.django_db]
INCOME = "T2025-01"
INSIDE = ["admin", "owner", "finance", "agency", "commune", "viewer"]
OUTSIDE = ["outsider_owner", "outsider_commune"]
SETTERS = ["admin", "owner", "commune"]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def commune(personas) -> OrgUnit:
    unit: OrgUnit = personas.commune.units.get()
    return unit


def _api(plan) -> str:
    return reverse("api:plans-unit-target-list", args=[plan.code])


def _page(plan, unit) -> str:
    return reverse("plans:unit-targets", args=[plan.code]) + f"?don_vi={unit.pk}"


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_api_put_follows_scope_and_role(seed_plan, personas, commune, persona):
    body = {
        "unit": commune.pk,
        "targets": [
            {"target": INCOME, "value": "30,5", "decisionNumber": "12/QĐ-UBND", "decisionDate": "2024-01-05"}
        ],
    }
    response = _client(getattr(personas, persona)).put(_api(seed_plan), body, content_type="application/json")
    expected = 200 if persona in SETTERS else 403 if persona in INSIDE else 404
    assert response.status_code == expected, response.content
    assert UnitTarget.objects.filter(unit=commune, value=Decimal("30.5")).exists() == (persona in SETTERS)
    if expected == 200:
        (row,) = response.json()
        assert (row["target"], row["value"], row["planValue"], row["milestoneYear"]) == (
            INCOME,
            "30.500000",
            "32.000000",
            2025,
        )
        assert row["decisionNumber"] == "12/QĐ-UBND" and row["setBy"] == getattr(personas, persona).username


def test_api_put_reports_every_problem_in_vietnamese(seed_plan, personas, commune):
    body = {
        "unit": commune.pk,
        "targets": [{"target": INCOME, "value": "abc"}, {"target": "X", "value": "1"}],
    }
    response = _client(personas.owner).put(_api(seed_plan), body, content_type="application/json")
    assert response.status_code == 400
    assert "không phải là số hợp lệ" in response.json()["errors"][0] and "X" in response.json()["errors"][1]


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_api_get_and_delete_follow_scope_and_role(seed_plan, personas, commune, persona):
    _client(personas.owner).put(
        _api(seed_plan),
        {"unit": commune.pk, "targets": [{"target": INCOME, "value": "30"}]},
        "application/json",
    )
    client = _client(getattr(personas, persona))
    listed = client.get(_api(seed_plan), {"unit": commune.pk})
    assert listed.status_code == (200 if persona in INSIDE else 404)
    if persona in INSIDE:
        assert [r["target"] for r in listed.json()] == [INCOME]
    deleted = client.delete(_api(seed_plan) + f"?unit={commune.pk}&target={INCOME}")
    assert deleted.status_code == (204 if persona in SETTERS else 403 if persona in INSIDE else 404)
    assert UnitTarget.objects.exists() == (persona not in SETTERS)


def test_the_commune_officer_does_not_see_its_neighbours_targets(seed_plan, personas, commune):
    neighbour = OrgUnit.objects.filter(parent_links__parent=seed_plan.admin_unit, level__code="commune")
    other = neighbour.exclude(pk=commune.pk).first()
    client = _client(personas.commune)
    assert client.get(_api(seed_plan), {"unit": other.pk}).status_code == 404
    assert client.get(_page(seed_plan, other)).status_code == 404


def test_the_page_shows_the_plans_value_beside_each_input_and_saves(seed_plan, personas, commune):
    client = _client(personas.commune)
    page = client.get(_page(seed_plan, commune))
    html = page.content.decode()
    assert (
        page.status_code == 200 and f'name="value-{INCOME}"' in html and "Mục tiêu riêng của đơn vị" in html
    )
    form = {f"value-{INCOME}": "30,5", f"year-{INCOME}": "2025", "decision_number": "7/QĐ-UBND"}
    saved = client.post(_page(seed_plan, commune), form)
    assert saved.status_code == 302
    own = UnitTarget.objects.get(unit=commune)
    assert (own.value, own.decision_number) == (Decimal("30.5"), "7/QĐ-UBND")
    html = client.get(_page(seed_plan, commune)).content.decode()
    assert 'value="30,5"' in html and "7/QĐ-UBND" in html
    cleared = client.post(_page(seed_plan, commune), {f"value-{INCOME}": "", f"year-{INCOME}": "2025"})
    assert cleared.status_code == 302 and not UnitTarget.objects.exists()
    assert AuditEvent.objects.filter(action__startswith="plans.unit_target.", channel="web").count() == 2


def test_the_page_shows_errors_and_keeps_what_was_typed(seed_plan, personas, commune):
    response = _client(personas.owner).post(_page(seed_plan, commune), {f"value-{INCOME}": "3o"})
    html = response.content.decode()
    assert response.status_code == 200 and "không phải là số hợp lệ" in html and 'value="3o"' in html
    assert not UnitTarget.objects.exists()


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_the_page_follows_scope_and_role(seed_plan, personas, commune, persona):
    client = _client(getattr(personas, persona))
    page = client.get(_page(seed_plan, commune))
    assert page.status_code == (200 if persona in INSIDE else 404)
    if persona in INSIDE:
        assert (f'name="value-{INCOME}"' in page.content.decode()) == (persona in SETTERS)
    posted = client.post(_page(seed_plan, commune), {f"value-{INCOME}": "31"})
    assert posted.status_code == (302 if persona in SETTERS else 403 if persona in INSIDE else 404)
