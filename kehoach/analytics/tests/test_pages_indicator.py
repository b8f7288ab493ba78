"""The indicator page: chart data, its table, units and breakdowns equal a hand computation.

T2025-01 (TN_BQ_DTTS ≥ 32 million VND by 2025) at the commune persona's commune, entered as
TN_DTTS / DS_DTTS: 2023 → 1.600 / 80 = 20; 2024 → 2.040 / 80 = 25,5. The baseline is the first
observation (2023, 20), so the trajectory for 2024 is 20 + (32 − 20) × 1/2 = 26.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kehoach.analytics.tests.pages_data import client_for, enter_commune_year

pytestmark = pytest.mark.django_db


def page_url(plan, indicator: str, unit) -> str:
    return reverse("analytics:indicator", args=[plan.code, indicator]) + f"?don_vi={unit.pk}"


def chart_data(html: str) -> dict[str, Any]:
    found = re.search(r'<script id="indicator-chart-data" type="application/json">(.*?)</script>', html, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def income(personas, period: str, total: int, people: int = 80) -> None:
    enter_commune_year(personas, period, [("DS_DTTS", "default", people), ("TN_DTTS", "default", total)])


def test_chart_and_table_show_actual_trajectory_and_target(seed_plan, personas, commune):
    income(personas, "2023", 1600)
    income(personas, "2024", 2040)
    response = client_for(personas.commune).get(page_url(seed_plan, "TN_BQ_DTTS", commune))
    assert response.status_code == 200
    html = response.content.decode()
    data = chart_data(html)
    years = data["labels"]
    actual = next(d for d in data["datasets"] if d["kind"] == "actual")
    by_year = {y: Decimal(v) for y, v in zip(years, actual["data"], strict=True) if v is not None}
    assert by_year == {"2023": Decimal(20), "2024": Decimal("25.5")}
    path = next(d for d in data["datasets"] if d["label"] == "Lộ trình T2025-01")
    trajectory = {y: Decimal(v) for y, v in zip(years, path["data"], strict=True) if v is not None}
    assert trajectory == {"2023": Decimal(20), "2024": Decimal(26), "2025": Decimal(32)}
    target = next(d for d in data["datasets"] if d["label"] == "Mục tiêu T2025-01")
    points = {y: Decimal(v) for y, v in zip(years, target["data"], strict=True) if v is not None}
    assert points == {"2025": Decimal(32)}
    # The same numbers in the table beside the chart (not colour alone), Vietnamese format.
    table = html[html.index('id="indicator-table"') :]
    assert "25,5" in table and "26,0" in table and "≥ 32,0 (T2025-01)" in table
    assert 'id="indicator-chart"' in html and "chart.umd.min.js" in html and "indicator-chart.js" in html
    assert "Chỉ tính số liệu đã được phê duyệt." in html
    assert reverse("analytics:explain", args=[seed_plan.code, "T2025-01"]) in html


def test_units_below_the_district_show_their_latest_figure_and_status(seed_plan, personas, commune):
    income(personas, "2023", 1600)
    income(personas, "2024", 2040)
    district = seed_plan.admin_unit
    c = client_for(personas.owner)
    units_url = (
        reverse("analytics:indicator-units", args=[seed_plan.code, "TN_BQ_DTTS"]) + f"?don_vi={district.pk}"
    )
    assert (
        units_url.replace("&", "&amp;") in c.get(page_url(seed_plan, "TN_BQ_DTTS", district)).content.decode()
    )
    response = c.get(units_url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # the fragment htmx swaps in
    units = html[html.index("Theo đơn vị") :]
    row = units[units.index(commune.name) :]
    row = row[: row.index("</tr>")]
    assert "2024" in row and "25,5" in row and "T2025-01: Có nguy cơ không đạt" in row
    whole = c.get(units_url).content.decode()  # without script: a page of its own
    assert "<html" in whole and "T2025-01: Có nguy cơ không đạt" in whole


def test_breakdown_by_sex_sums_numerators_and_denominators(seed_plan, personas, commune):
    # TL_DS_DTTS = DS_DTTS / DS_TONG × 100; both collected by sex.
    entries = [
        ("DS_TONG", "default", 100),
        ("DS_DTTS", "default", 80),
        ("DS_TONG", "GT_NAM", 60),
        ("DS_TONG", "GT_NU", 40),
        ("DS_DTTS", "GT_NAM", 45),
        ("DS_DTTS", "GT_NU", 35),
    ]
    enter_commune_year(personas, "2024", entries)
    response = client_for(personas.commune).get(page_url(seed_plan, "TL_DS_DTTS", commune))
    html = response.content.decode()
    section = html[html.index("Theo nhóm phân tổ") :]
    women = section[section.index("Nữ") :]
    women = women[: women.index("</tr>")]
    assert "35" in women and "40" in women and "87,5" in women  # 35 / 40 × 100
    men = section[section.index("Nam") :]
    assert "75,0" in men[: men.index("</tr>")]  # 45 / 60 × 100
    data = chart_data(html)
    actual = next(d for d in data["datasets"] if d["kind"] == "actual")
    assert Decimal(actual["data"][data["labels"].index("2024")]) == Decimal(80)  # 80 / 100, not a mean


def test_unknown_indicator_or_one_outside_the_plan_is_404(seed_plan, personas, commune):
    c = client_for(personas.owner)
    assert c.get(page_url(seed_plan, "KHONG_CO", commune)).status_code == 404


def test_dashboard_and_explain_link_to_the_indicator_page(seed_plan, personas, commune):
    c = client_for(personas.commune)
    link = reverse("analytics:indicator", args=[seed_plan.code, "TN_BQ_DTTS"])
    dashboard = c.get(reverse("analytics:dashboard", args=[seed_plan.code]) + f"?don_vi={commune.pk}")
    assert link in dashboard.content.decode()
    explain = c.get(reverse("analytics:explain", args=[seed_plan.code, "T2025-01"]) + f"?don_vi={commune.pk}")
    assert link in explain.content.decode()
