"""Budget lines from the "NGUỒN LỰC" / "KINH PHÍ" part.

Under each programme heading ("Chương trình ...") every clause with an amount is a line: its
source ("ngân sách Trung ương" -> central ...) and kind ("Vốn đầu tư" -> investment) come from
keywords. A line that names a kind but no source ("+ Vốn đầu tư: ...") is a component of the
line above it; a source line is a component of the programme's total. Amounts are in million đồng
("tỷ đồng" x 1000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.plans.document import BudgetLine

from .numbers import plain
from .quantities import money
from .spans import Chunk
from .structure import Node
from .text import fold, has_word
from .vocab import FUNDING_SOURCES, KIND_CODES, PROGRAMME_SHORT, PROGRAMMES, SOURCE_CODES, SPENDING_KINDS

_BUDGET_HEADING = re.compile(r"nguon luc|kinh phi|nguon von|von thuc hien")
_PHASE = re.compile(
    r"giai đoạn\s+(?:[IVX]+\s*:?\s*)?(?:từ\s+)?(?:năm\s+)?((?:19|20)\d\d)"
    r"\s*(?:-|–|đến)\s*(?:năm\s+)?((?:19|20)\d\d)",
    re.IGNORECASE,
)
# Where a sentence with several amounts is cut: sentence ends, ";", ",", "(" and "trong đó".
_CLAUSE = re.compile(r"(?<=[.!?])\s+(?=\S)|;\s*|,\s+|\s*\(|\)|\s+(?=(?<!\w)trong đó(?!\w))", re.IGNORECASE)


@dataclass
class BudgetResult:
    """Budget lines and the span of the clause each was read from."""

    lines: list[BudgetLine] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)


def programme_code(heading: str) -> str:
    """Programme code from a heading: known national programmes by keyword, else a slug."""
    folded = fold(heading)
    for keywords, code in PROGRAMMES:
        if all(has_word(folded, k) for k in keywords):
            return code
    words = re.sub(r"[^a-z0-9 ]", " ", folded.replace("chuong trinh", "")).split()[:6]
    return "CT-" + "-".join(words).upper() if words else "CT"


def extract_budget(roots: list[Node]) -> BudgetResult:
    """Budget lines of every budget part or item in the tree."""
    result = BudgetResult()
    for node in (n for root in roots for n in root.walk()):
        if node.kind in ("part", "item") and node.title and _BUDGET_HEADING.search(fold(node.title.text)):
            programmes = [c for c in node.children if "chuong trinh" in fold(c.heading)]
            for programme in programmes or [node]:
                _programme(programme, result)
    return result


def _programme(node: Node, result: BudgetResult) -> None:
    heading = node.heading
    code = programme_code(heading) if "chuong trinh" in fold(heading) else "KHAC"
    phases = _PHASE.findall(heading)
    phase = f"{phases[-1][0]}-{phases[-1][1]}" if phases else None
    short = PROGRAMME_SHORT.get(code, code.removeprefix("CTMTQG-"))
    total: BudgetLine | None = None  # the programme's "Tổng vốn" line
    last_source: BudgetLine | None = None  # the last source line ("Vốn ngân sách Trung ương")
    taken = {line["code"] for line in result.lines}
    for owner in node.walk():
        for clause in (c for chunk in owner.body for c in _clauses(chunk)):
            amounts = money(clause.text)
            found = _source_kind_parent(fold(clause.text), total, last_source) if amounts else None
            if found is None:
                continue  # no amount, or an amount with no recognisable source: left to the reviewer
            source, kind, parent = found
            suffix = f"-{KIND_CODES[kind]}" if KIND_CODES[kind] else ""  # no suffix for a total
            line_code = _unique(f"NS-{short}-{SOURCE_CODES[source]}{suffix}", taken)
            line = BudgetLine(
                code=line_code,
                section=owner.code,
                programme=code,
                phase=phase,
                source=source,
                kind=kind,
                amount_million_vnd=plain(amounts[0][0]),
                text=clause.text,
                parent=parent["code"] if parent else None,
            )
            result.lines.append(line)
            result.spans.append((line_code, *clause.span()))
            if source == "total" and kind == "total":
                total = line
            elif kind == "total":
                last_source = line


def _clauses(chunk: Chunk) -> list[Chunk]:
    # A line with one amount is kept whole ("..., trong đó:"); a sentence with several amounts is
    # cut into clauses, one per amount.
    if len(money(chunk.text)) == 1:
        return [chunk]
    return [c.strip(" ,;()") for c in chunk.split(_CLAUSE)]


def _source_kind_parent(
    folded: str, total: BudgetLine | None, last_source: BudgetLine | None
) -> tuple[str, str, BudgetLine | None] | None:
    """Source, kind and parent line of a clause; None when no source can be told."""
    source = _first(folded, FUNDING_SOURCES)
    kind = next((k for kw, k in SPENDING_KINDS if has_word(folded, kw)), "total")
    if source is None:
        # "+ Vốn đầu tư: ..." names a kind only: a component of the source line above it.
        return (last_source["source"], kind, last_source) if kind != "total" and last_source else None
    if kind != "total":
        return source, kind, last_source if last_source and last_source["source"] == source else total
    return source, kind, total if source != "total" else None


def _unique(code: str, taken: set[str]) -> str:
    n, unique = 1, code
    while unique in taken:
        n += 1
        unique = f"{code}-{n}"
    taken.add(unique)
    return unique


def _first(folded: str, table: tuple[tuple[tuple[str, ...], str], ...]) -> str | None:
    return next((value for keywords, value in table if all(has_word(folded, k) for k in keywords)), None)
