"""Header, title, period, citations, signer and recipients."""

from __future__ import annotations

import pytest

from kehoach.docparse import PlanParseError, parse_plan
from kehoach.docparse.citations import parse_citations
from kehoach.docparse.spans import Chunk

BODY = "I. MỤC TIÊU\n\n- Nội dung.\n"


def _meta(header: str, body: str = BODY) -> dict[str, object]:
    return dict(parse_plan((header + "\n\n" + body).encode(), "plan.txt").document["plan"])


def test_seed_header(seed) -> None:
    plan = seed.document["plan"]
    assert plan["number"] is None
    assert plan["symbol"] == "KH-UBND"
    assert plan["doc_type"] == "KH"
    assert plan["doc_type_name"] == "KẾ HOẠCH"
    assert plan["place"] == "Mường Tè"
    assert plan["issued_on"] is None
    assert plan["issued_text"] == "ngày tháng 6 năm 2022"
    assert (plan["issued_year"], plan["issued_month"]) == (2022, 6)
    assert plan["title"].startswith("Triển khai thực hiện Chiến lược công tác dân tộc")
    assert (plan["period_start"], plan["period_end"], plan["vision_year"]) == (2021, 2030, 2045)
    assert plan["issuer_name"] == "UBND huyện Mường Tè"


def test_seed_citations(seed) -> None:
    basis, instruction = seed.document["plan"]["implements"]
    assert basis == {
        "kind": "Nghị quyết",
        "number": "10/NQ-CP",
        "date": "2022-01-28",
        "issuer": "Chính phủ",
        "title": "về ban hành Chiến lược công tác dân tộc giai đoạn 2021 - 2030, tầm nhìn đến năm 2045",
        "relation": "basis",
    }
    assert instruction["kind"] == "Công văn"
    assert instruction["number"] == "259/BDT-KH"
    assert instruction["date"] == "2022-05-12"  # "12/5/2022": no leading zero
    assert instruction["issuer"] == "Ban Dân tộc tỉnh Lai Châu"
    assert instruction["relation"] == "instruction"


def test_seed_signer_and_recipients(seed) -> None:
    plan = seed.document["plan"]
    assert plan["signer"] == {
        "authority": "TM. ỦY BAN NHÂN DÂN",
        "deputy_prefix": "KT. CHỦ TỊCH",
        "title": "PHÓ CHỦ TỊCH",
        "name": "Kiều Hải Nam",
    }
    assert plan["recipients"][0] == "Ban Dân tộc tỉnh"
    assert plan["recipients"][-1] == "Lưu VT"
    assert len(plan["recipients"]) == 7


def test_full_header_with_agency_lines_and_leading_zeros() -> None:
    meta = _meta(
        "ỦY BAN NHÂN DÂN\nHUYỆN PHONG THỔ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 45/KH-UBND\nPhong Thổ, ngày 05 tháng 01 năm 2024\nKẾ HOẠCH\nGiảm nghèo bền vững\n"
        "giai đoạn 2024 - 2025"
    )
    assert meta["number"] == "45"
    assert meta["issued_on"] == "2024-01-05"
    assert meta["place"] == "Phong Thổ"
    assert meta["issuer_name"] == "ỦY BAN NHÂN DÂN HUYỆN PHONG THỔ"
    assert meta["title"] == "Giảm nghèo bền vững giai đoạn 2024 - 2025"
    assert (meta["period_start"], meta["period_end"]) == (2024, 2025)
    assert meta["code"] == "PHONGTHO-KH-2024-2025"


@pytest.mark.parametrize(
    "number_line", ["Số: /KH-UBND", "Số:      /KH-UBND", "Số: ....../KH-UBND", "Số: …/KH-UBND"]
)
def test_blank_number(number_line: str) -> None:
    meta = _meta(
        f"{number_line}\nSìn Hồ, ngày 10 tháng 10 năm 2023\nKẾ HOẠCH\nThực hiện giai đoạn 2023 - 2025"
    )
    assert meta["number"] is None
    assert meta["symbol"] == "KH-UBND"


