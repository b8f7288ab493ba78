"""Ethnic-minority figures entered per village: the breakdown by ethnic group on the indicator page,
and the poverty rate of ethnic-minority households beside that of all households.

Bản Thử Trang (a village of the commune persona's commune), 2024: 100 households of which 20 poor;
80 ethnic-minority households (Hà Nhì 50, La Hủ 30) of which 18 poor (Hà Nhì 10, La Hủ 8).
By hand: TL_HO_NGHEO = 20 %; TL_HO_NGHEO_DTTS = 18 / 80 = 22,5 % (Hà Nhì 20 %, La Hủ 26,7 %, not
their mean 23,3 %); difference 2,5 points.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.analytics.tests.pages_data import client_for, enter_village_year, make_village

pytestmark = pytest.mark.django_db

ENTRIES = [
    ("HO_TONG", "default", 100),
    ("HO_NGHEO", "default", 20),
    ("HO_DTTS", "default", 80),
    ("HO_DTTS", "DT_35", 50),
    ("HO_DTTS", "DT_41", 30),
    ("HO_NGHEO_DTTS", "default", 18),
    ("HO_NGHEO_DTTS", "DT_35", 10),
    ("HO_NGHEO_DTTS", "DT_41", 8),
]


@pytest.fixture
def village(personas, commune):
    unit = make_village(commune)
    enter_village_year(personas, unit, "2024", ENTRIES)
    return unit


def row_after(html: str, marker: str) -> str:
    rest = html[html.index(marker) :]
    return rest[: rest.index("</tr>")]


def test_breakdown_by_ethnic_group_at_the_commune(seed_plan, personas, commune, village):
    url = reverse("analytics:indicator", args=[seed_plan.code, "TL_HO_NGHEO_DTTS"]) + f"?don_vi={commune.pk}"
    html = client_for(personas.commune).get(url).content.decode()
    section = html[html.index("Theo nhóm phân tổ") :]
    assert "20,0" in row_after(section, "Hà Nhì")
    assert "26,7" in row_after(section, "La Hủ")
    units_url = reverse("analytics:indicator-units", args=[seed_plan.code, "TL_HO_NGHEO_DTTS"])
    units = client_for(personas.commune).get(units_url, {"don_vi": commune.pk}).content.decode()
    assert "22,5" in row_after(units, village.name)  # the village below the commune


def test_minority_and_whole_population_poverty_side_by_side(seed_plan, personas, commune, village):
    url = reverse("analytics:comparison", args=[seed_plan.code]) + f"?don_vi={commune.pk}"
    html = client_for(personas.commune).get(url).content.decode()
    section = html[html.index("Tỷ lệ hộ nghèo đồng bào DTTS — Tỷ lệ hộ nghèo") :]
    row = row_after(section, '<th scope="row">2024</th>')
    assert "22,5" in row and "20,0" in row and "2,5" in row
    api = reverse("api:analytics-comparison", args=[seed_plan.code])
    body = client_for(personas.commune).get(api, {"unit": commune.pk}).json()
    pair = next(p for p in body["pairs"] if p["kind"] == "variant")
    assert (pair["minorityIndicator"], pair["wholeIndicator"]) == ("TL_HO_NGHEO_DTTS", "TL_HO_NGHEO")
    figures = next(r for r in pair["rows"] if r["year"] == 2024)
    assert Decimal(figures["minority"]) == Decimal("22.5") and Decimal(figures["difference"]) == Decimal(
        "2.5"
    )
