"""Generic consistency checks over any plan in the `kehoach.plan/1` structure."""

from __future__ import annotations

from typing import Any

import yaml

from kehoach.docparse import check_plan
from kehoach.plans.document import PlanDocument

from .conftest import SEED_YAML


def _doc(**parts: Any) -> PlanDocument:
    plan = {
        "code": "X",
        "doc_type": "KH",
        "number": "12",
        "symbol": "KH-UBND",
        "issuer": "UBND",
        "issued_on": "2024-01-05",
        "title": "Kế hoạch",
        "period_start": 2021,
        "period_end": 2025,
        "vision_year": 2030,
    }
    plan.update(parts.pop("plan", {}))
    sections = parts.pop("sections", [_section("I", "I.", "part")])
    doc: dict[str, Any] = {"format": "kehoach.plan/1", "plan": plan, "sections": sections}
    doc.update(parts)
    return doc  # type: ignore[return-value]


def _codes(doc: PlanDocument) -> list[tuple[str, str, str]]:
    return [(f["severity"], f["code"], f["location"]) for f in check_plan(doc)]


def _section(code: str, label: str, kind: str, parent: str | None = None, **extra: str) -> dict[str, Any]:
    return {"code": code, "parent": parent, "label": label, "kind": kind, **extra}


def _line(code: str, amount: Any, parent: str | None = None, text: str | None = None) -> dict[str, Any]:
    line = {
        "code": code,
        "programme": "P",
        "source": "central",
        "kind": "total",
        "amount_million_vnd": amount,
    }
    line["parent"] = parent
    if text:
        line["text"] = text
    return line


def _target(code: str, value: Any, unit: str, text: str, **extra: Any) -> dict[str, Any]:
    target = {"code": code, "section": "I", "text": text, "milestone_year": 2025, "quantified": True}
    target.update({"comparator": ">=", "value": value, "unit": unit, "kind": "level"}, **extra)
    return target


def test_clean_plan_has_no_findings() -> None:
    assert check_plan(_doc(sections=[_section("I", "I.", "part")])) == []


def test_budget_mismatch_message_in_vietnamese() -> None:
    doc = _doc(
        budget_lines=[
            _line("TW", 1257762),
            _line("DT", "884799", "TW"),
            _line("SN", 327963.0, "TW"),
        ]
    )
    (found,) = check_plan(doc)
    assert found == {
        "severity": "error",
        "code": "budget_components_mismatch",
        "message": (
            "Tổng các thành phần 1.212.762 triệu đồng khác số tổng 1.257.762 triệu đồng (chênh 45.000)."
        ),
        "location": "TW",
    }


def test_budget_checks_every_level_and_partial_breakdowns() -> None:
    doc = _doc(
        budget_lines=[
            _line("T", 100),
            _line("A", 60, "T"),
            _line("B", 40, "T"),
            _line("A1", 50, "A"),  # one component smaller than its total: partial, a warning
            _line("B1", 30, "B"),
            _line("B2", 20, "B"),  # 50 > 40: an error
        ]
    )
    assert _codes(doc) == [
        ("warning", "budget_components_partial", "A"),
        ("error", "budget_components_mismatch", "B"),
    ]


def test_budget_amount_must_occur_in_text() -> None:
    doc = _doc(
        budget_lines=[
            _line("T", 1500, text="Tổng vốn: 1,5 tỷ đồng."),
            _line("U", 200, text="Vốn: 300 triệu đồng."),
        ]
    )
    assert _codes(doc) == [("warning", "budget_amount_not_in_text", "U")]


