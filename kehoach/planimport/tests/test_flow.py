"""Upload, review beside the source, correct, match agencies, confirm: the plan officer's path."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kehoach.audit.models import AuditEvent
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_export

from .conftest import client_for, upload_file

pytestmark = pytest.mark.django_db


def _upload(client, data: bytes, name: str = "ke-hoach.txt") -> str:
    response = client.post(reverse("planimport:upload"), {"file": upload_file(data, name)})
    assert response.status_code == 302, response.content[:500]
    return response["Location"].rstrip("/").split("/")[-1]


def _draft(client, draft_id: str) -> dict[str, Any]:
    return client.session["planimport_drafts"][draft_id]


def _resolve_data(client, draft_id: str, **overrides) -> dict[str, Any]:
    """The confirmation form as the page fills it from the draft."""
    draft = _draft(client, draft_id)
    meta = draft["document"]["plan"]
    data = {
        "code": meta["code"],
        "title": meta["title"],
        "number": meta["number"] or "",
        "unit": draft["unit"]["choice"] or "",
        "issuer": draft["issuer"]["choice"],
    }
    data.update({f"agency_{i}": a["choice"] for i, a in enumerate(draft["agencies"])})
    data.update({f"programme_{i}": c for i, c in enumerate(draft["programmes"].values())})
    data.update(overrides)
    return data


def _target_form(target: dict[str, Any], **changes) -> dict[str, Any]:
    data = {k: target.get(k) or "" for k in ("text", "milestone_year", "comparator", "unit", "kind")}
    data.update({k: target.get(k) or "" for k in ("direction", "measure", "sector", "population")})
    data.update(quantified="on" if target["quantified"] else "", value=target.get("value") or "")
    data.update(changes)
    return data


def test_parsing_writes_nothing_and_shows_the_draft_beside_the_source(owner_client, variant_bytes):
    plans, events = Plan.objects.count(), AuditEvent.objects.count()
    draft_id = _upload(owner_client, variant_bytes)
    assert (Plan.objects.count(), AuditEvent.objects.count()) == (plans, events)
    page = owner_client.get(reverse("planimport:draft", args=[draft_id])).content.decode()
    # Each item links to its source sentence, which is marked in the original text.
    assert 'href="#src-target-T2025-03"' in page
    assert '<mark class="src src-target" id="src-target-T2025-03">' in page
    assert "Tỷ lệ lao động qua đào tạo đạt trên 45%." in page
    assert 'href="#item-target-T2025-03"' in page  # and back from the source to the item
    assert 'id="src-budget_line-NS-GN-TONG"' in page and "96.400" in page


def test_upload_correct_match_and_confirm_creates_the_plan_as_reviewed(personas, variant_bytes):
    client = client_for(personas.owner)
    draft_id = _upload(client, variant_bytes)
    target = next(t for t in _draft(client, draft_id)["document"]["targets"] if t["code"] == "T2025-02")
    edit = reverse("planimport:edit", args=[draft_id, "target", "T2025-02"])
    assert "Câu gốc trong văn bản" in client.get(edit).content.decode()
    response = client.post(edit, _target_form(target, value="28,5", measure="Thu nhập bình quân"))
    assert response.status_code == 302 and response["Location"].endswith("#item-target-T2025-02")
    budget = reverse("planimport:edit", args=[draft_id, "budget", "NS-GN-DP"])
    response = client.post(
        budget,
        {
            "programme": "CTMTQG-GN",
            "phase": "2023-2025",
            "source": "local",
            "kind": "total",
            "amount_million_vnd": "6.500",
            "text": "Ngân sách địa phương: 6.400 triệu đồng.",
        },
    )
    assert response.status_code == 302
    task = reverse("planimport:edit", args=[draft_id, "task", "NV-CY-b"])
    for page in (client.get(budget), client.get(task)):  # the forms open filled from the draft
        assert page.status_code == 200 and "Câu gốc trong văn bản" in page.content.decode()
    assert '<option value="MT-LDTBXH" selected>' in client.get(task).content.decode()
    form = {"title": "Giáo dục nghề nghiệp", "text": "", "kind": "main", "sector": "labour"}
    assert client.post(task, {**form, "lead": "MT-LDTBXH", "coordinating": ["MT-GDDT"]}).status_code == 302
    draft = _draft(client, draft_id)
    assert set(draft["edited"]) == {"target:T2025-02", "budget:NS-GN-DP", "task:NV-CY-b"}
    # The figures changed, so the components no longer add up to the total: the findings follow.
    assert any(f["code"] == "budget_components_mismatch" for f in draft["findings"])

    # Match: every name was found; the officer moves the report's recipient to another agency.
    names = [a["name"] for a in draft["agencies"]]
    recipient = names.index("UBND tỉnh")
    data = _resolve_data(client, draft_id, code="MUONGTE-GN-2023-2025", **{f"agency_{recipient}": "LC-BDT"})
    response = client.post(reverse("planimport:resolve", args=[draft_id]), {**data, "confirm": "1"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert response["Location"] == reverse("web:plan", args=["MUONGTE-GN-2023-2025"])
    assert draft_id not in client.session.get("planimport_drafts", {})

    plan = Plan.objects.get(code="MUONGTE-GN-2023-2025")
    assert plan.admin_unit == personas.owner.units.get() and plan.issuer.code == "MT-UBND"
    export = plan_export(plan=plan)
    parsed = draft["document"]
    assert [t["code"] for t in export["targets"]] == [t["code"] for t in parsed["targets"]]
    income = next(t for t in export["targets"] if t["code"] == "T2025-02")
    assert Decimal(str(income["value"])) == Decimal("28.5") and income["measure"] == "Thu nhập bình quân"
    amounts = {b["code"]: Decimal(str(b["amount_million_vnd"])) for b in export["budget_lines"]}
    assert amounts == {"NS-GN-TONG": 96400, "NS-GN-TW": 90000, "NS-GN-DP": 6500}
    tasks = {t["code"]: (t["lead"], t["coordinating"]) for t in export["tasks"]}
    assert tasks["NV-CY-b"] == ("MT-LDTBXH", ["MT-GDDT"])
    assert tasks["NV-CY-a.b1"] == ("MT-NNPTNT", ["MT-TCKH"])
    assert [(r["code"], r["agency"]) for r in export["responsibilities"]] == [
        ("TC-01", "MT-LDTBXH"),
        ("TC-02", "MT-UBND-XA"),
    ]
    report = next(o for o in export["obligations"] if o["kind"] == "annual_report")
    assert report["agency"] == "MT-LDTBXH" and report["recipients"] == ["LC-BDT"]
    assert len(export["sections"]) == len(parsed["sections"])
    actions = set(AuditEvent.objects.filter(object_id=str(plan.pk)).values_list("action", flat=True))
    assert actions >= {"plan.load", "plan.import"}


def test_confirm_with_an_agency_left_unmatched_creates_nothing(owner_client, variant_bytes):
    draft_id = _upload(owner_client, variant_bytes)
    plans, events = Plan.objects.count(), AuditEvent.objects.count()
    data = _resolve_data(owner_client, draft_id, agency_0="")
    response = owner_client.post(reverse("planimport:resolve", args=[draft_id]), {**data, "confirm": "1"})
    assert response.status_code == 400
    page = response.content.decode()
    name = _draft(owner_client, draft_id)["agencies"][0]["name"]
    assert f"Chưa khớp cơ quan “{name}”" in page and "Không có gì được ghi vào hệ thống." in page
    assert (Plan.objects.count(), AuditEvent.objects.count()) == (plans, events)


def test_a_loader_refusal_is_shown_and_nothing_is_written(owner_client, variant_bytes, seed_plan):
    draft_id = _upload(owner_client, variant_bytes)
    plans = Plan.objects.count()
    data = _resolve_data(owner_client, draft_id, code=seed_plan.code)  # a code already in use
    response = owner_client.post(reverse("planimport:resolve", args=[draft_id]), {**data, "confirm": "1"})
    assert response.status_code == 400
    assert f"Kế hoạch mã “{seed_plan.code}” đã có trong hệ thống." in response.content.decode()
    assert Plan.objects.count() == plans


def test_skipped_names_leave_out_what_cannot_exist_without_them(owner_client, variant_bytes):
    draft_id = _upload(owner_client, variant_bytes)
    names = [a["name"] for a in _draft(owner_client, draft_id)["agencies"]]
    communes = names.index("Ủy ban nhân dân các xã, thị trấn")
    coordinating = names.index("Phòng Tài chính - Kế hoạch")
    skip = {f"agency_{communes}": "-", f"agency_{coordinating}": "-", "code": "MT-GN-BOQUA"}
    data = _resolve_data(owner_client, draft_id, **skip)
    response = owner_client.post(reverse("planimport:resolve", args=[draft_id]), {**data, "confirm": "1"})
    assert response.status_code == 302
    plan = Plan.objects.get(code="MT-GN-BOQUA")
    assert list(plan.responsibilities.values_list("agency__code", flat=True)) == ["MT-LDTBXH"]
    assert not plan.obligations.filter(kind="commune_plan").exists()
    assert not plan.tasks.get(code="NV-CY-a.b1").coordinating.exists()


def test_saving_choices_keeps_them_in_the_draft_only(owner_client, variant_bytes):
    draft_id = _upload(owner_client, variant_bytes)
    data = _resolve_data(owner_client, draft_id, code="MA-MOI", agency_0="")
    response = owner_client.post(reverse("planimport:resolve", args=[draft_id]), {**data, "save": "1"})
    assert response.status_code == 302
    draft = _draft(owner_client, draft_id)
    assert draft["document"]["plan"]["code"] == "MA-MOI" and draft["agencies"][0]["choice"] == ""
    assert not Plan.objects.filter(code="MA-MOI").exists()
    page = owner_client.get(reverse("planimport:draft", args=[draft_id])).content.decode()
    assert "Cần chọn trước khi xác nhận" in page


def test_unit_search_lists_units_in_scope(owner_client, variant_bytes):
    draft_id = _upload(owner_client, variant_bytes)
    url = reverse("planimport:resolve", args=[draft_id])
    response = owner_client.post(
        url, {**_resolve_data(owner_client, draft_id), "search_unit": "1", "tim_don_vi": "bum"}
    )
    assert response.status_code == 302 and "tim_don_vi=bum" in response["Location"]
    page = owner_client.get(response["Location"]).content.decode()
    assert "Xã Bum Tở" in page and "Tỉnh Lai Châu" not in page  # the province is above the owner's scope


def test_drafts_are_private_and_can_be_discarded(personas, variant_bytes):
    owner = client_for(personas.owner)
    draft_id = _upload(owner, variant_bytes)
    admin = client_for(personas.admin)
    assert admin.get(reverse("planimport:draft", args=[draft_id])).status_code == 404
    response = owner.post(reverse("planimport:discard", args=[draft_id]))
    assert response.status_code == 302
    assert owner.get(reverse("planimport:draft", args=[draft_id])).status_code == 404


def test_the_seed_text_becomes_a_draft_with_every_name_matched(owner_client, seed_bytes):
    draft_id = _upload(owner_client, seed_bytes, "kh-muong-te.txt")
    draft = _draft(owner_client, draft_id)
    assert draft["issuer"]["choice"] == "MT-UBND"
    assert draft["unit"]["hint"] == "huyện Mường Tè" and draft["unit"]["status"] == "one"
    assert {a["name"]: a["choice"] for a in draft["agencies"]} == {
        "Phòng Dân tộc huyện": "MT-PDT",
        "Phòng Tài chính - Kế hoạch huyện": "MT-TCKH",
        "Các cơ quan, ban, ngành, đoàn thể có liên quan": "MT-CAC-NGANH",
        "Ủy ban nhân dân các xã, thị trấn": "MT-UBND-XA",
        "UBND tỉnh": "LC-UBND",
        "Ban Dân tộc tỉnh": "LC-BDT",
    }


def test_an_invalid_correction_is_refused_with_the_reason(owner_client, variant_bytes):
    draft_id = _upload(owner_client, variant_bytes)
    target = _draft(owner_client, draft_id)["document"]["targets"][0]
    edit = reverse("planimport:edit", args=[draft_id, "target", target["code"]])
    response = owner_client.post(edit, _target_form(target, value="", milestone_year="năm sau"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Chỉ tiêu định lượng cần trường này." in page
    assert _draft(owner_client, draft_id)["edited"] == []
    missing = reverse("planimport:edit", args=[draft_id, "target", "T9999-99"])
    assert owner_client.get(missing).status_code == 404


def test_a_word_document_goes_through_the_same_path(owner_client):
    from kehoach.docparse.tests.docx_builder import build_docx

    from .conftest import VARIANT

    docx = build_docx(VARIANT.read_text(encoding="utf-8"), headings=True, tables=True)
    draft_id = _upload(owner_client, docx, "ke-hoach.docx")
    data = _resolve_data(owner_client, draft_id, code="MT-GN-DOCX")
    response = owner_client.post(reverse("planimport:resolve", args=[draft_id]), {**data, "confirm": "1"})
    assert response.status_code == 302
    plan = Plan.objects.get(code="MT-GN-DOCX")
    assert plan.source_name == "ke-hoach.docx" and plan.targets.count() == 3
