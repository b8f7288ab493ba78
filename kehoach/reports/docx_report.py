"""The annual report and the mid-term / final reviews as .docx. Pure: frozen inputs in, bytes out.

Layout: header block, type and subject, an opening citing the plan, the numbered parts with the
edited narrative (each line one paragraph) and the tables built from the figures, the closing
line, "Nơi nhận" beside the signature, then the indicator table on a landscape page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from kehoach.core.formatting import vn_date, vn_number
from kehoach.reports import document as d
from kehoach.reports import docx_format as f
from kehoach.reports.narrative import assessment, number, rate, sections_for, stated_with_unit, with_unit
from kehoach.reports.snapshot import ReportData

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")
PORTRAIT_WIDTH = 16.5  # cm between the margins of an A4 page (210 − 30 − 15 mm)
LANDSCAPE_WIDTH = 25.7  # 297 − 20 − 20 mm


def indicator_headers(data: ReportData) -> list[str]:
    return [
        _("TT"),
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Mốc năm"),
        _("Mục tiêu"),
        _("Năm gốc"),
        *[str(y) for y in data.years],
        _("Đánh giá") if data.kind != "annual" else _("Tình trạng"),
    ]


def indicator_rows(data: ReportData) -> list[list[str]]:
    """The indicator table as text (shared by Word and the UI): one row per quantified target."""
    rows = []
    for i, t in enumerate(data.targets, start=1):
        actual = dict(t.actual)
        base = f"{number(t.baseline, t)} ({t.baseline_year})" if t.baseline is not None else "—"
        judged = assessment(t, data.year) if data.kind != "annual" else t.status_label
        rows.append(
            [
                str(i),
                f"{t.code}. {t.text}",
                t.measure_unit or t.unit,
                str(t.milestone_year),
                stated_with_unit(t),
                base,
                *[number(actual.get(y), t) if y in actual else "" for y in data.years],
                judged,
            ]
        )
    return rows


def _money_table(doc: DocxDocument, data: ReportData) -> None:
    annual = data.kind == "annual"
    headers = [_("TT"), _("Chương trình / nguồn vốn"), _("Kế hoạch giai đoạn")]
    if annual:
        headers += [
            _("Giao năm {year}").format(year=data.year),
            _("Giải ngân năm {year}").format(year=data.year),
        ]
    headers += [_("Lũy kế giao"), _("Lũy kế giải ngân"), _("Tỷ lệ giải ngân")]
    rows = []
    top = 0
    for m in data.money:
        top += m.depth == 0
        row = [
            str(top) if m.depth == 0 else "-",  # only programmes are numbered; their sources are "-"
            m.label + (" (*)" if m.parts_differ else ""),
            vn_number(m.planned) if m.planned is not None else "—",
        ]
        if annual:
            row += [vn_number(m.allocated_year), vn_number(m.disbursed_year)]
        row += [
            vn_number(m.allocated_total),
            vn_number(m.disbursed_total),
            rate(m.disbursed_total, m.allocated_total),
        ]
        rows.append(row)
    f.para(doc, _("Đơn vị tính: triệu đồng"), size=12, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
    numbers = len(headers) - 2
    widths = [1.0, 0, *[2.0] * numbers]
    widths[1] = PORTRAIT_WIDTH - sum(widths)
    f.grid_table(doc, headers, rows, size=10, widths=widths)
    if any(m.parts_differ for m in data.money):
        f.para(doc, "(*) " + parts_differ_note(), size=11, italic=True, after=6)


def parts_differ_note() -> str:
    return _("Các nguồn thành phần không cộng đúng tổng ghi trong kế hoạch; số liệu giữ nguyên như văn bản.")


def _assessment_table(doc: DocxDocument, data: ReportData) -> None:
    due = [t for t in data.targets if t.milestone_year <= data.year]
    rows = [
        [
            str(i),
            f"{t.code}. {t.text}",
            stated_with_unit(t),
            with_unit(t.latest, t) + (f" ({t.latest_year})" if t.latest_year else ""),
            assessment(t, data.year),
        ]
        for i, t in enumerate(due, start=1)
    ]
    headers = [_("TT"), _("Chỉ tiêu"), _("Mục tiêu"), _("Kết quả"), _("Đánh giá")]
    f.grid_table(doc, headers, rows, size=11, widths=[0.9, 8.1, 2.5, 2.5, 2.5])


def _opening(data: ReportData, head: d.DocumentHead) -> str:
    if data.kind == "annual":
        return _(
            "Thực hiện {plan}; {issuer} báo cáo kết quả thực hiện năm {year} (số liệu tính đến ngày {date}) như sau:"
        ).format(plan=data.plan_reference, issuer=head.issuer_name, year=data.year, date=vn_date(data.as_of))
    word = _("sơ kết") if data.kind == "midterm_review" else _("tổng kết")
    return _(
        "Thực hiện {plan}; {issuer} {word} kết quả thực hiện giai đoạn {start} - {year} "
        "(số liệu tính đến ngày {date}) như sau:"
    ).format(
        plan=data.plan_reference,
        issuer=head.issuer_name,
        word=word,
        start=data.period_start,
        year=data.year,
        date=vn_date(data.as_of),
    )


def _narrative(doc: DocxDocument, text: str) -> None:
    for line in d.paragraphs(text):
        f.para(doc, line, indent=True)


def build_report(data: ReportData, head: d.DocumentHead, sections: Mapping[str, str]) -> bytes:
    doc = Document()
    f.set_up(doc)
    f.header_block(doc, head)
    f.title(doc, head)
    f.para(doc, _opening(data, head), indent=True)
    headings = dict(sections_for(data.kind))
    part = 0

    def heading(text: str) -> None:
        nonlocal part
        f.outline(f.para(doc, f"{ROMAN[part]}. {text.upper()}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT), 0)
        part += 1

    heading(_("Kết quả thực hiện"))
    for i, key in enumerate((d.RESULTS, d.TASKS, d.BUDGET), start=1):
        f.outline(f.para(doc, f"{i}. {headings[key]}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT), 1)
        _narrative(doc, sections.get(key, ""))
        if key == d.RESULTS and data.kind != "annual":
            _assessment_table(doc, data)
        if key == d.BUDGET and data.money:
            _money_table(doc, data)
    for key in (d.DIFFICULTIES, d.LESSONS, d.PROPOSALS):
        if key in headings:
            heading(headings[key])
            _narrative(doc, sections.get(key, ""))
    f.para(doc, _("Trên đây là báo cáo của {issuer}./.").format(issuer=head.issuer_name), indent=True)
    f.signature_block(doc, head)
    appendix(doc, data, head)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def appendix(doc: DocxDocument, data: ReportData, head: d.DocumentHead) -> None:
    f.landscape(doc)
    f.outline(f.para(doc, _("BIỂU CHỈ TIÊU"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0), 0)
    attached = _(
        "(Kèm theo Báo cáo {number} ngày {date} của {issuer}; số liệu tính đến ngày {as_of})"
    ).format(
        number=head.number_line.removeprefix("Số: ").strip(),
        date=vn_date(head.date) if head.date else "…",
        issuer=head.issuer_name,
        as_of=vn_date(data.as_of),
    )
    f.para(doc, attached, size=13, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    fixed = [0.9, 0, 2.2, 1.4, 2.0, 2.2, *[1.7] * len(data.years), 2.6]
    fixed[1] = max(LANDSCAPE_WIDTH - sum(fixed), 5.0)
    f.grid_table(doc, indicator_headers(data), indicator_rows(data), size=10, widths=fixed)
    f.para(doc, _("Số liệu: {counted}").format(counted=data.counted), size=11, italic=True)