def test_numbering_duplicate_and_skipped() -> None:
    sections = [
        _section("I", "I.", "part"),
        _section("I.1", "1.", "item", "I"),
        _section("I.1.a", "a)", "point", "I.1"),
        _section("I.1.b", "b)", "point", "I.1"),
        _section("I.1.c", "c)", "point", "I.1"),
        _section("I.1.d", "d)", "point", "I.1"),
        _section("I.1.e", "e)", "point", "I.1"),  # "đ)" skipped
        _section("I.2", "2.", "item", "I"),
        _section("I.2#2", "2.", "item", "I"),
        _section("II", "II.", "part"),
        _section("IV", "IV.", "part"),
        _section("IV#2", "IV.", "part"),
    ]
    findings = check_plan(_doc(sections=sections))
    assert [(f["code"], f["location"]) for f in findings] == [  # in document order
        ("numbering_skipped", "I.1.e"),
        ("numbering_duplicate", "I.2#2"),
        ("numbering_skipped", "IV"),
        ("numbering_duplicate", "IV#2"),
    ]
    assert findings[0]["message"] == "Số thứ tự bị bỏ qua: thiếu “đ)” trước “e)”."
    assert findings[2]["message"] == "Số thứ tự bị bỏ qua: thiếu “III.” trước “IV.”."
    assert findings[3]["message"] == "Số thứ tự “IV.” bị trùng với một mục trước ở cùng cấp."


def test_duplicate_label_standing_for_the_next_one_is_reported_once() -> None:
    labels = ["a)", "b)", "c)", "d)", "d)", "e)", "g)"]  # the seed's III.2: "d)" typed for "đ)"
    sections = [_section("I", "I.", "part")] + [
        _section(f"I.{i}", lab, "point", "I") for i, lab in enumerate(labels)
    ]
    assert [f["code"] for f in check_plan(_doc(sections=sections))] == ["numbering_duplicate"]


def test_unit_mismatches() -> None:
    doc = _doc(
        targets=[
            _target("HDI", "0.6", "index", "Chỉ số phát triển con người (HDI) đạt trên 0,6%.", measure="HDI"),
            _target("HDI2", 0.7, "percent", "Chỉ số HDI đạt 0,7.", measure="Chỉ số phát triển con người"),
            _target("P", 105, "percent", "Tỷ lệ đạt 105%."),
            _target("M", 30, "million_vnd", "Tỷ lệ hộ nghèo 30 triệu đồng.", measure="Tỷ lệ hộ nghèo"),
            _target("OK", "99.5", "percent", "Tỷ lệ đi học trên 99,5%."),
        ]
    )
    assert _codes(doc) == [
        ("warning", "unit_mismatch", "HDI"),
        ("warning", "unit_mismatch", "HDI2"),
        ("warning", "unit_mismatch", "P"),
        ("warning", "unit_mismatch", "M"),
    ]


def test_milestones_outside_period() -> None:
    doc = _doc(
        targets=[
            _target("A", 10, "percent", "Đạt 10%.", milestone_year=2030),
            _target("B", 20, "percent", "Đạt 20%.", milestone_year=2030),
            _target("C", 30, "percent", "Đạt 30%.", milestone_year=2027),
            _target("D", 40, "percent", "Đạt 40%.", milestone_year=2024),
        ]
    )
    # the vision year once, as info; any other year outside the period, as a warning each
    assert _codes(doc) == [
        ("info", "milestone_outside_period", "A"),
        ("warning", "milestone_outside_period", "C"),
    ]


def test_ambiguous_figures_are_flagged() -> None:
    doc = _doc(budget_lines=[_line("T", "1.5", text="Tổng vốn: 1,500 tỷ đồng.")])
    (found,) = check_plan(doc)
    assert (found["code"], found["location"]) == ("ambiguous_number", "T")
    assert found["message"].startswith("Số “1,500” có hai cách đọc: 1,5 (dấu phẩy thập phân) hoặc 1.500")


def test_blank_number_and_partial_date() -> None:
    findings = check_plan(
        _doc(plan={"number": None, "issued_on": None, "issued_text": "ngày tháng 6 năm 2022"})
    )
    assert [(f["code"], f["message"]) for f in findings] == [
        ("blank_number", "Số văn bản để trống (“Số: /KH-UBND”)."),
        ("blank_date", "Ngày ban hành chưa đầy đủ: “ngày tháng 6 năm 2022”."),
    ]


