"""HTML pages beyond the scope matrix: villages, search, formatting."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from kehoach.orgunits.models import OrgUnit
from kehoach.orgunits.selectors import unit_by_code


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_plan_owner_adds_a_village_to_a_commune_in_scope(personas):
    commune = unit_by_code(scheme="gso-2025", code="03451")  # Xã Mù Cả: in the district, still in force
    url = reverse("web:unit", args=[commune.pk])
    response = _client(personas.owner).post(url, {"name": "Bản Nậm Pục"})
    assert response.status_code == 302
    assert OrgUnit.objects.filter(name="Bản Nậm Pục", parent_links__parent=commune).exists()


def test_duplicate_village_name_is_refused_in_vietnamese(personas):
    commune = unit_by_code(scheme="gso-2025", code="03451")
    client = _client(personas.owner)
    url = reverse("web:unit", args=[commune.pk])
    client.post(url, {"name": "Bản Lò Ma"})
    again = client.post(url, {"name": "bản lò ma"})
    assert again.status_code == 200 and "đã có thôn/bản" in again.content.decode()


def test_commune_officer_and_viewer_cannot_add_villages(personas):
    commune = unit_by_code(scheme="gso-2025", code="03451")
    for user in (personas.commune, personas.viewer):
        response = _client(user).post(reverse("web:unit", args=[commune.pk]), {"name": "Bản trái phép"})
        # The viewer sees the commune but may not change it (403); another commune's officer
        # does not even see it (404).
        assert response.status_code == (403 if user == personas.viewer else 404)
    assert not OrgUnit.objects.filter(name="Bản trái phép").exists()


def test_target_list_shows_goals_the_vietnamese_way(personas, seed_plan):
    body = _client(personas.viewer).get(reverse("web:targets", args=[seed_plan.code])).content.decode()
    assert "&gt; 99,5%" in body and "≥ 32 triệu đồng/người/năm" in body


def test_target_search_ignores_diacritics(personas, seed_plan):
    url = reverse("web:targets", args=[seed_plan.code])
    body = _client(personas.viewer).get(url, {"q": "BAO HIEM Y TE"}).content.decode()
    assert "98% đồng bào DTTS tham gia bảo hiểm y tế" in body
    assert "32 triệu đồng" not in body


def test_api_schema_lists_the_read_endpoints(personas):
    schema = _client(personas.viewer).get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/v1/plans/",
        "/api/v1/plans/{code}/targets/",
        "/api/v1/plans/{code}/findings/",
        "/api/v1/units/",
        "/api/v1/agencies/",
    ):
        assert path in paths


def test_former_commune_takes_no_new_villages(personas):
    former = unit_by_code(scheme="gso-legacy", code="03454")  # ended 30/06/2025
    response = _client(personas.owner).post(
        reverse("web:unit", args=[former.pk]), {"name": "Bản sau sáp nhập"}
    )
    assert response.status_code == 403


def test_plan_overview_shows_the_signer_block(personas, seed_plan):
    page = _client(personas.viewer).get(reverse("web:plan", args=[seed_plan.code])).content.decode()
    assert "TM. ỦY BAN NHÂN DÂN · KT. CHỦ TỊCH · PHÓ CHỦ TỊCH · Kiều Hải Nam" in page


def test_agency_data_notes_are_for_administrators_only(personas):
    """The agency file's notes are maintenance notes (sources, what is unverified)."""
    marker = "UNVERIFIED"
    assert marker not in _client(personas.owner).get(reverse("web:agencies")).content.decode()
    assert marker in _client(personas.admin).get(reverse("web:agencies")).content.decode()


def test_main_menu_hides_links_the_role_cannot_open(personas, seed_plan):
    """A commune officer does not import plans: no menu link that would answer 403."""
    link = reverse("planimport:upload")
    page = reverse("web:plan", args=[seed_plan.code])
    assert f'href="{link}"' in _client(personas.owner).get(page).content.decode()
    assert f'href="{link}"' not in _client(personas.commune).get(page).content.decode()


def test_error_pages_speak_vietnamese(db, personas):
    """404 (another commune's form, a mistyped address), 403 and the CSRF refusal (a page left open
    too long): no English page from the framework."""
    from django.template.loader import render_to_string
    from django.test import Client

    client = Client()
    client.force_login(personas.commune)
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404 and "Không tìm thấy trang" in missing.content.decode()
    assert "Not Found" not in missing.content.decode()
    stale = Client(enforce_csrf_checks=True).post("/dang-nhap/", {"username": "x", "password": "y"})
    assert stale.status_code == 403 and "trang đã cũ" in stale.content.decode()
    assert "CSRF verification failed" not in stale.content.decode()
    assert "Có lỗi ở máy chủ" in render_to_string("500.html")
    assert "Không có quyền" in render_to_string("403.html")
