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
