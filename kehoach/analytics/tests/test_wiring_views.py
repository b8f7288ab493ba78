"""The dashboard, the explain page and the API show the judged figures, within the user's scope."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from kehoach.analytics.tests.pages_data import client_for
from kehoach.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db
TARGET = "T2025-01"


def dashboard(plan, unit=None) -> str:
    url = reverse("analytics:dashboard", args=[plan.code])
    return url if unit is None else f"{url}?don_vi={unit.pk}"


def api(plan, unit=None) -> str:
    url = reverse("api:analytics-plan-progress", args=[plan.code])
    return url if unit is None else f"{url}?unit={unit.pk}"


def target_row(payload: dict[str, Any]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = payload["targets"]
    return next(t for t in rows if t["target"] == TARGET)


def test_dashboard_shows_the_status_as_text_and_which_values_count(
    seed_plan, personas, commune, submit_income, approve
):
    approve(submit_income("2023", 20))
    approve(submit_income("2024", 25.5))
    response = client_for(personas.owner).get(dashboard(seed_plan, commune))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Có nguy cơ không đạt" in html and "25,5" in html and "6,5" in html
    assert "Chỉ tính số liệu đã được phê duyệt." in html
    assert "Mốc năm 2025" in html and "Tiến độ chỉ tiêu" in html and "Theo lĩnh vực" in html
    assert reverse("analytics:explain", args=[seed_plan.code, TARGET]) in html


def test_explain_page_gives_the_rule_and_every_number(seed_plan, personas, commune, submit_income, approve):
    approve(submit_income("2023", 20))
    approve(submit_income("2024", 25.5))
    url = reverse("analytics:explain", args=[seed_plan.code, TARGET]) + f"?don_vi={commune.pk}"
    response = client_for(personas.commune).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đánh giá: Có nguy cơ không đạt." in html and "Chỉ tính số liệu đã được phê duyệt." in html
    assert "25,5" in html and "31" in html


def test_api_returns_the_same_figures(seed_plan, personas, commune, submit_income, approve):
    approve(submit_income("2023", 20))
    approve(submit_income("2024", 25.5))
    response = client_for(personas.owner).get(api(seed_plan, commune))
    assert response.status_code == 200
    payload = response.json()
    assert payload["countedStatuses"] == ["approved"] and payload["unit"] == commune.pk
    row = target_row(payload)
    assert row["status"] == "at_risk" and row["statusLabel"] == "Có nguy cơ không đạt"
    figures = (Decimal(row["latest"]), Decimal(row["gap"]), Decimal(row["forecast"]))
    assert figures == (Decimal("25.5"), Decimal("6.5"), Decimal(31))


@override_settings(KEHOACH_ANALYTICS_STATUSES=("approved", "submitted"))
def test_api_counts_submitted_values_when_the_setting_says_so(
    seed_plan, personas, submit_income, close_round
):
    submit_income("2024", 35)
    close_round("2024")
    payload = client_for(personas.owner).get(api(seed_plan)).json()
    assert payload["countedStatuses"] == ["approved", "submitted"]
    assert target_row(payload)["status"] == "achieved"


def test_an_approval_shows_on_the_next_request(seed_plan, personas, submit_income, approve, close_round):
    pending = submit_income("2024", 35)
    close_round("2024")
    c = client_for(personas.owner)
    assert target_row(c.get(api(seed_plan)).json())["status"] == "no_data"
    approve(pending)
    assert target_row(c.get(api(seed_plan)).json())["status"] == "achieved"


def test_outsider_gets_404(seed_plan, personas):
    for who in (personas.outsider_owner, personas.outsider_commune):
        c = client_for(who)
        assert c.get(dashboard(seed_plan)).status_code == 404
        assert c.get(api(seed_plan)).status_code == 404


def test_a_unit_outside_the_users_scope_is_404(seed_plan, personas, commune):
    other = OrgUnit.objects.filter(parent_links__parent=seed_plan.admin_unit).exclude(pk=commune.pk).first()
    assert other is not None
    c = client_for(personas.commune)
    assert c.get(dashboard(seed_plan, other)).status_code == 404
    assert c.get(api(seed_plan, other)).status_code == 404
    assert c.get(dashboard(seed_plan)).status_code == 200  # defaults to its own commune


def test_progress_endpoint_is_in_the_openapi_schema(personas):
    response = client_for(personas.owner).get(reverse("api:schema"))
    assert b"/api/v1/plans/{code}/progress/" in response.content
