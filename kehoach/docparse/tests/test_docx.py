"""Word documents built with python-docx parse like the same plan as plain text."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.docparse import ParseResult, parse_plan

from .conftest import FIXTURES, seed_path
from .docx_builder import build_docx

VARIANT = (FIXTURES / "variant_province.txt").read_text(encoding="utf-8")


def _essence(result: ParseResult) -> dict[str, Any]:
    """What must not depend on the file format."""
    doc = result.document
    plan = doc["plan"]
    return {
        "plan": {
            k: plan.get(k)
            for k in ("number", "symbol", "issued_on", "place", "title", "period_start", "period_end")
        },
        "sections": [
            (s["code"], s["kind"], s.get("title"), s.get("text"))
            for s in doc["sections"]
            if s["kind"] != "preamble"
        ],
        "targets": doc.get("targets"),
        "budget_lines": doc.get("budget_lines"),
        "tasks": doc.get("tasks"),
        "obligations": doc.get("obligations"),
        "findings": result.findings,
    }


@pytest.fixture(scope="module")
def from_text() -> dict[str, Any]:
    return _essence(parse_plan(VARIANT.encode(), "variant.txt"))


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"headings": True},
        {"headings": True, "drop_part_labels": True},
        {"auto_numbering": True},
        {"headings": True, "auto_numbering": True},
    ],
    ids=[
        "plain",
        "heading-styles",
        "headings-without-part-labels",
        "word-numbering",
        "headings-and-numbering",
    ],
)
def test_docx_variants_parse_like_text(options: dict[str, bool], from_text: dict[str, Any]) -> None:
    result = parse_plan(build_docx(VARIANT, **options), "variant.docx")
    assert _essence(result) == from_text


def test_heading_styles_are_read() -> None:
    from kehoach.docparse.reader import read_document

    raw = read_document(build_docx(VARIANT, headings=True, drop_part_labels=True), "v.docx")
    headings = [(p.heading_level, p.text) for p in raw.paragraphs if p.heading_level]
    assert (1, "MỤC ĐÍCH, YÊU CẦU") in headings
    assert (2, "1. Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2023 - 2025") in headings


def test_word_numbering_labels_are_rendered() -> None:
    from kehoach.docparse.reader import read_document

    raw = read_document(build_docx(VARIANT, auto_numbering=True), "v.docx")
    labels = [p.label for p in raw.paragraphs if p.label]
    assert labels[:4] == ["I.", "-", "-", "II."]
    assert "a)" in labels and "b)" in labels and "+" in labels and "V." in labels
    assert "1." in labels[labels.index("II.") :]


def test_header_and_signature_in_tables(from_text: dict[str, Any]) -> None:
    result = parse_plan(build_docx(VARIANT, tables=True), "variant.docx")
    plan = result.document["plan"]
    assert _essence(result)["plan"] == from_text["plan"]
    assert plan["issuer_name"] == "ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ"
    assert plan["signer"] == {
        "authority": "TM. ỦY BAN NHÂN DÂN",
        "deputy_prefix": None,
        "title": "CHỦ TỊCH",
        "name": "Nguyễn Văn Bình",
    }
    assert plan["recipients"] == [
        "UBND tỉnh",
        "Sở Lao động - TB&XH",
        "TT Huyện ủy, TT HĐND huyện",
        "Lưu: VT, LĐTBXH",
    ]


def test_seed_as_docx_gives_the_same_figures(seed) -> None:
    text = seed_path().read_text(encoding="utf-8")
    result = parse_plan(build_docx(text, headings=True), "seed.docx")
    assert result.document["targets"] == seed.document["targets"]
    assert result.document["budget_lines"] == seed.document["budget_lines"]
    assert result.findings == seed.findings


def test_spans_point_into_the_docx_text() -> None:
    result = parse_plan(build_docx(VARIANT, auto_numbering=True), "variant.docx")
    targets = {t["code"]: t for t in result.document["targets"]}
    for span in result.spans:
        if span.kind == "target":
            assert result.text[span.start : span.end] == targets[span.code]["text"]
