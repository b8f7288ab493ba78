"""Objectives and targets from the "MỤC TIÊU" part.

The milestone year of a target comes from the heading it sits under ("Mục tiêu đến năm 2025",
"Tầm nhìn đến năm 2045"); a "Mục tiêu cụ thể" heading without a year uses the end of the plan
period. A bullet is split into clauses at ";" and sentence ends, at "trong đó" (a sub-target of
the clause before it), and at commas that separate two figures ("trên 99,5%, ... trên 99,95%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.plans.document import Objective, Target

from .numbers import plain
from .quantities import Quantity, quantities
from .spans import Chunk
from .structure import Node
from .target_kinds import classify, measure, population, sector
from .text import fold

# A target heading starts with its keyword ("Mục tiêu đến năm 2025", "Các chỉ tiêu ... năm 2025");
# "Chương trình mục tiêu quốc gia ... giai đoạn 2021 - 2025" is a programme, not a milestone.
_MILESTONE = re.compile(
    r"^(?:\d+\.\s*)?(?:cac |nhom )?(?:muc tieu|tam nhin|chi tieu|dinh huong)(?! quoc gia)\b.*?"
    r"\b(?:nam|den|doan)\s+(\d{4})(?:\s*-\s*(\d{4}))?"
)
_GENERAL = re.compile(r"muc tieu (?:tong quat|chung)")
_SPECIFIC = re.compile(r"^(?:cac |nhom )?(?:muc tieu cu the|chi tieu)")
_CLAUSE = re.compile(r";\s*|(?<=[.!?])\s+(?=\S)")
_SUB = re.compile(r",?\s*(?=(?<!\w)trong đó(?!\w))", re.IGNORECASE)
_COMMA = re.compile(r",\s+")
_ELLIPTIC = re.compile(r"^(?:trên|dưới|ít nhất|tối thiểu|khoảng)?\s*[\d.,]+\s*%\s+(?:được|có|đạt)(?!\w)")
_RANGE = re.compile(r"^\s*(?:-|–|đến|tới)\s*$")


@dataclass
class TargetResult:
    """Objectives and targets, and the (code, start, end) span each was read from."""

    objectives: list[Objective] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)


def milestone_of(node: Node, period_end: int) -> int | None:
    """The milestone year a heading announces, or None when it is not a target heading.

    The heading is the title, or a short first sentence of a section that has sub-sections
    ("a) Mục tiêu đến năm 2025." written with a full stop)."""
    heading = _heading(node)
    if heading is None:
        return None
    folded = fold(heading.text)
    m = _MILESTONE.search(folded)
    if m:
        return int(m.group(2) or m.group(1))
    if _SPECIFIC.search(folded) and not any(milestone_of(c, period_end) for c in node.walk()[1:]):
        return period_end
    return None


def _heading(node: Node) -> Chunk | None:
    if node.title is not None:
        return node.title
    first = node.body[0] if node.body and node.children else None
    return first if first is not None and len(first.text.split()) <= 12 else None


def extract_targets(nodes: list[Node], period_end: int) -> TargetResult:
    """Objectives and targets of the whole section tree."""
    result = TargetResult()
    counters: dict[int, int] = {}
    for node in nodes:
        if node.title is not None and _GENERAL.search(fold(node.title.text)):
            for chunk in _wording(node, skip=set()):
                code = f"O-{len(result.objectives) + 1:02d}"
                result.objectives.append(
                    Objective(code=code, section=_owner(node, chunk).code, text=chunk.text)
                )
                result.spans.append((code, *chunk.span()))
            continue
        year = milestone_of(node, period_end)
        if year is None:
            continue
        nested = {id(n) for n in node.walk()[1:] if milestone_of(n, period_end) is not None}
        for chunk in _wording(node, skip=nested):  # nested headings count on their own
            _clauses(chunk, _owner(node, chunk), year, counters, result)
    return result


def _wording(node: Node, skip: set[int]) -> list[Chunk]:
    """Body chunks of `node` and its descendants, minus the heading of `node` and "(...)" notes."""
    out: list[Chunk] = []
    stack = [node]
    while stack:
        current = stack.pop(0)
        if id(current) in skip:
            continue
        heading = _heading(current) if current is node else None
        out += [c for c in current.body if c is not heading and not re.fullmatch(r"\(.*\)\.?", c.text)]
        stack = current.children + stack
    return out


def _owner(node: Node, chunk: Chunk) -> Node:
    return next((n for n in node.walk() if any(c is chunk for c in n.body)), node)


def _clauses(chunk: Chunk, owner: Node, year: int, counters: dict[int, int], result: TargetResult) -> None:
    context = chunk.text
    previous: Target | None = None  # the last top-level target of this paragraph
    for clause in chunk.split(_CLAUSE):
        # "...; trên 90% được bồi dưỡng ..." has no subject of its own: it continues the
        # subject of the clause before, as a sub-target of the same parent.
        elliptic = previous if _ELLIPTIC.match(clause.text) else None
        head: Target | None = None
        for i, part in enumerate(clause.split(_SUB, keep=True)):
            part = part.strip(" ,;")
            if not part.text or part.text.endswith(":") or len(part.text.split()) < 3:
                continue
            parent = head if i else elliptic
            added = [
                _add(seg, q, owner, year, counters, result, context, parent) for seg, q in _segments(part)
            ]
            if i == 0 and added:
                head = added[0]
        if head is not None and elliptic is None:
            previous = head


def _segments(part: Chunk) -> list[tuple[Chunk, Quantity | None]]:
    """Split a clause at commas between figures; pair each piece with its quantity."""
    text = part.text
    pieces, pos = [], 0
    for m in _COMMA.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    groups: list[list[int]] = []  # [start, stop, has a figure]
    for start, stop in pieces:
        has = int(bool(quantities(text[start:stop])))
        if groups and not (has and groups[-1][2]):
            groups[-1][1], groups[-1][2] = stop, groups[-1][2] or has
        else:
            groups.append([start, stop, has])
    out: list[tuple[Chunk, Quantity | None]] = []
    for start, stop, _ in groups:
        seg = part.sub(start, stop).strip(" ,;")
        found = quantities(seg.text)
        kept = [
            q for j, q in enumerate(found) if j == 0 or not _RANGE.match(seg.text[found[j - 1].end : q.start])
        ]
        out += [(seg, q) for q in kept] if kept else [(seg, None)]
    return out


def _add(
    seg: Chunk,
    q: Quantity | None,
    owner: Node,
    year: int,
    counters: dict[int, int],
    result: TargetResult,
    context: str,
    parent: Target | None,
) -> Target:
    counters[year] = counters.get(year, 0) + 1
    code = f"T{year}-{counters[year]:02d}"
    meaning = classify(seg.text, q)
    pop = parent["population"] if parent and "population" in parent else population(seg.text)
    target = Target(
        code=code,
        section=owner.code,
        text=seg.text,
        milestone_year=year,
        quantified=meaning.kind != "qualitative",
        comparator=meaning.comparator,
        value=None if meaning.value is None else plain(meaning.value),
        unit=meaning.unit,
        kind=meaning.kind,
        direction=meaning.direction,
        measure=measure(seg.text, q, meaning, pop == "ethnic_minority"),
        sector=sector(seg.text, context, owner.heading),
        population=pop,
        relative_to=meaning.relative_to,
        parent=parent["code"] if parent else None,
    )
    result.targets.append(target)
    result.spans.append((code, *seg.span()))
    return target
