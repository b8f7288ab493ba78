"""Decree 30/2020 layout on python-docx: page, font, header block, signature and recipients. Pure.

Sizes follow Phụ lục I (docs/domain.md (a)): A4, margins 20/20/30/15 mm, Times New Roman,
body 14 pt justified with a first-line indent, page numbers centred in the top margin from page 2.
Text always goes in as runs: nothing is ever interpreted (no template engine over user text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from kehoach.core.formatting import vn_date_long
from kehoach.reports.document import DocumentHead, clean

FONT = "Times New Roman"
MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def set_up(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    font = normal.font
    font.name = FONT
    font.size = Pt(14)
    # East-Asian and complex-script slots too, or Word substitutes another font for Vietnamese.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    fmt = normal.paragraph_format
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    portrait(doc.sections[0])
    number_pages(doc.sections[0])


def portrait(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def landscape(doc: DocxDocument) -> Section:
    """A new landscape section for wide tables (allowed when they are not split into appendices)."""
    section: Section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(30), Mm(15)
    # Numbering goes on: the annex is not a document's first page (it inherits the body's header,
    # which a "different first page" would replace with the empty one).
    section.different_first_page_header_footer = False
    return section


def outline(paragraph: Paragraph, level: int) -> Paragraph:
    """Mark a heading for Word's navigation pane and table of contents, keeping Decree 30's look
    (a Heading style would bring its own font, colour and spacing)."""
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    paragraph._p.get_or_add_pPr().append(element)
    return paragraph


def number_pages(section: Section) -> None:
    """PAGE field centred in the header; the first page shows none (different first page)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def para(
    container: DocxDocument | _Cell,
    text: str = "",
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    after: float = 6,
) -> Paragraph:
    paragraph: Paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        run = paragraph.add_run(clean(text))
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic
    return paragraph


def _first(cell: _Cell, text: str, **kwargs: object) -> Paragraph:
    """Fill the paragraph a new cell already has, then add the rest with `para`."""
    paragraph: Paragraph = cell.paragraphs[0]
    run = paragraph.add_run(clean(text))
    run.font.size = Pt(float(kwargs.get("size", 13)))  # type: ignore[arg-type]
    run.bold = bool(kwargs.get("bold", False))
    run.italic = bool(kwargs.get("italic", False))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _grid(doc: DocxDocument, rows: int, widths: Sequence[float]) -> Table:
    table: Table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, widths)
    return table


def set_widths(table: Table, widths: Sequence[float]) -> None:
    """Column widths in cm on the grid and every cell (Word reads the cells, LibreOffice the grid)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    # One pass over the cell list: python-docx rebuilds a row's cells on every `row.cells`.
    cells = table._cells
    for index, cell in enumerate(cells):
        cell.width = Cm(widths[index % len(widths)])


def date_line(place: str, date: dt.date | None) -> str:
    """ "Mường Tè, ngày 05 tháng 01 năm 2024"; a draft without a date leaves the blanks to fill."""
    when = vn_date_long(date) if date else "ngày      tháng      năm"
    return f"{place}, {when}"


def header_block(doc: DocxDocument, head: DocumentHead) -> Table:
    """Issuer (left) and national motto (right); number (left) and place and date (right)."""
    table = _grid(doc, 2, (6.5, 10.0))
    left, right = table.rows[0].cells
    _first(left, head.parent_body.upper(), size=13)
    para(left, head.issuing_body.upper(), size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    para(left, "─────", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _first(right, MOTTO_COUNTRY, size=12, bold=True)
    para(right, MOTTO, size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    para(right, "────────────────", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    number, when = table.rows[1].cells
    _first(number, head.number_line, size=13)
    _first(when, date_line(head.place, head.date), size=13, italic=True)
    return table


def title(doc: DocxDocument, head: DocumentHead) -> None:
    para(doc, "", after=0)
    para(doc, head.type_name.upper(), size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    para(doc, head.subject, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)


def signature_block(doc: DocxDocument, head: DocumentHead) -> Table:
    """ "Nơi nhận" (left, 12/11 pt) beside the signer's authority, title and name (right)."""
    table = _grid(doc, 1, (8.0, 8.5))
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    run = first.add_run("Nơi nhận:")
    run.bold = run.italic = True
    run.font.size = Pt(12)
    first.paragraph_format.space_after = Pt(0)
    lines = [f"- {clean(r).rstrip(' ;.')};" for r in head.recipients if clean(r).strip()]
    lines.append(f"- {clean(head.archive).strip().rstrip('.')}.")
    for line in lines:
        para(left, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    signer = head.signer
    _first(right, signer.lines[0].upper() if signer.lines else "", size=13, bold=True)
    for line in signer.lines[1:]:
        para(right, line.upper(), size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    for _ in range(4):  # room for the signature and the seal
        para(right, "", after=0)
    para(right, signer.name, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    return table


def grid_table(
    doc: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    size: float = 11,
    *,
    widths: Sequence[float] = (),
) -> Table:
    """A bordered table of text cells (numbers already formatted the Vietnamese way); the second
    column is the wide, left-aligned one."""
    table: Table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        set_widths(table, widths)
    cells = table._cells  # row-major, computed once (see set_widths)
    columns = len(headers)
    for i, text in enumerate(headers):
        _first(cells[i], text, size=size, bold=True)
    for r, values in enumerate(rows, start=1):
        for i, text in enumerate(values):
            paragraph = _first(cells[r * columns + i], text, size=size)
            if i == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    return table