def test_repeated_words_once_per_place() -> None:
    sections = [
        _section("I", "I.", "part", text="Bảo đảm tỷ lệ phù hợp phù hợp với dân số; tổng kết kết quả.")
    ]
    targets = [
        _target(
            "T", 5, "percent", "tỷ lệ phù hợp phù hợp với dân số", section="I", kind="relative_to_measure"
        )
    ]
    findings = check_plan(_doc(sections=sections, targets=targets))
    assert [(f["code"], f["location"], f["message"]) for f in findings] == [
        ("repeated_words", "I", "Lặp từ: “phù hợp phù hợp”.")
    ]


def test_value_not_in_text_unknown_parents_and_duplicate_codes() -> None:
    doc = _doc(
        sections=[_section("I", "I.", "part"), _section("I.1", "1.", "item", "I.9")],
        targets=[
            _target("T1", 32, "million_vnd", "Thu nhập đạt 23 triệu đồng."),
            _target("T1", 5, "percent", "Đạt 5%.", parent="T9", section="II"),
        ],
    )
    assert _codes(doc) == [
        ("error", "unknown_parent", "I.1"),
        ("error", "duplicate_code", "T1"),
        ("error", "unknown_parent", "T1"),
        ("error", "unknown_section", "T1"),
        ("warning", "target_value_not_in_text", "T1"),
    ]


def test_findings_on_the_parsed_seed(seed) -> None:
    got = {(f["code"], f["location"]) for f in seed.findings}
    assert got == {
        ("blank_number", "plan"),
        ("blank_date", "plan"),
        ("numbering_duplicate", "IV#2"),
        ("numbering_duplicate", "III.2.d#2"),
        ("budget_components_mismatch", "NS-1719-TW"),
        ("unit_mismatch", "T2030-07"),
        ("milestone_outside_period", "T2045-01"),
        ("repeated_words", "III.1.c.b2"),
    }
    mismatch = next(f for f in seed.findings if f["code"] == "budget_components_mismatch")
    assert mismatch["message"] == (
        "Tổng các thành phần 1.212.762 triệu đồng khác số tổng 1.257.762 triệu đồng (chênh 45.000)."
    )
    assert next(f for f in seed.findings if f["code"] == "blank_date")["message"].endswith(
        "“ngày tháng 6 năm 2022”."
    )


def test_findings_on_the_seed_data_file() -> None:
    doc = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    got = {(f["code"], f["location"]) for f in check_plan(doc)}
    assert {
        ("blank_number", "plan"),
        ("blank_date", "plan"),
        ("numbering_duplicate", "IV#2"),
        ("numbering_duplicate", "III.2.d#2"),
        ("budget_components_mismatch", "NS-1719-TW"),
        ("unit_mismatch", "T2030-07"),
        ("repeated_words", "III.1.c.b2"),
    } <= got
    assert all(f["severity"] != "error" or f["code"] == "budget_components_mismatch" for f in check_plan(doc))


def test_fixture_with_errors(with_errors) -> None:
    got = [(f["code"], f["location"]) for f in with_errors.findings]
    assert got == [
        ("blank_date", "plan"),
        ("numbering_skipped", "II.d"),
        ("numbering_skipped", "II.e"),
        ("numbering_duplicate", "II#2"),
        ("budget_components_mismatch", "NS-GN-TW"),
        ("unit_mismatch", "T2025-01"),
        ("unit_mismatch", "T2025-02"),
        ("milestone_outside_period", "T2028-01"),
        ("repeated_words", "II.e"),
    ]


def test_balanced_plans_have_no_budget_findings(balanced, variant) -> None:
    assert [f["code"] for f in balanced.findings] == ["milestone_outside_period"]
    assert variant.findings == []
