"""Performance table (and its Excel file), unit scorecard and minority comparison, against hand
computations from values entered and approved in the test.

T2025-01 at the commune: 2023 → 20, 2024 → 25,5 (TN_DTTS / DS_DTTS); baseline 2023 = 20, target
≥ 32 in 2025: the trajectory for 2024 is 26, so 2024 is at 25,5 / 26 = 98,1 % of where it should
be, below its path; the target is "at risk" (see test_wiring_progress).
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kehoach.analytics.performance_excel import headers
from kehoach.analytics.tests.pages_data import client_for, enter_commune_year

pytestmark = pytest.mark.django_db


def perf_url(plan, unit, **filters: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"don_vi": unit.pk, **filters}.items())
    return reverse("analytics:performance", args=[plan.code]) + "?" + query


def excel_url(plan, unit, **filters: str) -> str:
    url = perf_url(plan, unit, **filters)
    return url.replace(
        reverse("analytics:performance", args=[plan.code]),
        reverse("analytics:performance-excel", args=[plan.code]),
    )


def rows_of(html: str, code: str) -> list[str]:
    body = html[html.index('id="performance-table"') :]
    return [r for r in body.split("<tr>") if f">{code}</a>" in r]


def test_performance_rows_by_year_with_percent_of_target(seed_plan, personas, commune, incomes):
    html = client_for(personas.commune).get(perf_url(seed_plan, commune)).content.decode()
    rows = rows_of(html, "T2025-01")
    years = [r.split("<td>")[1].split("</td>")[0] for r in rows]
    assert years == ["2023", "2024", "2025"]
    row_2024 = rows[1]
    expected_percent = (Decimal("25.5") / Decimal(26) * 100).quantize(Decimal("0.1"))
    assert str(expected_percent).replace(".", ",") + "%" in row_2024  # 98,1%
    assert "≥ 26,0" in row_2024 and "lộ trình" in row_2024 and "25,5" in row_2024
    assert "Không" in row_2024
    # the overall status is the target's, on its milestone row only, not beside 2024's own "Không"
    assert "Có nguy cơ không đạt" not in row_2024 and "⚠" not in row_2024 and "xem dòng năm mốc" in row_2024
    assert "Có nguy cơ không đạt" in rows[2] and "⚠" in rows[2]
    assert "≥ 32,0" in rows[2] and "mục tiêu" in rows[2]
    # 2023 is the baseline (the first figure): where the path starts, no "met" verdict of its own.
    baseline_row = rows[0].split("</td>")
    assert not any(cell.endswith(">Có") or cell.endswith(">Không") for cell in baseline_row), rows[0]
    assert "Đánh giá chung (cả chỉ tiêu)" in html
    assert "“gần đúng”: số liệu có phần ước tính" in html  # the word is explained in a visible line
    assert "Chỉ tính số liệu đã được phê duyệt." in html


def test_filters_keep_only_matching_targets(seed_plan, personas, commune, incomes):
    c = client_for(personas.commune)
    at_risk = c.get(perf_url(seed_plan, commune, danh_gia="at_risk")).content.decode()
    assert rows_of(at_risk, "T2025-01") and not rows_of(at_risk, "T2025-02")
    later = c.get(perf_url(seed_plan, commune, moc="2030")).content.decode()
    assert not rows_of(later, "T2025-01") and rows_of(later, "T2030-02")
    other_sector = c.get(perf_url(seed_plan, commune, linh_vuc="health")).content.decode()
    assert not rows_of(other_sector, "T2025-01")


def test_excel_is_exactly_the_filtered_table(seed_plan, personas, commune, incomes):
    c = client_for(personas.commune)
    response = c.get(excel_url(seed_plan, commune, moc="2025"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Bảng chỉ tiêu"]
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == headers()
    assert table[0][0] == "Mã chỉ tiêu" and "% so với mức phải đạt" in table[0]
    page = c.get(perf_url(seed_plan, commune, moc="2025")).content.decode()
    shown = page[page.index('id="performance-table"') :].count("<tr>") - 1  # minus the header row
    assert len(table) - 1 == shown
    assert all(r[3] == 2025 for r in table[1:])  # the milestone filter holds in the file
    mine = [r for r in table[1:] if r[0] == "T2025-01"]
    assert [r[4] for r in mine] == [2023, 2024, 2025]
    row_2024 = mine[1]
    assert Decimal(str(row_2024[6])) == Decimal(26) and Decimal(str(row_2024[8])) == Decimal("25.5")
    assert Decimal(str(row_2024[9])) == Decimal("98.1") and row_2024[10] == "Không"
    # years are plain integers in Excel (2025, not 2.025 with a grouping format)
    first = sheet.cell(row=2, column=4)
    assert first.value == 2025 and first.number_format == "0"
    assert sheet.cell(row=2, column=5).number_format == "0"
    assert sheet.cell(row=2, column=7).number_format.startswith("#,##0")  # other numbers: grouped
    assert row_2024[11] == "⚠ Có nguy cơ không đạt"
    about = dict(book["Thông tin"].iter_rows(min_row=2, values_only=True))
    assert about["Đơn vị"] == commune.name and about["Bộ lọc"] == "mốc 2025"


def test_scorecard_lists_every_target_with_status_text_and_symbol(seed_plan, personas, commune, incomes):
    url = reverse("analytics:scorecard", args=[seed_plan.code, commune.pk])
    html = client_for(personas.commune).get(url).content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    assert body.count("<tr>") == 47  # every quantified target of the seed plan
    row = body[body.index(">T2025-01</a>") :]
    row = row[: row.index("</tr>")]
    assert "⚠" in row and "Có nguy cơ không đạt" in row and "25,5" in row and "≥ 32,0" in row
    assert reverse("analytics:explain", args=[seed_plan.code, "T2025-01"]) in html
    assert "analytics/print.css" in html and 'media="print"' in html


def test_minority_comparison_pairs_cadres_with_population(seed_plan, personas, commune):
    # T2025-29 compares the ethnic-minority share of cadres (30 / 50) with that of the population (80 / 100).
    entries = [("CBCCVC_TONG", "default", 50), ("CBCCVC_DTTS", "default", 30), ("DS_DTTS", "default", 80)]
    enter_commune_year(personas, "2024", entries)
    url = reverse("analytics:comparison", args=[seed_plan.code]) + f"?don_vi={commune.pk}"
    html = client_for(personas.commune).get(url).content.decode()
    section = html[html.index("Tỷ lệ cán bộ, công chức, viên chức người DTTS — Tỷ lệ dân số là người DTTS") :]
    row = section[section.index('<th scope="row">2024</th>') :]
    row = row[: row.index("</tr>")]
    assert "60,0" in row and "80,0" in row and "-20,0" in row
    assert "Đồng bào DTTS: mọi dân tộc trừ Kinh." in html
