"""Responsibilities and reporting obligations."""

from __future__ import annotations


def test_seed_responsibilities(seed) -> None:
    resp = seed.document["responsibilities"]
    assert [(r["code"], r["section"], r["agency"]) for r in resp] == [
        ("TC-01", "IV#2.1", "Phòng Dân tộc huyện"),
        ("TC-02", "IV#2.2", "Phòng Tài chính - Kế hoạch huyện"),
        ("TC-03", "IV#2.3", "Các cơ quan, ban, ngành, đoàn thể có liên quan"),
        ("TC-04", "IV#2.4", "Ủy ban nhân dân các xã, thị trấn"),
    ]
    assert len(resp[0]["duties"]) == 3
    assert resp[0]["text"].startswith("- Tham mưu chủ trì")
    assert resp[3]["duties"][1].startswith("tăng cường công tác tuyên truyền")


def test_seed_obligations(seed) -> None:
    obligations = seed.document["obligations"]
    got = [(o["kind"], o["section"], o["frequency"], o["due_year"], o["recipients"]) for o in obligations]
    assert got == [
        ("annual_report", "IV#2.1.b2", "annual", None, ["UBND tỉnh", "Ban Dân tộc tỉnh"]),
        ("midterm_review", "IV#2.1.b3", "once", 2025, []),
        ("final_review", "IV#2.1.b3", "once", 2030, []),
        ("commune_plan", "IV#2.4", "once", None, []),
        ("publication", "III.3.c.b2", "annual", None, []),
    ]
    assert obligations[0]["text"].startswith("định kỳ hàng năm tham mưu UBND huyện")
    assert obligations[1]["text"].endswith("vào năm 2025")
    assert obligations[2]["text"].endswith("tổng kết vào năm 2030.")
    assert obligations[3]["agency"] == "Ủy ban nhân dân các xã, thị trấn"
    assert obligations[4]["agency"] == "Phòng Dân tộc huyện"  # the lead office of the organisation part


def test_variant_obligations(variant, balanced) -> None:
    obligations = variant.document["obligations"]
    annual = obligations[0]
    assert annual["kind"] == "annual_report"
    assert annual["recipients"] == ["UBND huyện", "Sở Lao động - Thương binh và Xã hội"]
    reviews = [(o["kind"], o["due_year"]) for o in obligations if o["kind"].endswith("review")]
    assert reviews == [("midterm_review", 2024), ("final_review", 2025)]
    assert {o["kind"] for o in obligations} >= {"commune_plan", "publication"}
    other = balanced.document["obligations"]
    assert other[0]["recipients"] == ["UBND tỉnh"]
    assert [o["due_year"] for o in other[1:3]] == [2027, 2030]


def test_agency_named_before_a_colon() -> None:
    from kehoach.docparse import parse_plan

    from .conftest import plan_text

    body = (
        "I. TỔ CHỨC THỰC HIỆN\n\n"
        "- Phòng Y tế: hướng dẫn các trạm y tế; định kỳ hàng năm báo cáo UBND huyện.\n"
    )
    doc = parse_plan(plan_text(body), "p.txt").document
    assert doc["responsibilities"][0]["agency"] == "Phòng Y tế"
    assert doc["responsibilities"][0]["duties"] == [
        "hướng dẫn các trạm y tế",
        "định kỳ hàng năm báo cáo UBND huyện",
    ]
    assert doc["obligations"][0]["recipients"] == ["UBND huyện"]
