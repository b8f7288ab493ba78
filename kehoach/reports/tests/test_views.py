"""Pages and API: who may draft, issue and download (out of scope = 404), and the files served."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from docx import Document
from openpyxl import load_workbook
from rest_framework.test import APIClient

from kehoach.audit.choices import Channel
from kehoach.reports import services

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def issued(draft, personas):
    return services.issue_report(
        actor=personas.owner, report=draft, issued_on=dt.date(2025, 1, 5), channel=Channel.WEB
    )


def test_owner_drafts_edits_and_issues_from_the_pages(seed_plan, personas):
    client = _client(personas.owner)
    listing = client.get(f"/bao-cao/ke-hoach/{seed_plan.code}/")
    assert listing.status_code == 200 and "Lập dự thảo" in listing.content.decode()
    created = client.post(
        f"/bao-cao/ke-hoach/{seed_plan.code}/", {"kind": "annual", "year": "2024", "as_of": "2024-12-14"}
    )
    assert created.status_code == 302
    url = created["Location"]
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(as_of="2024-12-14", section_difficulties="Địa bàn rộng, giao thông khó khăn.")
    assert client.post(url, data).status_code == 302
    draft_file = client.get(url + "tai/docx/")["Content-Disposition"]
    assert draft_file == 'attachment; filename="bao-cao-nam-2024-du-thao.docx"'
    unconfirmed = client.post(url + "ban-hanh/", {"issued_on": "2025-01-05"}, follow=True)
    assert "Hãy đánh dấu xác nhận ban hành" in unconfirmed.content.decode()
    assert client.get(url).context["report"].number is None  # not issued without the tick
    issue = client.post(url + "ban-hanh/", {"issued_on": "2025-01-05", "confirm": "on"})
    assert issue.status_code == 302
    document = client.get(url + "tai/docx/")
    assert document.status_code == 200
    assert document["Content-Disposition"] == 'attachment; filename="bao-cao-nam-2024-01.docx"'
    sheet = client.get(url + "tai/xlsx/")["Content-Disposition"]
    assert sheet == 'attachment; filename="bieu-chi-tieu-2024-01.xlsx"'
    doc = Document(io.BytesIO(document.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Địa bàn rộng, giao thông khó khăn." in text
    assert doc.tables[0].rows[1].cells[0].text == "Số: 01/BC-UBND"
    book = load_workbook(io.BytesIO(client.get(url + "tai/xlsx/").content))
    assert book["Biểu chỉ tiêu"].max_row == 1 + seed_plan.targets.filter(quantified=True).count()


def test_readers_download_issued_reports_but_never_see_drafts(draft, issued, personas, seed_plan):
    other = services.create_report(
        actor=personas.owner, plan=seed_plan, kind="annual", year=2023, channel="web"
    )
    viewer = _client(personas.viewer)
    assert viewer.get(f"/bao-cao/{issued.pk}/").status_code == 200
    assert viewer.get(f"/bao-cao/{issued.pk}/tai/docx/").status_code == 200
    assert viewer.get(f"/bao-cao/{issued.pk}/thay-doi/").status_code == 200
    assert viewer.get(f"/bao-cao/{other.pk}/").status_code == 404
    assert viewer.get(f"/bao-cao/{other.pk}/tai/docx/").status_code == 404
    assert (
        "2023" not in viewer.get(f"/bao-cao/ke-hoach/{seed_plan.code}/").content.decode().split("<tbody>")[1]
    )
    assert (
        viewer.post(f"/bao-cao/ke-hoach/{seed_plan.code}/", {"kind": "annual", "year": "2024"}).status_code
        == 403
    )
    assert viewer.post(f"/bao-cao/{other.pk}/ban-hanh/", {"issued_on": "2025-01-05"}).status_code == 404


def test_outsiders_get_not_found_everywhere(issued, personas, seed_plan):
    for user in (personas.outsider_owner, personas.outsider_commune):
        client = _client(user)
        assert client.get(f"/bao-cao/ke-hoach/{seed_plan.code}/").status_code == 404
        for suffix in ("", "tai/docx/", "tai/xlsx/", "tai/pdf/", "thay-doi/"):
            assert client.get(f"/bao-cao/{issued.pk}/{suffix}").status_code == 404
        assert _api(user).get(f"/api/v1/reports/{issued.pk}/").status_code == 404
        assert _api(user).get("/api/v1/reports/").json() == []


def test_api_creates_issues_and_serves_frozen_figures(seed_plan, personas):
    owner = _api(personas.owner)
    body = {"plan": seed_plan.code, "kind": "midterm_review", "year": 2025, "asOf": "2025-12-14"}
    made = owner.post("/api/v1/reports/", body, format="json")
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    assert made.json()["status"] == "draft" and "lessons" in made.json()["sections"]
    denied = _api(personas.viewer).post(
        "/api/v1/reports/", {"plan": seed_plan.code, "kind": "annual", "year": 2024}, format="json"
    )
    assert denied.status_code == 403
    assert _api(personas.viewer).get(f"/api/v1/reports/{pk}/").status_code == 404
    for unconfirmed in ({"issuedOn": "2025-12-20"}, {"issuedOn": "2025-12-20", "confirm": False}):
        refused = owner.post(f"/api/v1/reports/{pk}/issue/", unconfirmed, format="json")
        assert refused.status_code == 400 and "xác nhận" in refused.content.decode()
    assert owner.get(f"/api/v1/reports/{pk}/").json()["status"] == "draft"
    future = owner.post(
        f"/api/v1/reports/{pk}/issue/", {"issuedOn": "2099-01-05", "confirm": True}, format="json"
    )
    assert future.status_code == 400 and "sau hôm nay" in future.json()["detail"]
    issued = owner.post(
        f"/api/v1/reports/{pk}/issue/", {"issuedOn": "2025-12-20", "confirm": True}, format="json"
    )
    assert issued.status_code == 200, issued.content
    body = issued.json()
    assert body["number"] == "01/BC-UBND" and body["status"] == "issued"
    assert len(body["figures"]["targets"]) == seed_plan.targets.filter(quantified=True).count()
    assert owner.post(f"/api/v1/reports/{pk}/issue/", {"confirm": True}, format="json").status_code == 409
    assert _api(personas.viewer).get(f"/api/v1/reports/{pk}/").status_code == 200
    download = _api(personas.viewer).get(f"/api/v1/reports/{pk}/file/docx/")
    assert download.status_code == 200 and download.content[:2] == b"PK"
    assert _api(personas.viewer).get(f"/api/v1/reports/{pk}/file/exe/").status_code == 404


def test_text_pasted_with_control_characters_is_refused_with_a_message(draft, personas):
    client = _client(personas.owner)
    page = client.get(f"/bao-cao/{draft.pk}/")
    form = page.context["form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(as_of="2024-12-14", section_results="Dòng một\x0bdòng hai")
    answer = client.post(f"/bao-cao/{draft.pk}/", data)
    assert answer.status_code == 200
    assert "ký tự điều khiển" in answer.content.decode()
    draft.refresh_from_db()
    assert "\x0b" not in draft.sections["results"]


def test_saving_an_issued_report_from_a_stale_tab_says_it_was_issued(issued, personas):
    client = _client(personas.owner)
    page = client.post(f"/bao-cao/{issued.pk}/", {"subject": "Sửa muộn"}, follow=True).content.decode()
    assert "Báo cáo đã ban hành thì không sửa được nữa" in page
    assert "Chỉ cơ quan chủ trì" not in page