@pytest.mark.parametrize(
    ("line", "day_month_year", "iso"),
    [
        ("ngày   tháng 6 năm 2022", (None, 6, 2022), None),
        ("ngày ... tháng ... năm 2022", (None, None, 2022), None),
        ("ngày 9 tháng 6 năm 2022", (9, 6, 2022), "2022-06-09"),
        ("ngày 31 tháng 2 năm 2022", (31, 2, 2022), None),  # impossible date: no ISO date
    ],
)
def test_dates(line: str, day_month_year: tuple[int | None, ...], iso: str | None) -> None:
    meta = _meta(f"Số: 3/KH-UBND\nTam Đường, {line}\nKẾ HOẠCH\nNội dung giai đoạn 2022 - 2025")
    assert meta["issued_on"] == iso
    assert (meta["issued_month"], meta["issued_year"]) == day_month_year[1:]


def test_title_starting_with_thuc_hien_and_citation_starting_with_thuc_hien() -> None:
    meta = _meta(
        "Số: 3/KH-UBND\nTân Uyên, ngày 02 tháng 3 năm 2023\nKẾ HOẠCH\n"
        "Thực hiện Chiến lược giai đoạn 2023 - 2030\n"
        "Thực hiện Công văn số 12/UBND-DT ngày 09/6/2023 của UBND tỉnh."
    )
    assert meta["title"] == "Thực hiện Chiến lược giai đoạn 2023 - 2030"
    implements = meta["implements"]
    assert isinstance(implements, list)
    assert implements[0]["number"] == "12/UBND-DT"
    assert implements[0]["date"] == "2023-06-09"


def test_several_citations_in_one_paragraph_and_laws() -> None:
    chunk = Chunk(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Quyết định số 90/QĐ-TTg "
        "ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình giảm nghèo;",
        ((0, 0),),
    )
    law, decision = parse_citations(chunk)
    assert law["kind"] == "Luật"
    assert law["number"] is None
    assert law["date"] == "2015-06-19"
    assert law["title"] == "Tổ chức chính quyền địa phương"
    assert decision["issuer"] == "Thủ tướng Chính phủ"
    assert decision["title"] == "phê duyệt Chương trình giảm nghèo"
    assert parse_citations(Chunk("Văn bản không trích dẫn.", ((0, 0),))) == []


def test_signer_when_the_chairman_signs(balanced, variant) -> None:
    assert variant.document["plan"]["signer"] == {
        "authority": "TM. ỦY BAN NHÂN DÂN",
        "deputy_prefix": None,
        "title": "CHỦ TỊCH",
        "name": "Nguyễn Văn Bình",
    }
    signer = balanced.document["plan"]["signer"]
    assert signer is not None
    assert (signer["deputy_prefix"], signer["title"], signer["name"]) == (
        "KT. TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Lò Văn Tiến",
    )
    assert balanced.document["plan"]["issuer_name"] == "BAN DÂN TỘC"
    assert balanced.document["plan"]["doc_type"] == "CTr"


def test_period_from_body_when_title_has_none() -> None:
    meta = _meta(
        "Số: 3/KH-UBND\nTân Uyên, ngày 02 tháng 3 năm 2023\nKẾ HOẠCH\nPhát triển du lịch",
        "I. MỤC TIÊU\n\n- Giai đoạn 2023 - 2027 tăng 5%.",
    )
    assert (meta["period_start"], meta["period_end"]) == (2023, 2027)


def test_single_year_plan() -> None:
    meta = _meta("Số: 3/KH-UBND\nTân Uyên, ngày 02 tháng 3 năm 2023\nKẾ HOẠCH\nTuyên truyền năm 2023")
    assert (meta["period_start"], meta["period_end"]) == (2023, 2023)
    assert meta["code"] == "TANUYEN-KH-2023"


def test_no_type_and_no_symbol_is_not_a_plan() -> None:
    with pytest.raises(PlanParseError, match="không phải là một kế hoạch"):
        parse_plan("Thư mời họp\n\nI. Nội dung\n\n- Họp lúc 8 giờ.".encode(), "thu.txt")
