"""The section tree: labels, codes, repeated labels, continuation lines, preamble and closing."""

from __future__ import annotations

from kehoach.docparse import parse_plan
from kehoach.docparse.spans import lines_of
from kehoach.docparse.structure import build, match_label

from .conftest import plan_text

BODY = """I. MỤC ĐÍCH

1. Mục đích

- Thứ nhất;

- Thứ hai, nội dung kéo dài

sang dòng sau.

II. NHIỆM VỤ

1. Nhiệm vụ chủ yếu

a) Về kinh tế

Đoạn văn của điểm a.

- Đối với nông nghiệp:

+ Ý một.

- + Ý hai.

đ) Về văn hóa.

d) Lặp lại.

d) Lặp lại nữa.

(Có phụ lục kèm theo)

Trên đây là Kế hoạch./.

Nơi nhận:
- Như trên;

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
"""


def _sections(body: str = BODY) -> dict[str, dict[str, object]]:
    result = parse_plan(plan_text(body), "plan.txt")
    return {s["code"]: dict(s) for s in result.document["sections"]}


def test_match_label() -> None:
    assert match_label("IV. TỔ CHỨC THỰC HIỆN") == ("part", "IV", 4)
    assert match_label("12. Mục") == ("item", "12", 4)
    assert match_label("đ) Điểm") == ("point", "đ", 3)
    assert match_label("- + Vốn đầu tư") == ("sub_bullet", "+", 4)
    assert match_label("- Gạch đầu dòng") == ("bullet", "-", 2)
    assert match_label("1.426.328 triệu đồng") is None
    assert match_label("IIII. không phải số La Mã") is None
    assert match_label("Văn bản thường") is None


def test_codes_and_kinds() -> None:
    sections = _sections()
    assert sections["I"] == {"code": "I", "parent": None, "label": "I.", "kind": "part", "title": "MỤC ĐÍCH"}
    assert sections["I.1.b2"]["text"] == "Thứ hai, nội dung kéo dài sang dòng sau."
    assert sections["II.1.a"]["title"] == "Về kinh tế"
    assert sections["II.1.a"]["text"] == "Đoạn văn của điểm a."
    assert sections["II.1.a.b1.p1"]["parent"] == "II.1.a.b1"
    assert sections["II.1.a.b1.p2"]["label"] == "- +"
    assert sections["II.1.a.b1.p2"]["kind"] == "sub_bullet"


def test_vietnamese_letter_codes_and_repeated_labels() -> None:
    sections = _sections()
    assert sections["II.1.dd"]["label"] == "đ)"
    assert sections["II.1.d"]["text"] == "Lặp lại."
    assert sections["II.1.d#2"]["text"] == "Lặp lại nữa."
    assert sections["II.1.d#2"]["parent"] == "II.1"


def test_parenthetical_note_belongs_to_the_item() -> None:
    assert "(Có phụ lục kèm theo)" in str(_sections()["II.1"].get("text"))


def test_preamble_and_closing() -> None:
    body = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nUBND huyện ban hành như sau:\n\n"
        + BODY
    )
    sections = _sections(body)
    assert sections["preamble-1"]["kind"] == "preamble"
    assert str(sections["preamble-1"]["text"]).startswith("Căn cứ Luật")
    assert sections["preamble-2"]["text"] == "UBND huyện ban hành như sau:"
    assert sections["closing"]["text"] == "Trên đây là Kế hoạch./."
    assert list(sections)[-1] == "closing"


def test_parent_codes_all_exist_and_order_is_document_order(seed) -> None:
    sections = seed.document["sections"]
    codes = [s["code"] for s in sections]
    assert len(codes) == len(set(codes))
    seen: set[str] = set()
    for s in sections:
        assert s["parent"] is None or s["parent"] in seen
        seen.add(s["code"])


def test_seed_tree(seed) -> None:
    sections = {s["code"]: s for s in seed.document["sections"]}
    assert [c for c, s in sections.items() if s["kind"] == "part"] == ["I", "II", "III", "IV", "IV#2"]
    assert sections["IV#2"]["title"] == "TỔ CHỨC THỰC HIỆN"
    assert sections["III.2.d#2"]["title"] == "Về bảo tồn và phát triển văn hóa các dân tộc"
    assert sections["III.1.dd"]["label"] == "đ)"
    assert sections["IV.1.b1.p1"]["label"] == "- +"
    # paragraphs broken over a blank line are joined
    assert "phát huy lợi thế, tiềm năng, đặc thù" in sections["III.1.b"]["text"]
    assert sections["II.2"]["text"] == "(Có biểu chỉ tiêu kèm theo)"
    assert [c for c in sections if c.startswith("preamble")] == ["preamble-1", "preamble-2", "preamble-3"]
    assert sections["closing"]["text"].startswith("Trên đây là Kế hoạch")


def test_unlabelled_heading_styles_open_parts() -> None:
    text = "KẾ HOẠCH\nTiêu đề\nMỤC TIÊU\n1. Mục tiêu chung\n- Nội dung.\nTỔ CHỨC THỰC HIỆN\n1. Phòng X"
    lines = lines_of(text, {0: 1, 2: 1, 5: 1})
    structure = build(lines)
    parts = [n for n in structure.nodes if n.kind == "part"]
    assert [(p.code, p.label, p.heading) for p in parts] == [
        ("I", "I.", "MỤC TIÊU"),
        ("II", "II.", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [c.text for c in structure.preamble] == ["KẾ HOẠCH", "Tiêu đề"]


def test_heading_styled_title_stays_in_the_header() -> None:
    text = "KẾ HOẠCH\nTRIỂN KHAI CHƯƠNG TRÌNH\nCăn cứ Luật;\nMỤC TIÊU\n- Nội dung."
    structure = build(lines_of(text, {0: 1, 1: 1, 3: 1}))
    assert [c.text for c in structure.preamble] == ["KẾ HOẠCH", "TRIỂN KHAI CHƯƠNG TRÌNH", "Căn cứ Luật;"]
    assert [n.code for n in structure.nodes] == ["I", "I.b1"]


def test_document_without_parts_uses_items() -> None:
    structure = build(lines_of("KẾ HOẠCH\nTiêu đề\n1. Mục tiêu\n- Một.\n2. Nhiệm vụ\n- Hai."))
    assert [n.code for n in structure.nodes] == ["1", "1.b1", "2", "2.b1"]
