"""Responsibilities and obligations from the "TỔ CHỨC THỰC HIỆN" part.

Each item (or point) names an agency ("1. Phòng Dân tộc huyện", or "- Phòng X: ...") and what it
must do. Obligations are read from those duties: an annual report ("định kỳ hàng năm ... báo
cáo ..." with its recipients), the mid-term and final reviews ("sơ kết ... năm 2025", "tổng kết
... năm 2030"), commune plans ("xây dựng kế hoạch" given to communes) and publication ("công khai").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.plans.document import Obligation, Responsibility

from .spans import Chunk
from .structure import Node
from .text import fold

_ORG_HEADING = re.compile(r"to chuc thuc hien|trach nhiem thuc hien|phan cong thuc hien")
_AGENCY_COLON = re.compile(r"^(?P<agency>[^:]{3,120}?)\s*:\s*(?P<rest>\S.*)$")
_ANNUAL = re.compile(r"(?<!\w)(?:định kỳ )?(?:hàng|hằng) năm(?!\w)|định kỳ năm", re.IGNORECASE)
_REPORT_TO = re.compile(r"báo cáo\s+(?:kết quả\s+)?(?:về\s+|với\s+|gửi\s+|lên\s+)(?P<to>[^.;]+)", re.IGNORECASE)
_REVIEW = re.compile(r"(?P<kind>sơ kết|tổng kết)(?P<between>.*?)(?:năm\s+(?P<year>(?:19|20)\d\d))?(?=\s+và\s+(?:sơ|tổng) kết|[.;]|$)", re.IGNORECASE)
_COMMUNE = re.compile(r"(?<!\w)(?:xa|xa, thi tran|cac xa|cap xa)(?!\w)")
_RECIPIENT_SPLIT = re.compile(r",\s*|\s+và\s+")


@dataclass
class OrganisationResult:
    """Responsibilities and obligations, and the span each code was read from."""

    responsibilities: list[Responsibility] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)


def extract_organisation(roots: list[Node]) -> OrganisationResult:
    """Responsibilities and obligations of every organisation part in the tree."""
    result = OrganisationResult()
    for root in roots:
        for node in root.walk():
            if node.kind in ("part", "item") and node.title and _ORG_HEADING.search(fold(node.title.text)):
                for block in node.children:
                    if block.kind in ("item", "point", "bullet"):
                        _block(block, result)
    return result


def _block(node: Node, result: OrganisationResult) -> None:
    duties: list[Chunk] = [c for n in node.walk() for c in n.body]
    if node.title is not None:
        agency = node.title.text.rstrip(" :.")
    elif duties and (m := _AGENCY_COLON.match(duties[0].text)):
        agency = m.group("agency")
        duties[0] = duties[0].sub(m.start("rest"))
    else:
        return  # no agency named: not a responsibility block
    code = f"TN-{len(result.responsibilities) + 1:02d}"
    result.responsibilities.append(
        Responsibility(code=code, section=node.code, agency=agency, text="\n".join(d.text for d in duties), duties=[d.text for d in duties])
    )
    first = node.title or (duties[0] if duties else None)
    if first is not None:
        result.spans.append((code, first.span()[0], (duties[-1] if duties else first).span()[1]))
    for duty in duties:
        owner = next((n for n in node.walk() if any(c is duty for c in n.body)), node)
        for kind, recipients, frequency, due in _obligations(duty.text, agency):
            ob_code = f"NVBC-{len(result.obligations) + 1:02d}"
            result.obligations.append(
                Obligation(
                    code=ob_code,
                    section=owner.code,
                    kind=kind,
                    agency=agency,
                    recipients=recipients,
                    frequency=frequency,
                    due_year=due,
                    text=duty.text,
                )
            )
            result.spans.append((ob_code, *duty.span()))


def _obligations(text: str, agency: str) -> list[tuple[str, list[str], str, int | None]]:
    """(kind, recipients, frequency, due year) of each obligation stated in one duty."""
    found: list[tuple[str, list[str], str, int | None]] = []
    lower = text.lower()
    if _ANNUAL.search(text) and "báo cáo" in lower:
        to = list(_REPORT_TO.finditer(text))
        recipients = [r.strip() for r in _RECIPIENT_SPLIT.split(to[-1].group("to")) if r.strip()] if to else []
        found.append(("annual_report", recipients, "annual", None))
    for m in _REVIEW.finditer(text):
        kind = "midterm_review" if m.group("kind").lower() == "sơ kết" else "final_review"
        found.append((kind, [], "once", int(m.group("year")) if m.group("year") else None))
    if "xây dựng kế hoạch" in lower and _COMMUNE.search(fold(agency)):
        found.append(("commune_plan", [], "once", None))
    if re.search(r"(?<!\w)công khai(?!\w)", lower):
        found.append(("publication", [], "once", None))
    return found
