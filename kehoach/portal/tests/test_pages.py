"""Every public page answers anonymous visitors, in Vietnamese, with approved figures only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_to_the_root_lands_on_the_portal(seed_plan):
    response = Client().get("/", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert seed_plan.title in html and "Đăng nhập cho cán bộ" in html


def test_a_signed_in_official_keeps_the_plan_home(personas, seed_plan):
    client = Client()
    client.force_login(personas.owner)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == reverse("web:plan", args=[seed_plan.code])


@pytest.mark.parametrize(
    "name",
    ["portal:plan", "portal:targets", "portal:indicators", "portal:money", "portal:tasks", "portal:feedback"],
)
def test_plan_pages_answer_without_an_account(seed_plan, name):
    response = Client().get(reverse(name, args=[seed_plan.code]))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


def test_an_unknown_plan_is_not_found():
    assert Client().get(reverse("portal:plan", args=["KHONG-CO"])).status_code == 404


def test_the_plan_page_states_all_the_money_of_the_plan(seed_plan):
    # 1.426.328 (1719 programme, stated total) + 57.782 (new rural, central only) + 344.069 (poverty)
    html = Client().get(reverse("portal:plan", args=[seed_plan.code])).content.decode()
    assert "1.828.179 triệu đồng" in html


def test_demo_data_is_labelled_on_every_public_page(seed_plan, enter, approve):
    """Issue #3: demo data is visibly labelled "dữ liệu minh họa" wherever shown."""
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from kehoach.datavalues.models import DataValue

    banner = "Bản chạy thử với dữ liệu minh họa"
    url = reverse("portal:plan", args=[seed_plan.code])
    assert banner not in Client().get(url).content.decode()
    approve(enter("2024", []))
    DataValue.objects.update(is_demo=True)
    cache.clear()
    assert banner in Client().get(url).content.decode()


def test_a_growth_target_reads_as_the_level_to_reach_in_its_own_unit(seed_plan):
    """T2030-01 "GRDP grows at least 6%/năm" is judged on the level GRDP must reach: the goal is
    written in million đồng with what it stands for, never as "… %/năm" after a level."""
    from dataclasses import replace
    from decimal import Decimal

    from kehoach.analytics.services import target_progress
    from kehoach.portal.pages import goal_text

    row = target_progress(seed_plan).row("T2030-01")
    assert row is not None and row.unit_label == "triệu đồng"
    reached = replace(row, judgement=replace(row.judgement, target_level=Decimal("4477119.2")))
    text = goal_text(reached)
    assert text.startswith("≥ 4.477.119") and "triệu đồng" in text and "%/năm từ năm gốc" in text
    assert "4.477.119,2 %/năm" not in text and "4.477.119,2%/năm" not in text


def test_the_report_annex_writes_a_growth_target_in_the_levels_unit(seed_plan):
    import datetime as dt

    from kehoach.reports.collect import target_rows

    rows, _counted = target_rows(seed_plan, 2025, dt.date(2025, 12, 14))
    growth = next(r for r in rows if r.code == "T2030-01")
    assert growth.measure_unit == "triệu đồng"


def test_the_money_page_says_where_its_figures_come_from(seed_plan):
    from django.test import Client
    from django.urls import reverse

    money = Client().get(reverse("portal:money", args=[seed_plan.code])).content.decode()
    assert "do cơ quan tài chính ghi theo quyết định giao vốn" in money
    assert "đã được cơ quan có thẩm quyền phê duyệt" not in money  # no approval workflow for money
    targets = Client().get(reverse("portal:targets", args=[seed_plan.code])).content.decode()
    assert "đã được cơ quan có thẩm quyền phê duyệt" in targets
