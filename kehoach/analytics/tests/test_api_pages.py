"""API of the analytics pages: the same figures as the pages, exact decimals, in the OpenAPI schema;
and the indicator definitions let a client recompute a figure from the exported raw values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.analytics.tests.pages_data import client_for, enter_commune_year

pytestmark = pytest.mark.django_db


def test_indicator_api_gives_actual_trajectory_and_target(seed_plan, personas, commune, incomes):
    url = reverse("api:analytics-indicator", args=[seed_plan.code, "TN_BQ_DTTS"]) + f"?unit={commune.pk}"
    body = client_for(personas.commune).get(url).json()
    assert body["countedStatuses"] == ["approved"] and body["unit"] == commune.pk
    years = {y["year"]: y for y in body["years"]}
    assert Decimal(years[2024]["value"]) == Decimal("25.5")
    assert Decimal(years[2024]["numerator"]) == 2040 and Decimal(years[2024]["denominator"]) == 80
    path = {t["target"]: t["value"] for t in years[2024]["trajectories"]}
    assert Decimal(path["T2025-01"]) == 26
    target = next(t for t in body["targets"] if t["target"] == "T2025-01")
    assert (
        target["status"] == "at_risk" and target["charted"] is True and Decimal(target["targetLevel"]) == 32
    )


def test_indicator_api_gives_the_units_below_unless_asked_not_to(seed_plan, personas, commune, incomes):
    url = reverse("api:analytics-indicator", args=[seed_plan.code, "TN_BQ_DTTS"])
    c = client_for(personas.owner)
    units = {u["unit"]: u for u in c.get(url).json()["units"]}  # the plan's unit: its communes
    mine = units[commune.pk]
    assert mine["year"] == 2024 and Decimal(mine["value"]) == Decimal("25.5")
    assert {"target": "T2025-01", "status": "at_risk", "statusLabel": "Có nguy cơ không đạt"} in mine[
        "statuses"
    ]
    assert c.get(url, {"units": "false"}).json()["units"] == []


def test_scorecard_api_lists_every_target(seed_plan, personas, commune, incomes):
    url = reverse("api:analytics-unit-scorecard", args=[seed_plan.code, commune.pk])
    body = client_for(personas.commune).get(url).json()
    assert len(body["targets"]) == 47
    row = next(t for t in body["targets"] if t["target"] == "T2025-01")
    assert row["statusLabel"] == "Có nguy cơ không đạt" and Decimal(row["latest"]) == Decimal("25.5")


def test_performance_api_rows_and_filters(seed_plan, personas, commune, incomes):
    url = reverse("api:analytics-performance", args=[seed_plan.code])
    c = client_for(personas.commune)
    body = c.get(url, {"unit": commune.pk, "status": "at_risk"}).json()
    assert body["filters"] == {"sector": "", "milestone": None, "status": "at_risk"}
    assert {r["status"] for r in body["rows"]} == {"at_risk"}
    mine = {r["year"]: r for r in body["rows"] if r["target"] == "T2025-01"}
    assert Decimal(mine[2024]["targetValue"]) == 26 and Decimal(mine[2024]["actual"]) == Decimal("25.5")
    assert Decimal(mine[2024]["percentOfTarget"]) == Decimal("25.5") * 100 / 26
    assert mine[2024]["onPath"] is False and mine[2025]["isMilestone"] is True


def test_comparison_api_pairs(seed_plan, personas, commune):
    entries = [("CBCCVC_TONG", "default", 50), ("CBCCVC_DTTS", "default", 30), ("DS_DTTS", "default", 80)]
    enter_commune_year(personas, "2024", entries)
    url = reverse("api:analytics-comparison", args=[seed_plan.code])
    body = client_for(personas.commune).get(url, {"unit": commune.pk}).json()
    pair = next(p for p in body["pairs"] if p["kind"] == "reference")
    assert (pair["minorityIndicator"], pair["wholeIndicator"]) == ("TL_CB_DTTS", "TL_DS_DTTS")
    row = next(r for r in pair["rows"] if r["year"] == 2024)
    assert (Decimal(row["minority"]), Decimal(row["whole"]), Decimal(row["difference"])) == (
        Decimal(60),
        Decimal(80),
        Decimal(-20),
    )


def test_a_client_can_recompute_a_figure_from_definitions_and_raw_values(seed_plan, personas, commune):
    """GET /indicators/{code} names the numerator, denominator (with combos) and factor; the raw
    values come from dataValueSets; factor × ΣN / ΣD equals the analytics API, total and by sex."""
    entries = [
        ("DS_TONG", "default", 100),
        ("DS_TONG", "GT_NAM", 60),
        ("DS_TONG", "GT_NU", 40),
        ("DS_DTTS", "default", 80),
        ("DS_DTTS", "GT_NAM", 45),
        ("DS_DTTS", "GT_NU", 35),
    ]
    enter_commune_year(personas, "2024", entries)
    c = client_for(personas.commune)
    definition = c.get(reverse("api:indicators-indicator-detail", args=["TL_DS_DTTS"])).json()
    assert definition["numerator"] == {"dataElement": "DS_DTTS", "categoryOptionCombo": "default"}
    assert definition["denominator"] == {"dataElement": "DS_TONG", "categoryOptionCombo": "default"}
    assert "sex" in definition["disaggregations"]
    raw = c.get(
        "/api/v1/dataValueSets", {"dataSet": "XA-NAM", "period": "2024", "orgUnit": commune.key}
    ).json()
    values = {(v["dataElement"], v["categoryOptionCombo"]): Decimal(v["value"]) for v in raw["dataValues"]}
    factor = Decimal(str(definition["factor"]))

    def recompute(coc: str) -> Decimal:
        n = values[(definition["numerator"]["dataElement"], coc)]
        d = values[(definition["denominator"]["dataElement"], coc)]
        return factor * n / d

    url = reverse("api:analytics-indicator", args=[seed_plan.code, "TL_DS_DTTS"]) + f"?unit={commune.pk}"
    body = c.get(url).json()
    total = next(y for y in body["years"] if y["year"] == 2024)
    assert Decimal(total["value"]) == recompute("default") == 80
    by_sex = {r["categoryOptionCombo"]: Decimal(r["value"]) for b in body["breakdowns"] for r in b["rows"]}
    assert by_sex["GT_NU"] == recompute("GT_NU") == Decimal("87.5")
    assert by_sex["GT_NAM"] == recompute("GT_NAM") == 75


def test_new_endpoints_are_in_the_openapi_schema(personas):
    schema = client_for(personas.owner).get(reverse("api:schema")).content
    for path in (
        b"/api/v1/plans/{code}/indicators/{indicator}/",
        b"/api/v1/plans/{code}/units/{unit_id}/scorecard/",
        b"/api/v1/plans/{code}/performance/",
        b"/api/v1/plans/{code}/comparison/",
    ):
        assert path in schema
