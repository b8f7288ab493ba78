"""Build .docx plans for the tests with python-docx: with or without Heading styles, with labels
typed or produced by Word numbering, and with the header and signature blocks in tables."""

from __future__ import annotations

import copy
import io
import re

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PART = re.compile(r"^([IVX]+)\.\s+")
ITEM = re.compile(r"^(\d+)\.\s+")
POINT = re.compile(r"^([a-zđ])\)\s+")
SUB = re.compile(r"^(?:-\s*)?\+\s*")
BULLET = re.compile(r"^-\s*")
# One multi-level list: I. / 1. / a) / - / + (what a Vietnamese plan template defines).
NUMBERING = f"""<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _level(line: str) -> tuple[int, re.Match[str]] | None:
    # "- +" is a sub-bullet, so the "+" pattern is tried before the plain bullet.
    for level, pattern in ((0, PART), (1, ITEM), (2, POINT), (4, SUB), (3, BULLET)):
        if m := pattern.match(line):
            return level, m
    return None


def _is_heading(level: int, rest: str) -> bool:
    return level <= 2 and not rest.rstrip().endswith((".", ";"))


def build_docx(
    text: str,
    *,
    headings: bool = False,
    drop_part_labels: bool = False,
    auto_numbering: bool = False,
    tables: bool = False,
) -> bytes:
    """A .docx holding the plan `text` (one paragraph per non-blank line)."""
    document = docx.Document()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if auto_numbering:
        numbering = document.part.numbering_part.element
        numbering.insert(0, parse_xml(NUMBERING))
        numbering.append(parse_xml(NUM))
    if tables:
        lines = _header_table(document, lines)
        signature = _split_signature(lines)
        lines = lines[: len(lines) - len(signature)] if signature else lines
    for line in lines:
        found = _level(line)
        if found is None:
            document.add_paragraph(line)
            continue
        level, m = found
        rest = line[m.end() :]
        heading = headings and _is_heading(level, rest)
        shown = rest if (auto_numbering or (drop_part_labels and level == 0 and heading)) else line
        paragraph = document.add_heading(shown, level=level + 1) if heading else document.add_paragraph(shown)
        if auto_numbering:
            _number(paragraph, level)
    if tables and signature:
        _signature_table(document, signature)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _number(paragraph: Paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    ppr.append(copy.deepcopy(num_pr))
    assert ppr.find(qn("w:numPr")) is not None


def _header_table(document: Document, lines: list[str]) -> list[str]:
    """Move the agency lines, number and date into a 2 x 2 table, as Word templates do."""
    number = next(i for i, line in enumerate(lines) if line.startswith("Số:"))
    date = next(i for i, line in enumerate(lines) if ", ngày" in line)
    agency = [line for line in lines[:number] if line.isupper() and "CỘNG HÒA" not in line]
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "\n".join(agency)
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = lines[number]
    table.cell(1, 1).text = lines[date]
    return lines[max(number, date) + 1 :]


def _split_signature(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line.startswith("Nơi nhận")), None)
    return lines[start:] if start is not None else []


def _signature_table(document: Document, lines: list[str]) -> None:
    """Recipients in the left cell, the signature block in the right one."""
    sign = next(i for i, line in enumerate(lines) if line.startswith(("TM.", "KT.", "TL.")))
    table = document.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.text = lines[0]
    for line in lines[1:sign]:
        left.add_paragraph(line)
    right.text = lines[sign]
    for line in lines[sign + 1 :]:
        right.add_paragraph(line)
