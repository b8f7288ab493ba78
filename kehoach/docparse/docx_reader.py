"""Paragraphs of a .docx, in document order, through python-docx.

All python-docx use is here. The container is checked (docx_safety) before python-docx sees it;
python-docx's own parser also has entity resolution off. Tables are read cell by cell, row by row,
because plans put the header (agency | national motto) and the signature block in tables.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from kehoach.plans.document import Finding

from .docx_safety import check_container, scan_parts
from .errors import PlanParseError
from .numbering import Numbering, W
from .reader import RawDocument, RawPara

_HEADING_STYLE = re.compile(r"^(?:heading|tiêu đề|đề mục)\s*(\d)$", re.IGNORECASE)
_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def read_docx(data: bytes, *, max_bytes: int) -> RawDocument:
    """Read a .docx after the container checks; every failure becomes a PlanParseError."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_container(archive, max_bytes=max_bytes)
            scan = scan_parts(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise PlanParseError("Tệp .docx bị hỏng hoặc không phải tệp Word hợp lệ.") from exc
    try:
        import docx  # deferred: importing python-docx costs time and only .docx needs it

        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_paragraphs(document))
    except PlanParseError:
        raise
    except (ValueError, KeyError, zipfile.BadZipFile, SyntaxError, AttributeError) as exc:
        # ValueError: not a Word document (e.g. macro-enabled or a spreadsheet renamed .docx);
        # SyntaxError: lxml's XMLSyntaxError for a broken part.
        raise PlanParseError("Tệp .docx bị hỏng hoặc không phải văn bản Word hợp lệ.") from exc
    findings = [
        Finding(
            severity="info",
            code="external_hyperlink",
            message=f"Văn bản có liên kết ra ngoài: {link[:200]} (không được mở khi nhập).",
            location="plan",
        )
        for link in dict.fromkeys(scan.external_links)
    ]
    return RawDocument(paragraphs, findings)


def _paragraphs(document: Any) -> Iterator[RawPara]:
    numbering = Numbering.from_xml(_numbering_root(document))
    styles = {str(s.style_id): s for s in document.styles}
    yield from _walk(document.element.body, numbering, styles)


def _numbering_root(document: Any) -> Any:
    for rel in document.part.rels.values():
        if rel.reltype == _NUMBERING_REL and not rel.is_external:
            return rel.target_part.element
    return None


def _walk(container: Any, numbering: Numbering, styles: dict[str, Any]) -> Iterator[RawPara]:
    # The XML is walked directly (not python-docx's row.cells, which repeats merged cells): each
    # w:tc holds its own content once, a vertically merged continuation cell is empty.
    for child in container.iterchildren():
        if child.tag == W + "p":
            yield from _paragraph(child, numbering, styles)
        elif child.tag == W + "tbl":
            for row in child.iterchildren(W + "tr"):
                for cell in row.iterchildren(W + "tc"):
                    yield from _walk(cell, numbering, styles)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins"):
            yield from _walk(child, numbering, styles)


def _paragraph(p: Any, numbering: Numbering, styles: dict[str, Any]) -> Iterator[RawPara]:
    text = str(p.text or "")
    style_id = _ppr_val(p, "pStyle")
    style = styles.get(style_id) if style_id else None
    level = _heading_level(p, style)
    label = None
    num_id, ilvl = _num_pr(p)
    if num_id is None and style is not None:
        num_id, ilvl = _num_pr(style.element)
    if num_id is not None and num_id != "0" and text.strip():
        label = numbering.label(num_id, ilvl)
    # A soft line break (Shift+Enter) separates lines the parser must see apart (signature block).
    lines = text.split("\n")
    for i, line in enumerate(lines):
        yield RawPara(line, level, label if i == 0 else None)


def _ppr_val(el: Any, tag: str) -> str | None:
    ppr = el.find(W + "pPr")
    node = ppr.find(W + tag) if ppr is not None else None
    return None if node is None else str(node.get(W + "val"))


def _num_pr(el: Any) -> tuple[str | None, int]:
    ppr = el.find(W + "pPr")
    num_pr = ppr.find(W + "numPr") if ppr is not None else None
    if num_pr is None:
        return None, 0
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    level = int(str(ilvl.get(W + "val", "0"))) if ilvl is not None else 0
    return (None if num_id is None else str(num_id.get(W + "val"))), level


def _heading_level(p: Any, style: Any) -> int | None:
    outline = _ppr_val(p, "outlineLvl")
    if outline is None and style is not None:
        match = _HEADING_STYLE.match(str(style.name or ""))
        if match:
            return int(match.group(1))
        outline = _ppr_val(style.element, "outlineLvl")
    if outline is not None and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    return None
