"""Responsibilities and obligations from the "TỔ CHỨC THỰC HIỆN" part.

Each item (or point) names an agency ("1. Phòng Dân tộc huyện", or "- Phòng X: ...") and what it
must do. Obligations are read clause by clause: an annual report ("định kỳ hàng năm ... báo cáo
..." with its recipients), the mid-term and final reviews ("sơ kết ... năm 2025", "tổng kết ...
năm 2030"), commune plans ("xây dựng kế hoạch" given to communes) and publication ("công khai",
which plans often write among the solutions: it is looked for in the whole document and given to
the first agency of the organisation part, the plan's lead office).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.plans.document import Obligation, Responsibility

from .agencies import agencies_at
from .spans import Chunk
from .structure import Node
from .text import fold

_ORG_HEADING = re.compile(r"to chuc thuc hien|trach nhiem thuc hien|phan cong thuc hien")
_AGENCY_COLON = re.compile(r"^(?P<agency>[^:]{3,120}?)\s*:\s*(?P<rest>\S.*)$")
_ANNUAL = re.compile(r"(?<!\w)(?:hàng|hằng) năm(?!\w)|định kỳ năm", re.IGNORECASE)
_REPORT_TO = re.compile(
    r"báo cáo\s+(?:kết quả\s+)?(?:về\s+|với\s+|gửi\s+|lên\s+|cho\s+)?(?P<to>[^.;]+)", re.I
)
_REVIEW = re.compile(
    r"(?P<kind>sơ kết|tổng kết)(?:.*?năm\s+(?P<year>(?:19|20)\d\d))?(?=\s+và\s+(?:sơ|tổng) kết|[.;]|$)",
    re.IGNORECASE,
)
_COMMUNE = re.compile(r"(?<!\w)(?:cac xa|cap xa|xa, thi tran)(?!\w)")
_PUBLICATION = re.compile(r"(?<!\w)công khai(?!\w)", re.IGNORECASE)
_CLAUSE = re.compile(r";\s*")


@dataclass
class OrganisationResult:
    """Responsibilities and obligations, and the span each code was read from."""

    responsibilities: list[Responsibility] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)


def extract_organisation(roots: list[Node]) -> OrganisationResult:
    """Responsibilities and obligations of the whole tree."""
    result = OrganisationResult()
    org_nodes: set[int] = set()
    for node in (n for root in roots for n in root.walk()):
        if node.kind in ("part", "item") and node.title and _ORG_HEADING.search(fold(node.title.text)):
            org_nodes |= {id(n) for n in node.walk()}
            for block in node.children:
                if block.kind in ("item", "point", "bullet"):
                    _block(block, result)
    lead = result.responsibilities[0]["agency"] if result.responsibilities else None
    for node in (n for root in roots for n in root.walk()):
        if lead is not None and id(node) not in org_nodes:
            for chunk in node.body:
                for clause in chunk.split(_CLAUSE):
                    if _PUBLICATION.search(clause.text):
                        _add(result, "publication", lead, [], "annual", None, clause.strip(" ;."), node)
    return result


def _block(node: Node, result: OrganisationResult) -> None:
    chunks = [c for n in node.walk() for c in n.body]
    bullets = [n for n in node.walk()[1:] if n.kind in ("bullet", "sub_bullet") and n.body]
    if node.title is not None:
        agency = node.title.text.rstrip(" :.")
    elif chunks and (m := _AGENCY_COLON.match(chunks[0].text)):
        agency = m.group("agency")
        chunks[0] = chunks[0].sub(m.start("rest"))
    else:
        return  # no agency named: not a responsibility block
    if bullets:
        duties = [n.body[0].text for n in bullets]
        text = "\n".join(f"{n.label} {n.body[0].text}" for n in bullets)
    else:
        duties = [d.text.strip(" .") for c in chunks for d in c.split(_CLAUSE) if d.text.strip(" .")]
        text = "\n".join(c.text for c in chunks)
    code = f"TC-{len(result.responsibilities) + 1:02d}"
    result.responsibilities.append(
        Responsibility(code=code, section=node.code, agency=agency, text=text, duties=duties)
    )
    result.spans.append((code, node.start, max([node.start, *(c.span()[1] for c in chunks)])))
    for owner in node.walk():
        for chunk in owner.body:
            for clause in chunk.split(_CLAUSE):
                _clause_obligations(clause.strip(" "), agency, owner, result)


def _clause_obligations(clause: Chunk, agency: str, owner: Node, result: OrganisationResult) -> None:
    """Obligations stated in one clause; the wording kept is the part that states each."""
    text = clause.text
    annual = _ANNUAL.search(text)
    if annual and "báo cáo" in text.lower():
        to = list(_REPORT_TO.finditer(text))
        recipients = next((found for m in reversed(to) if (found := agencies_at(m.group("to")))), [])
        start = text.rfind(", ", 0, annual.start())  # from the comma piece that says "hàng năm"
        _add(
            result,
            "annual_report",
            agency,
            recipients,
            "annual",
            None,
            clause.sub(start + 2 if start >= 0 else 0),
            owner,
        )
    for m in _REVIEW.finditer(text):
        kind = "midterm_review" if m.group("kind").lower() == "sơ kết" else "final_review"
        year = int(m.group("year")) if m.group("year") else None
        # The wording runs from the clause start to this review's year (to the end of the sentence
        # when nothing else follows).
        end = len(text) if text[m.end() :].strip() in ("", ".") else m.end()
        _add(result, kind, agency, [], "once", year, clause.sub(0, end), owner)
    if "xây dựng kế hoạch" in text.lower() and _COMMUNE.search(fold(agency)):
        _add(result, "commune_plan", agency, [], "once", None, clause, owner)
    if _PUBLICATION.search(text):
        _add(result, "publication", agency, [], "annual", None, clause, owner)


def _add(
    result: OrganisationResult,
    kind: str,
    agency: str,
    recipients: list[str],
    frequency: str,
    due: int | None,
    wording: Chunk,
    owner: Node,
) -> None:
    code = f"BC-{len(result.obligations) + 1:02d}"
    result.obligations.append(
        Obligation(
            code=code,
            section=owner.code,
            kind=kind,
            agency=agency,
            recipients=recipients,
            frequency=frequency,
            due_year=due,
            text=wording.text,
        )
    )
    result.spans.append((code, *wording.span()))
