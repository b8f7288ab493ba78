"""The public API: anonymous, read-only, the same tables as the pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _urls(code: str) -> list[str]:
    return [
        reverse("api:portal-plan-list"),
        reverse("api:portal-targets", args=[code]),
        reverse("api:portal-indicator", args=[code, "TL_TRE5_DI_HOC"]),
        reverse("api:portal-budget", args=[code]),
        reverse("api:portal-tasks", args=[code]),
        reverse("api:portal-feedback", args=[code]),
    ]


def test_every_public_answer_needs_no_account_and_ignores_a_bad_token(seed_plan):
    for url in _urls(seed_plan.code):
        response = Client().get(url, HTTP_AUTHORIZATION="Token khong-hop-le")
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"]


def test_the_public_api_is_read_only(seed_plan):
    for url in _urls(seed_plan.code):
        assert Client().post(url, {}).status_code == 405, url


def test_the_targets_answer_holds_the_page_table(seed_plan):
    data = Client().get(reverse("api:portal-targets", args=[seed_plan.code])).json()
    table = data["tables"][0]
    assert (
        table["key"] == "chi-tieu" and len(table["rows"]) == seed_plan.targets.filter(quantified=True).count()
    )
    assert set(data["counts"]) >= {"achieved", "on_track", "at_risk", "off_track", "no_data"}


def test_an_unknown_unit_or_indicator_is_not_found(seed_plan):
    url = reverse("api:portal-targets", args=[seed_plan.code])
    assert Client().get(url, {"don-vi": "999999"}).status_code == 404
    assert Client().get(reverse("api:portal-indicator", args=[seed_plan.code, "KHONG_CO"])).status_code == 404
