"""The public entry points: result shape, source spans, speed."""

from __future__ import annotations

from kehoach.docparse import ParseResult, SourceSpan, check_plan, parse_plan
from kehoach.plans.document import FORMAT_ID, SECTION_KINDS, SEVERITIES, TARGET_KINDS, TARGET_UNITS


def test_result_shape(seed: ParseResult) -> None:
    doc = seed.document
    assert doc["format"] == FORMAT_ID
    assert set(doc) == {
        "format", "plan", "sections", "objectives", "targets", "tasks", "budget_lines", "responsibilities",
        "obligations",
    }  # fmt: skip
    assert all(s["kind"] in SECTION_KINDS for s in doc["sections"])
    assert all(
        t["kind"] in TARGET_KINDS and (t["unit"] is None or t["unit"] in TARGET_UNITS) for t in doc["targets"]
    )
    assert all(f["severity"] in SEVERITIES for f in seed.findings)
    assert check_plan(doc) == seed.findings  # a .txt has no reader findings


def test_every_item_has_a_span(seed: ParseResult) -> None:
    doc = seed.document
    codes = {
        "section": [s["code"] for s in doc["sections"] if s["kind"] not in ("preamble", "closing")],
        "objective": [o["code"] for o in doc["objectives"]],
        "target": [t["code"] for t in doc["targets"]],
        "task": [t["code"] for t in doc["tasks"]],
        "budget_line": [b["code"] for b in doc["budget_lines"]],
        "responsibility": [r["code"] for r in doc["responsibilities"]],
        "obligation": [o["code"] for o in doc["obligations"]],
    }
    for kind, wanted in codes.items():
        assert [s.code for s in seed.spans if s.kind == kind] == wanted, kind
    assert all(0 <= s.start < s.end <= len(seed.text) for s in seed.spans)


def test_spans_are_the_wording(seed: ParseResult) -> None:
    by_code = {s.code: s for s in seed.spans}
    for target in seed.document["targets"]:
        span = by_code[target["code"]]
        assert seed.text[span.start : span.end] == target["text"]
    for line in seed.document["budget_lines"]:
        span = by_code[line["code"]]
        assert seed.text[span.start : span.end] == line["text"]
    section = by_code["IV#2"]
    assert seed.text[section.start : section.end] == "IV. TỔ CHỨC THỰC HIỆN"


def test_span_of_a_paragraph_broken_over_lines(seed: ParseResult) -> None:
    span = next(s for s in seed.spans if s.code == "III.1.b")
    wording = seed.text[span.start : span.end]
    assert wording.startswith("b) Nâng cao hiệu quả")
    assert "lợi thế,\n\ntiềm năng" in wording  # the original text, with its line break


def test_span_type() -> None:
    assert SourceSpan("T2025-01", "target", 1, 2) == SourceSpan("T2025-01", "target", 1, 2)


def test_parsing_the_seed_is_deterministic(seed_bytes: bytes) -> None:
    # Speed is measured by scripts/parser_accuracy.py, not asserted here (no wall-clock asserts in tests).
    assert parse_plan(seed_bytes, "seed.txt").document == parse_plan(seed_bytes, "seed.txt").document


def test_parse_is_deterministic(seed_bytes: bytes, seed: ParseResult) -> None:
    again = parse_plan(seed_bytes, "seed.txt")
    assert again.document == seed.document
    assert again.spans == seed.spans
