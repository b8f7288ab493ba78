"""The pure builders: Decree 30 structure of the .docx, the indicator table, the .xlsx, the snapshot
codec and hostile text. No database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal

from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from kehoach.core.formatting import vn_date_long
from kehoach.reports import snapshot
from kehoach.reports.docx_report import build_report
from kehoach.reports.narrative import prefill
from kehoach.reports.tests.factories import head, report_data, target
from kehoach.reports.xlsx import build_indicator_xlsx


def _doc(data=None, h=None, sections=None):
    data = data or report_data()
    return Document(
        io.BytesIO(build_report(data, h or head(), sections if sections is not None else prefill(data)))
    )


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_header_block_has_issuer_motto_number_and_date_line_from_the_data():
    h = head(number=7, date=dt.date(2025, 1, 5), place="Xã B")
    doc = _doc(h=h)
    block = doc.tables[0]
    left, right = block.rows[0].cells
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN"
    assert left.paragraphs[1].text == "HUYỆN A" and left.paragraphs[1].runs[0].bold
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc"
    number, when = block.rows[1].cells
    assert number.text == "Số: 07/BC-UBND"
    assert when.text == f"Xã B, {vn_date_long(h.date)}" == "Xã B, ngày 05 tháng 01 năm 2025"
    assert when.paragraphs[0].runs[0].italic


def test_a_draft_leaves_number_and_date_blank():
    doc = _doc(h=head(number=None, date=None))
    number, when = doc.tables[0].rows[1].cells
    assert (
        number.text.startswith("Số: ")
        and number.text.endswith("/BC-UBND")
        and not any(c.isdigit() for c in number.text)
    )
    assert when.text.startswith("Xã B, ngày ") and "năm" in when.text


def test_page_setup_is_a4_times_new_roman_with_the_decree_margins_and_a_landscape_indicator_table():
    doc = _doc()
    first = doc.sections[0]
    mm = [round(x.mm) for x in (first.page_width, first.page_height)]
    assert mm == [210, 297]
    margins = (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)
    assert [round(x.mm) for x in margins] == [20, 20, 30, 15]
    assert first.different_first_page_header_footer
    assert doc.styles["Normal"].font.name == "Times New Roman"
    last = doc.sections[-1]
    assert last.orientation == WD_ORIENT.LANDSCAPE and round(last.page_width.mm) == 297


def test_title_subject_recipients_and_signature_block():
    doc = _doc()
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts and "Kết quả thực hiện Kế hoạch năm 2024" in texts
    signature = next(t for t in doc.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    left, right = signature.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- UBND tỉnh C;",
        "- Ban Dân tộc tỉnh C;",
        "- Lưu: VT, PDT.",
    ]
    lines = [p.text for p in right.paragraphs if p.text]
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]


def test_indicator_table_lists_every_target_with_its_figures_by_year():
    data = report_data()
    doc = _doc(data)
    table = doc.tables[-1]
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Mốc năm",
        "Mục tiêu",
        "Năm gốc",
        "2021",
        "2022",
        "2023",
        "2024",
        "Tình trạng",
    ]
    assert len(table.rows) == 1 + len(data.targets)
    first = [c.text for c in table.rows[1].cells]
    assert first[1].startswith("T1. Tỷ lệ hộ nghèo")
    assert first[4] == "≤ 10%"
    assert first[5] == "40,3 (2020)"  # one decimal, half up
    by_year = dict(zip(header, first, strict=True))
    assert (
        by_year["2021"] == "35,1"
        and by_year["2022"] == "30,0"
        and by_year["2023"] == ""
        and by_year["2024"] == "23,5"
    )
    assert first[-1] == "Chậm tiến độ"


def test_review_judges_each_due_target_achieved_or_not():
    data = report_data(
        kind="midterm_review",
        year=2025,
        targets=(
            target("A", status="achieved", status_label="Đã đạt"),
            target("B", status="not_achieved", status_label="Không đạt"),
            target("C", status="no_data", status_label="Chưa có số liệu"),
            target("D", milestone_year=2030, status="on_track", status_label="Đúng tiến độ"),
        ),
    )
    doc = _doc(data)
    assessed = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Đánh giá" and len(t.columns) == 5)
    verdicts = {r.cells[1].text.split(".")[0]: r.cells[-1].text for r in assessed.rows[1:]}
    assert verdicts == {"A": "Đạt", "B": "Không đạt", "C": "Chưa có số liệu để đánh giá"}
    text = _all_text(doc)
    assert "BÀI HỌC KINH NGHIỆM" in text
    appendix = [r.cells[-1].text for r in doc.tables[-1].rows[1:]]
    assert appendix == ["Đạt", "Không đạt", "Chưa có số liệu để đánh giá", "Đúng tiến độ"]


def test_narrative_names_targets_behind_with_the_gap_and_the_disbursement_rate():
    sections = prefill(report_data())
    # A gap between two rates is in percentage points, not a percentage of its own.
    assert "còn cách mức cần đạt 10,0% là 13,5 điểm phần trăm" in sections["results"]
    assert "Tỷ lệ hộ nghèo giảm còn dưới 10% (mốc năm 2025)" in sections["results"]
    assert "giải ngân 300 triệu đồng, đạt 75,0%" in sections["budget"]
    assert "NV-1. Xây dựng quy chế phối hợp" in sections["tasks"]
    assert "lessons" not in sections and "lessons" in prefill(report_data(kind="final_review", year=2030))


def test_new_statuses_from_the_engine_count_as_behind_without_code_changes():
    row = target("X", status="not_achieved", status_label="Không đạt")
    sections = prefill(report_data(targets=(row,)))
    assert "- Tỷ lệ hộ nghèo" in sections["results"] and "không đạt." in sections["results"]


def test_user_text_with_template_syntax_and_control_characters_is_written_literally():
    hostile = '{{ secret }} {% if x %}y{% endif %} =HYPERLINK("http://x")\x0b\x00tab'
    doc = _doc(
        sections={"results": hostile, "difficulties": "ổn\x0cđịnh"},
        h=dataclasses.replace(head(), subject=hostile),
    )
    text = _all_text(doc)
    assert '{{ secret }} {% if x %}y{% endif %} =HYPERLINK("http://x")tab' in text
    assert "ổnđịnh" in text and "\x0b" not in text and "\x00" not in text


def test_stored_text_with_control_characters_never_breaks_the_documents():
    odd = target("T\x0b1", text="Chỉ tiêu\x0b dán từ Word\x00\ud800 \u202eđảo chiều", unit="%\x0c")
    data = report_data(targets=(odd,))
    text = _all_text(_doc(data))
    assert "T1. Chỉ tiêu dán từ Word \u202eđảo chiều" in text
    book = load_workbook(io.BytesIO(build_indicator_xlsx(data)))
    assert book["Biểu chỉ tiêu"]["C2"].value == "Chỉ tiêu dán từ Word \u202eđảo chiều"


def test_snapshot_round_trips_exactly_through_json():
    data = report_data()
    stored = json.loads(json.dumps(snapshot.dump(data)))
    assert stored["data"]["targets"][0]["latest"] == "23.45"
    assert snapshot.load(stored) == data
    assert snapshot.load(stored).targets[0].actual[1] == (2022, Decimal("30.04"))


def test_indicator_workbook_has_numbers_as_numbers_and_no_live_formula():
    evil = target("=1+1", text='=HYPERLINK("http://x","bấm")\x0b', status_label="@SUM(A1)")
    data = report_data(targets=(evil, target("T2")))
    book = load_workbook(io.BytesIO(build_indicator_xlsx(data, number="07/BC-UBND", issuer="UBND huyện A")))
    sheet = book["Biểu chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    for cell in sheet.iter_rows(min_row=2):
        assert all(c.data_type != "f" for c in cell)
    assert row["Mã"].value == "=1+1" and row["Mã"].quotePrefix
    assert row["Chỉ tiêu"].value == '=HYPERLINK("http://x","bấm")'
    assert row["Tình trạng"].quotePrefix
    assert row["Giá trị gốc"].value == 40.25 and row["Thực hiện 2022"].value == 30.04
    assert row["Thực hiện 2023"].value is None


def test_the_unit_is_named_in_lower_case_mid_sentence():
    sections = prefill(report_data())
    assert "Kế hoạch tại huyện A:" in sections["results"] and "tại Huyện A" not in sections["results"]
    kept = dataclasses.replace(report_data(), unit_name="Thị trấn Mường Tè", unit_kind="Thị trấn")
    assert "tại thị trấn Mường Tè:" in prefill(kept)["results"]


def test_the_budget_table_numbers_only_programmes_and_notes_parts_that_do_not_add_up():
    base = report_data()
    central = dataclasses.replace(base.money[1], parts_differ=True)
    local = dataclasses.replace(base.money[1], label="Ngân sách địa phương")
    second = dataclasses.replace(base.money[0], label="Chương trình 2")
    data = dataclasses.replace(base, money=(base.money[0], central, local, second, local))
    doc = _doc(data)
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Chương trình / nguồn vốn")
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "-", "-", "2", "-"]
    assert table.rows[2].cells[1].text == "Ngân sách Trung ương (*)"
    note = "(*) Các nguồn thành phần không cộng đúng tổng ghi trong kế hoạch; số liệu giữ nguyên như văn bản."
    assert note in _all_text(doc)
    assert note not in _all_text(_doc(base))


def test_the_indicator_workbook_writes_years_as_years():
    sheet = load_workbook(io.BytesIO(build_indicator_xlsx(report_data())))["Biểu chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    row = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert row["Mốc năm"] == "2025" and row["Năm gốc"] == "2020"


def test_headings_reach_the_navigation_pane_and_the_annex_page_is_numbered():
    from docx.oxml.ns import qn

    doc = _doc()
    levels = {
        p.text: p._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val"))
        for p in doc.paragraphs
        if p._p.pPr is not None and p._p.pPr.find(qn("w:outlineLvl")) is not None
    }
    assert levels.get("I. KẾT QUẢ THỰC HIỆN") == "0" and levels.get("BIỂU CHỈ TIÊU") == "0"
    assert "1" in levels.values()  # the numbered parts under a heading
    annex = doc.sections[-1]
    assert not annex.different_first_page_header_footer and annex.header.is_linked_to_previous
    assert "PAGE" in doc.sections[0].header._element.xml  # the body's numbering, which the annex inherits
