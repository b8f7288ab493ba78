"""Scope matrix of the new pages, their API and the Excel download: a commune officer sees only its
commune (another unit: 404 everywhere), outsiders see nothing of the plan (404)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.analytics.tests.pages_data import client_for
from kehoach.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db
INDICATOR = "TN_BQ_DTTS"


def urls(plan, unit: OrgUnit) -> list[str]:
    code, q = plan.code, f"?don_vi={unit.pk}"
    api_q = f"?unit={unit.pk}"
    return [
        reverse("analytics:indicator", args=[code, INDICATOR]) + q,
        reverse("analytics:indicator-units", args=[code, INDICATOR]) + q,
        reverse("analytics:scorecard", args=[code, unit.pk]),
        reverse("analytics:performance", args=[code]) + q,
        reverse("analytics:performance-excel", args=[code]) + q,
        reverse("analytics:comparison", args=[code]) + q,
        reverse("api:analytics-indicator", args=[code, INDICATOR]) + api_q,
        reverse("api:analytics-unit-scorecard", args=[code, unit.pk]),
        reverse("api:analytics-performance", args=[code]) + api_q,
        reverse("api:analytics-comparison", args=[code]) + api_q,
    ]


@pytest.fixture
def own(personas) -> OrgUnit:
    unit: OrgUnit = personas.commune.units.get()
    return unit


@pytest.fixture
def other(seed_plan, own) -> OrgUnit:
    unit = OrgUnit.objects.filter(parent_links__parent=seed_plan.admin_unit).exclude(pk=own.pk).first()
    assert unit is not None
    return unit


def test_commune_officer_sees_its_commune(seed_plan, personas, own):
    c = client_for(personas.commune)
    assert [c.get(u).status_code for u in urls(seed_plan, own)] == [200] * 10


def test_commune_officer_gets_404_for_another_commune_everywhere(seed_plan, personas, other):
    c = client_for(personas.commune)
    assert [c.get(u).status_code for u in urls(seed_plan, other)] == [404] * 10


def test_commune_officer_gets_404_for_the_district(seed_plan, personas):
    c = client_for(personas.commune)
    assert [c.get(u).status_code for u in urls(seed_plan, seed_plan.admin_unit)] == [404] * 10


def test_the_owner_sees_every_unit(seed_plan, personas, other):
    c = client_for(personas.owner)
    assert [c.get(u).status_code for u in urls(seed_plan, other)] == [200] * 10


def test_outsiders_get_404(seed_plan, personas, own):
    for who in (personas.outsider_owner, personas.outsider_commune):
        c = client_for(who)
        assert [c.get(u).status_code for u in urls(seed_plan, own)] == [404] * 10


def test_anonymous_is_sent_to_login_or_refused(seed_plan, own):
    codes = [Client().get(u).status_code for u in urls(seed_plan, own)]
    assert codes[:6] == [302] * 6 and all(code in (401, 403) for code in codes[6:])


def test_indicator_of_another_plan_is_404(seed_plan, personas, own):
    c = client_for(personas.owner)
    url = reverse("analytics:indicator", args=[seed_plan.code, "KHONG_CO_CHI_SO"]) + f"?don_vi={own.pk}"
    assert c.get(url).status_code == 404
    api = reverse("api:analytics-indicator", args=[seed_plan.code, "KHONG_CO_CHI_SO"])
    assert c.get(api).status_code == 404
