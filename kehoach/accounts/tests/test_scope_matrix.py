"""Every role against every endpoint, in and out of scope (API and web pages).

Reading: anyone whose units relate to the plan's unit sees it; outsiders get 404 (not 403), so
the existence of another district's plan does not leak. Writing: only the roles named in
kehoach.accounts.scope, on every path.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

INSIDE = ["admin", "owner", "finance", "agency", "commune", "viewer"]
OUTSIDE = ["outsider_owner", "outsider_commune"]

API_PLAN_ENDPOINTS = [
    "plan-detail",
    "section-list",
    "target-list",
    "task-list",
    "budgetline-list",
    "responsibility-list",
    "obligation-list",
    "finding-list",
    "plan-export",
]
WEB_PLAN_PAGES = ["web:plan", "web:targets", "web:tasks", "web:budget", "web:organisation", "web:findings"]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("endpoint", API_PLAN_ENDPOINTS)
def test_api_plan_endpoints_follow_scope(personas, seed_plan, persona, endpoint):
    response = _client(getattr(personas, persona)).get(reverse(f"api:{endpoint}", args=[seed_plan.code]))
    assert response.status_code == (200 if persona in INSIDE else 404), response.content[:300]


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("page", WEB_PLAN_PAGES)
def test_web_plan_pages_follow_scope(personas, seed_plan, persona, page):
    response = _client(getattr(personas, persona)).get(reverse(page, args=[seed_plan.code]))
    assert response.status_code == (200 if persona in INSIDE else 404)


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_plan_list_shows_only_plans_in_scope(personas, seed_plan, persona):
    codes = [
        p["code"] for p in _client(getattr(personas, persona)).get(reverse("api:plan-list")).json()["results"]
    ]
    assert (seed_plan.code in codes) == (persona in INSIDE)


@pytest.mark.parametrize("endpoint", [*API_PLAN_ENDPOINTS, "plan-list", "unit-list", "agency-list"])
def test_api_requires_authentication(seed_plan, endpoint):
    args = [seed_plan.code] if endpoint in API_PLAN_ENDPOINTS else []
    response = Client().get(reverse(f"api:{endpoint}", args=args))
    assert response.status_code in (401, 403)


@pytest.mark.parametrize("page", WEB_PLAN_PAGES)
def test_web_pages_redirect_anonymous_to_login(seed_plan, page):
    response = Client().get(reverse(page, args=[seed_plan.code]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_token_authentication_reaches_api(personas, seed_plan):
    from kehoach.accounts.services import issue_token

    token = issue_token(user=personas.viewer, actor=None)
    response = Client().get(
        reverse("api:target-list", args=[seed_plan.code]), HTTP_AUTHORIZATION=f"Token {token}"
    )
    assert response.status_code == 200
    assert response.json()["count"] == seed_plan.targets.count()


# Editing: (persona, kind) -> may edit. Target/section: plan owner; budget: owner and finance;
# task: owner, and the agency officer for the tasks its agency leads.
EDIT_RULES = {
    "target": {"admin", "owner"},
    "section": {"admin", "owner"},
    "budget": {"admin", "owner", "finance"},
    "task": {"admin", "owner", "agency"},
}


def _element(seed_plan, kind, personas):
    if kind == "target":
        return seed_plan.targets.filter(quantified=True).first()
    if kind == "section":
        return seed_plan.sections.first()
    if kind == "budget":
        return seed_plan.budget_lines.first()
    return seed_plan.tasks.filter(lead=personas.agency.agency).first()


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("kind", sorted(EDIT_RULES))
def test_edit_pages_follow_roles_and_scope(personas, seed_plan, persona, kind):
    obj = _element(seed_plan, kind, personas)
    url = reverse("web:edit", args=[seed_plan.code, kind, obj.code])
    response = _client(getattr(personas, persona)).get(url)
    if persona in OUTSIDE:
        assert response.status_code == 404
    else:
        assert response.status_code == (200 if persona in EDIT_RULES[kind] else 403)


@pytest.mark.parametrize("persona", ["finance", "commune", "viewer", "agency", "outsider_owner"])
def test_forbidden_post_changes_nothing(personas, seed_plan, persona):
    target = seed_plan.targets.filter(quantified=True).first()
    url = reverse("web:edit", args=[seed_plan.code, "target", target.code])
    response = _client(getattr(personas, persona)).post(
        url, {"text": "bị sửa trái phép", "milestone_year": 2099}
    )
    assert response.status_code in (403, 404)
    target.refresh_from_db()
    assert target.text != "bị sửa trái phép"


def test_agency_officer_cannot_edit_tasks_led_by_another_agency(personas, seed_plan):
    other = seed_plan.tasks.exclude(lead=personas.agency.agency).first()
    url = reverse("web:edit", args=[seed_plan.code, "task", other.code])
    assert _client(personas.agency).get(url).status_code == 403


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_units_api_lists_only_related_units(personas, seed_plan, persona):
    user = getattr(personas, persona)
    keys = {u["key"] for u in _client(user).get(reverse("api:unit-list"), {"limit": 1000}).json()["results"]}
    assert (seed_plan.admin_unit.key in keys) == (persona in INSIDE)


def test_commune_officer_gets_404_for_another_commune(personas, seed_plan):
    from kehoach.orgunits.models import OrgUnit

    own = personas.commune.units.get()
    other = (
        OrgUnit.objects.filter(parent_links__parent=seed_plan.admin_unit, level__code="commune")
        .exclude(pk=own.pk)
        .first()
    )
    client = _client(personas.commune)
    assert client.get(reverse("api:unit-detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("api:unit-detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("web:unit", args=[other.pk])).status_code == 404


@pytest.mark.parametrize("persona", [*INSIDE, *OUTSIDE])
def test_only_administrators_reach_the_admin(personas, persona):
    response = _client(getattr(personas, persona)).get("/admin/plans/target/")
    if persona == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
