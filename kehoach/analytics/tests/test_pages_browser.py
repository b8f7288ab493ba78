"""A real Chromium: a commune officer opens an indicator page, sees the chart and the same numbers
in its table, then downloads the performance table as Excel."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kehoach.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def officer(seeded_transactional_db, personas):
    from kehoach.analytics.tests.pages_data import enter_commune_year

    for period, total in (("2023", 1600), ("2024", 2040)):
        enter_commune_year(personas, period, [("DS_DTTS", "default", 80), ("TN_DTTS", "default", total)])
    return personas.commune


def test_indicator_page_chart_table_and_excel(officer, seed_plan, live_server, page):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", level=1).first.wait_for()

    page.goto(f"{live_server.url}/tien-do/ke-hoach/{seed_plan.code}/")
    page.get_by_role("link", name="biểu đồ chỉ số").first.click()
    page.get_by_role("heading", name="Thu nhập bình quân đầu người DTTS").wait_for()
    canvas = page.get_by_role("img", name="Biểu đồ giá trị thực hiện, lộ trình và mục tiêu theo năm")
    assert canvas.is_visible()
    page.wait_for_function("() => window.Chart && window.Chart.getChart('indicator-chart') !== undefined")
    drawn = page.evaluate("() => window.Chart.getChart('indicator-chart').data.datasets.map(d => d.label)")
    assert drawn[:2] == ["Thực hiện", "Lộ trình T2025-01"]
    table = page.locator("#indicator-table")
    assert table.get_by_role("cell", name="25,5").is_visible()
    assert table.get_by_role("cell", name="26,0").first.is_visible()  # the trajectory in 2024

    # The units below arrive through htmx (the page does not wait for their judgements).
    # The seed has no villages under the commune, so the swapped-in section says so.
    page.locator("#indicator-units").get_by_text("Không có đơn vị cấp dưới trong phạm vi của bạn.").wait_for()

    page.get_by_role("link", name="Bảng chỉ tiêu theo năm").first.click()
    page.locator("#performance-table").wait_for()
    # Choosing a filter updates the table in place (htmx) and the download link with it.
    page.get_by_label("Mốc").select_option("2030")
    page.wait_for_function("() => document.getElementById('excel-download').href.includes('moc=2030')")
    assert page.locator("#performance-table").get_by_role("link", name="T2025-01").count() == 0
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải bảng này về (Excel)").click()
    assert download.value.suggested_filename.startswith(f"bang-chi-tieu-{seed_plan.code}-")
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    rows = list(book["Bảng chỉ tiêu"].iter_rows(min_row=2, values_only=True))
    assert rows and {r[3] for r in rows} == {2030} and "T2030-02" in {r[0] for r in rows}
