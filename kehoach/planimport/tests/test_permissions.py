"""Who may import: plan owners and admins, on the page and the API; plans only for units in scope."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.accounts.scope import can_import_plan
from kehoach.core.exceptions import PermissionDenied
from kehoach.planimport.services import confirm_import
from kehoach.plans.models import Plan

from .conftest import client_for, upload_file

pytestmark = pytest.mark.django_db

MAY_IMPORT = ["admin", "owner", "outsider_owner"]  # a plan owner of another district imports its own plans
MAY_NOT = ["finance", "agency", "commune", "viewer", "outsider_commune"]


@pytest.mark.parametrize("persona", MAY_IMPORT + MAY_NOT)
def test_upload_page_follows_the_role(personas, persona):
    response = client_for(getattr(personas, persona)).get(reverse("planimport:upload"))
    assert response.status_code == (200 if persona in MAY_IMPORT else 403)
    if persona in MAY_NOT:
        assert "Không có quyền nhập kế hoạch" in response.content.decode()


@pytest.mark.parametrize("persona", MAY_IMPORT + MAY_NOT)
def test_api_parse_follows_the_role(personas, persona, variant_bytes):
    response = client_for(getattr(personas, persona)).post(
        reverse("api:planimport-parse"), {"file": upload_file(variant_bytes)}
    )
    assert response.status_code == (200 if persona in MAY_IMPORT else 403)
    if persona in MAY_NOT:
        assert "nhập kế hoạch" in response.json()["detail"]


@pytest.mark.parametrize("persona", MAY_NOT)
def test_roles_that_may_not_import_cannot_post_a_file_either(personas, persona, variant_bytes):
    plans = Plan.objects.count()
    client = client_for(getattr(personas, persona))
    response = client.post(reverse("planimport:upload"), {"file": upload_file(variant_bytes)})
    assert response.status_code == 403 and Plan.objects.count() == plans
    assert "planimport_drafts" not in client.session


def test_the_menu_shows_the_link_only_to_roles_that_import(personas):
    link = f'href="{reverse("planimport:upload")}"'
    assert link in client_for(personas.owner).get(reverse("web:plans")).content.decode()
    assert link not in client_for(personas.viewer).get(reverse("web:plans")).content.decode()


def test_anonymous_users_are_sent_to_login_or_refused(seed_plan, variant_bytes):
    response = Client().get(reverse("planimport:upload"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    response = Client().post(reverse("api:planimport-parse"), {"file": upload_file(variant_bytes)})
    assert response.status_code in (401, 403)


def test_an_owner_cannot_create_a_plan_for_another_district(personas, variant_bytes, seed_plan):
    outsider = client_for(personas.outsider_owner)
    response = outsider.post(reverse("planimport:upload"), {"file": upload_file(variant_bytes)})
    draft_id = response["Location"].rstrip("/").split("/")[-1]
    draft = outsider.session["planimport_drafts"][draft_id]
    # The document names Mường Tè, outside this owner's district: no unit is suggested ...
    assert draft["unit"]["choice"] is None and draft["unit"]["status"] == "none"
    # ... a forged choice is refused by the form ...
    url = reverse("planimport:resolve", args=[draft_id])
    meta = draft["document"]["plan"]
    data = {"code": "X-1", "title": meta["title"], "unit": seed_plan.admin_unit_id, "confirm": "1"}
    response = outsider.post(url, data)
    assert (
        response.status_code == 400 and "không được tạo kế hoạch cho đơn vị này" in response.content.decode()
    )
    # ... and by the service, whatever the caller.
    draft["unit"]["choice"] = seed_plan.admin_unit_id
    draft["issuer"]["choice"] = "MT-UBND"
    for agency in draft["agencies"]:
        agency["choice"] = agency["candidates"][0] if agency["candidates"] else "-"
    with pytest.raises(PermissionDenied):
        confirm_import(draft=draft, user=personas.outsider_owner)
    assert not Plan.objects.filter(title=meta["title"]).exists()


def test_the_predicate_with_and_without_a_unit(personas, seed_plan):
    district = seed_plan.admin_unit
    assert can_import_plan(personas.admin, district)
    assert can_import_plan(personas.owner) and can_import_plan(personas.owner, district)
    assert can_import_plan(personas.outsider_owner) and not can_import_plan(personas.outsider_owner, district)
    assert not any(can_import_plan(getattr(personas, p)) for p in MAY_NOT)
    assert not can_import_plan(personas.viewer, district)
