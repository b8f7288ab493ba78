"""Documents a plan implements: "Căn cứ ..." (basis) and "Thực hiện ..." (instruction) paragraphs.

A citation gives kind, number/symbol, date, issuer and subject: "Nghị quyết số 10/NQ-CP ngày
28/01/2022 của Chính phủ về ban hành Chiến lược ...". One paragraph may cite several documents
separated by ";".
"""

from __future__ import annotations

import re
from datetime import date

from kehoach.plans.document import ImplementedDoc

from .spans import Chunk
from .vocab import CITATION_KINDS

_RELATION = re.compile(r"^(Căn cứ|Thực hiện)\s+", re.IGNORECASE)
_NUMBER = re.compile(r"(?:số\s+)?(\d+[\w.]*/[\w.\-Đđ]*[\wĐđ])", re.IGNORECASE)
_SHORT_DATE = re.compile(r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_ISSUER = re.compile(
    r"\bcủa\s+(.+?)"
    r"(?=\s+(?:về|v/v|phê duyệt|ban hành|quy định|hướng dẫn|sửa đổi|giao|triển khai)\s|[;,]|\.?$)"
)
_SUBJECT = re.compile(r"\s((?:về việc|về|V/v|v/v)\s+.+?)\s*[;.]?$")
_NAME_END = re.compile(r"\s+(?:số\s|ngày\s|của\s|\d+[\w.]*/)")


def iso_date(day: str, month: str, year: str) -> str | None:
    """ "28", "1", "2022" -> "2022-01-28"; None for an impossible date."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_citations(chunk: Chunk) -> list[ImplementedDoc]:
    """The documents cited by one "Căn cứ"/"Thực hiện" paragraph (empty for other paragraphs)."""
    m = _RELATION.match(chunk.text)
    if not m:
        return []
    relation = "basis" if m.group(1).lower() == "căn cứ" else "instruction"
    out: list[ImplementedDoc] = []
    for piece in re.split(r";\s*", chunk.text[m.end() :]):
        doc = _citation(piece.strip().rstrip("."), relation)
        if doc is not None:
            out.append(doc)
    return out


def _citation(text: str, relation: str) -> ImplementedDoc | None:
    kind = next((k for k in CITATION_KINDS if text.lower().startswith(k.lower())), None)
    number = _NUMBER.search(text)
    if kind is None and number is None:
        return None  # "Thực hiện ý kiến chỉ đạo ..." cites no document
    found_date = _SHORT_DATE.search(text) or _LONG_DATE.search(text)
    issuer = _ISSUER.search(text)
    subject = _SUBJECT.search(text)
    title = subject.group(1) if subject else None
    if title is None and issuer is not None and issuer.end() < len(text):
        title = text[issuer.end() :].strip(" ,;.") or None  # "... của Thủ tướng Chính phủ phê duyệt ..."
    if title is None and kind is not None:
        rest = text[len(kind) :]
        end = _NAME_END.search(rest)
        title = (rest[: end.start()] if end else rest).strip() or None
    return ImplementedDoc(
        kind=text[: len(kind)] if kind else text.split(" số ")[0].strip(),
        number=number.group(1) if number else None,
        date=iso_date(*found_date.groups()) if found_date else None,
        issuer=issuer.group(1).strip() if issuer else None,
        title=title,
        relation="basis" if relation == "basis" else "instruction",
    )
