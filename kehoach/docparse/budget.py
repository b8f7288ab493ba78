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
from .vocab import FUNDING_SOURCES, KIND_CODES, PROGRAMMES, SOURCE_CODES, SPENDING_KINDS

_BUDGET_HEADING = re.compile(r"nguon luc|kinh phi|nguon von|von thuc hien")
_PHASE = re.compile(
    r"giai đoạn\s+(?:[IVX]+\s*:?\s*)?(?:từ\s+)?(?:năm\s+)?((?:19|20)\d\d)\s*(?:-|–|đến)\s*(?:năm\s+)?((?:19|20)\d\d)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"(?<=[.!?])\s+(?=\S)|;\s*|,?\s+(?=(?<!\w)trong đó(?!\w))", re.IGNORECASE)


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
    total: BudgetLine | None = None
    last_source: BudgetLine | None = None
    taken = {line["code"] for line in result.lines}
    for owner in node.walk():
        for chunk in owner.body:
            for clause in chunk.split(_CLAUSE):
                clause = clause.strip(" ,;")
                amounts = money(clause.text)
                if not amounts:
                    continue
                folded = fold(clause.text)
                source = _first(folded, FUNDING_SOURCES)
                kind = next((k for kw, k in SPENDING_KINDS if has_word(folded, kw)), "total")
                if source is None and kind != "total" and last_source is not None:
                    source, parent = last_source["source"], last_source
                elif source is None:
                    continue  # an amount with no recognisable source is left to the reviewer
                elif kind != "total":
                    parent = last_source if last_source and last_source["source"] == source else total
                else:
                    parent = total if source != "total" else None
                short = code.removeprefix("CTMTQG-")
                line_code = f"NS-{short}-{SOURCE_CODES[source]}" + (f"-{KIND_CODES[kind]}" if KIND_CODES[kind] else "")
                n, unique = 1, line_code
                while unique in taken:
                    n += 1
                    unique = f"{line_code}-{n}"
                taken.add(unique)
                line = BudgetLine(
                    code=unique,
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
                result.spans.append((unique, *clause.span()))
                if source == "total" and kind == "total":
                    total = line
                elif kind == "total":
                    last_source = line


def _first(folded: str, table: tuple[tuple[tuple[str, ...], str], ...]) -> str | None:
    return next((value for keywords, value in table if all(has_word(folded, k) for k in keywords)), None)
