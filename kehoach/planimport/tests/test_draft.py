"""The pure parts: source highlighting, the unit named by a document, names to codes, the session
store's bounds. No database."""

from __future__ import annotations

import copy

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore

from kehoach.core.exceptions import NotFound, ValidationFailed
from kehoach.docparse import parse_plan
from kehoach.planimport import storage
from kehoach.planimport.draft import AgencyName, UnitChoice, agency_uses, new_draft, unit_hint
from kehoach.planimport.highlight import anchor, render_source
from kehoach.planimport.payload import SpanDict
from kehoach.planimport.resolve import final_document, undecided

from .conftest import VARIANT


def _span(code: str, kind: str, start: int, end: int) -> SpanDict:
    return SpanDict(code=code, kind=kind, start=start, end=end)


def test_source_is_escaped_and_spans_nest():
    text = "I. MỤC TIÊU\nĐạt <b>45%</b> & hơn."
    html = render_source(text, [_span("I", "section", 0, len(text)), _span("T-1", "target", 12, len(text))])
    assert "&lt;b&gt;45%&lt;/b&gt; &amp; hơn." in html and "<b>" not in html
    assert html.index('id="src-section-I"') < html.index('id="src-target-T-1"')
    assert html.endswith("</mark></span>")
    assert (
        '<a class="src-ref" href="#item-target-T-1" aria-label="Đến mục trong bản nháp: T-1">T-1</a>' in html
    )


def test_a_span_crossing_its_container_is_cut_at_the_containers_end():
    text = "abcdefghij"
    html = render_source(text, [_span("A", "task", 0, 5), _span("B", "target", 3, 8)])
    assert html.count("<mark") == html.count("</mark>") == 2
    assert html.replace(
        '<a class="src-ref" href="#item-task-A" aria-label="Đến mục trong bản nháp: A">A</a>', ""
    ).startswith('<mark class="src src-task" id="src-task-A">abc<mark')
    assert html.endswith("de</mark></mark>fghij")


def test_spans_outside_the_text_are_ignored():
    assert render_source("abc", [_span("X", "target", 2, 9), _span("Y", "target", 2, 2)]) == "abc"


def test_anchor_names_are_safe_in_urls_and_ids():
    assert anchor("section", "IV#2") == "section-IV_23_2"
    assert anchor("task", "NV-CY-đ.b1") == "task-NV-CY-_111_.b1"
    assert anchor("section", "IVȲ") != anchor("section", "IV#2")


@pytest.mark.parametrize(
    ("title", "issuer", "expected"),
    [
        ("Giảm nghèo giai đoạn 2023 - 2025 trên địa bàn huyện Mường Tè", "UBND huyện Mường Tè", "huyện Mường Tè"),
        ("Phát triển du lịch trên địa bàn tỉnh Lai Châu giai đoạn 2021 - 2025", "", "tỉnh Lai Châu"),
        ("Thực hiện Chương trình giảm nghèo năm 2024", "ỦY BAN NHÂN DÂN XÃ BUM TỞ", "XÃ BUM TỞ"),
        ("Giảm nghèo năm 2024", "Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu", "tỉnh Lai Châu"),
        ("Thực hiện Chương trình giảm nghèo năm 2024", "Ban Dân tộc", ""),
    ],
)  # fmt: skip
def test_unit_named_by_the_title_or_the_issuer(title, issuer, expected):
    doc = {"plan": {"title": title, "issuer": "UBND", "issuer_name": issuer}}
    assert unit_hint(doc) == expected


@pytest.fixture
def draft():
    result = parse_plan(VARIANT.read_bytes(), VARIANT.name)
    uses = agency_uses(result.document)

    def name(n: str, choice: str) -> AgencyName:
        return AgencyName(name=n, uses=uses.get(n, []), status="one", candidates=[choice], choice=choice)

    return new_draft(
        draft_id="d1",
        user_id=7,
        filename=VARIANT.name,
        result=result,
        issuer=name("ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ", "MT-UBND"),
        agencies=[name(n, "") for n in uses],
        unit=UnitChoice(hint="huyện Mường Tè", status="one", candidates=[4], choice=4),
        unknown_programmes=["CTMTQG-GN"],
    )


def test_every_agency_name_is_listed_once_with_its_uses(draft):
    assert [(a["name"], a["uses"]) for a in draft["agencies"]] == [
        ("Phòng Nông nghiệp và Phát triển nông thôn", ["lead"]),
        ("Phòng Tài chính - Kế hoạch", ["coordinating"]),
        ("Phòng Lao động - Thương binh và Xã hội", ["lead"]),
        ("Phòng Lao động - Thương binh và Xã hội huyện", ["responsibility", "obligation"]),
        ("Ủy ban nhân dân các xã, thị trấn", ["responsibility", "obligation"]),
        ("UBND tỉnh", ["recipient"]),
    ]


def test_undecided_names_and_programmes_are_reported_in_vietnamese(draft):
    messages = undecided(draft)
    assert len(messages) == 7
    assert "Chưa khớp cơ quan “UBND tỉnh” với danh mục cơ quan" in messages[5]
    assert messages[-1] == "Chưa chọn chương trình cho các dòng nguồn lực ghi là “CTMTQG-GN”."


def test_final_document_uses_the_codes_and_drops_what_was_skipped(draft):
    choices = ["MT-NNPTNT", "MT-NNPTNT", "-", "MT-LDTBXH", "-", "LC-UBND"]
    for agency, choice in zip(draft["agencies"], choices, strict=True):
        agency["choice"] = choice
    draft["programmes"]["CTMTQG-GN"] = "-"
    assert undecided(draft) == []
    doc = final_document(draft, unit_ref={"scheme": "gso-legacy", "code": "107"})
    assert doc["plan"]["issuer"] == "MT-UBND"
    assert doc["plan"]["admin_unit"] == {"scheme": "gso-legacy", "code": "107"}
    tasks = {t["code"]: (t.get("lead"), t.get("coordinating")) for t in doc["tasks"]}
    assert tasks["NV-CY-a.b1"] == ("MT-NNPTNT", [])  # the same agency is not also coordinating
    assert tasks["NV-CY-b"] == (None, [])  # the lead's name was skipped
    assert [r["agency"] for r in doc["responsibilities"]] == ["MT-LDTBXH"]
    assert [(o["agency"], o["recipients"]) for o in doc["obligations"]] == [("MT-LDTBXH", ["LC-UBND"])]
    assert doc["budget_lines"] == []  # the total went, and its components with it
    assert draft["document"]["tasks"][1]["lead"] == "Phòng Nông nghiệp và Phát triển nông thôn"  # untouched


def test_session_store_is_bounded_and_private(draft):
    session = SessionStore()  # signed-cookie sessions live in memory until saved: no database
    storage.put_draft(session, draft)
    assert storage.get_draft(session, "d1", user_id=7)["filename"] == VARIANT.name
    with pytest.raises(NotFound):
        storage.get_draft(session, "d1", user_id=8)
    for i in range(storage.MAX_DRAFTS):
        other = copy.deepcopy(draft)
        other["id"] = f"n{i}"
        storage.put_draft(session, other)
    assert "d1" not in session[storage.SESSION_KEY]  # the oldest made room
    assert len(storage.list_drafts(session, user_id=7)) == storage.MAX_DRAFTS
    big = copy.deepcopy(draft)
    big["id"], big["text"] = "big", "x" * storage.MAX_DRAFT_CHARS
    with pytest.raises(ValidationFailed, match="quá dài"):
        storage.put_draft(session, big)
