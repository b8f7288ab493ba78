"""The section tree of a plan: "I." parts, "1." items, "a)" points, "-" bullets, "+" sub-bullets.

Codes follow docs/plan-data-format.md: the path of labels (`II.2.a.b3`, `III.2.b.b1.p2`), with a
`#2` suffix when a label is repeated under the same parent (a document with two "IV."). Lines
before the first part are the preamble (header, title, citations); "Trên đây là", "Nơi nhận:" and
the signature block start the closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.plans.document import Section

from .numbering import roman
from .spans import Chunk, Line
from .text import fold
from .vocab import DOC_TYPES

LEVELS = {"part": 1, "item": 2, "point": 3, "bullet": 4, "sub_bullet": 5}
VN_LETTERS = "abcdđeghiklmnopqrstuvxy"
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"^([IVXLC]{1,7})[.)/]\s+(?=\S)")),
    ("item", re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")),
    ("point", re.compile(r"^([a-zđ])\)\s*(?=\S)")),
    ("sub_bullet", re.compile(r"^(?:[-–—•]\s*)?(\+)\s*")),
    ("bullet", re.compile(r"^([-–—•●▪◦*])\s*")),
)
_SENTENCE_END = (".", ";", "!", "?", "…")
_TERMINAL = (*_SENTENCE_END, ":")  # a line ending so is finished; the next line starts a paragraph
_CLOSING = re.compile(r"^(tren day la|noi nhan|tm\.|kt\.|tl\.|tuq\.)")


@dataclass
class Node:
    """One section of the tree, with the chunks of its own wording."""

    code: str
    kind: str
    label: str
    parent: Node | None
    start: int = 0  # offset of the label in the normalised text
    title: Chunk | None = None
    body: list[Chunk] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def section(self) -> Section:
        """The node as a `kehoach.plan/1` section."""
        out = Section(
            code=self.code, parent=self.parent.code if self.parent else None, label=self.label, kind=self.kind
        )
        if self.title is not None:
            out["title"] = self.title.text
        if self.body:
            out["text"] = "\n".join(chunk.text for chunk in self.body)
        return out

    def walk(self) -> list[Node]:
        """This node and all its descendants in document order."""
        return [self, *(n for child in self.children for n in child.walk())]

    def span(self) -> tuple[int, int]:
        """(start, end) of the section's own wording, label included, in the normalised text."""
        chunks = ([self.title] if self.title else []) + self.body
        return self.start, max([self.start + len(self.label), *(c.span()[1] for c in chunks)])

    @property
    def heading(self) -> str:
        """Title, or the first body text when the section has no title."""
        return self.title.text if self.title else (self.body[0].text if self.body else "")


@dataclass
class Structure:
    """Preamble blocks, the section nodes in document order, closing blocks."""

    preamble: list[Chunk]
    nodes: list[Node]
    closing: list[Chunk]

    def sections(self, body_from: int = 0) -> list[Section]:
        """Every section in document order: one preamble section per paragraph from `body_from`
        (the header and title before it are plan metadata), the tree, then the closing text
        without the recipients and the signature block (also metadata)."""
        out = [
            Section(code=f"preamble-{i}", parent=None, label="", kind="preamble", text=chunk.text)
            for i, chunk in enumerate(self.preamble[body_from:], start=1)
        ]
        out += [node.section() for node in self.nodes]
        closing = []
        for chunk in self.closing:
            if _CLOSING.match(fold(chunk.text)) and not fold(chunk.text).startswith("tren day"):
                break
            closing.append(chunk.text)
        if closing:
            out.append(
                Section(code="closing", parent=None, label="", kind="closing", text="\n".join(closing))
            )
        return out


def match_label(text: str) -> tuple[str, str, int] | None:
    """(kind, label key, length of the label) when `text` starts with a section label."""
    for kind, pattern in _LABELS:
        m = pattern.match(text)
        if m and (kind != "part" or _is_roman(m.group(1))):
            return kind, m.group(1), m.end()
    return None


def _is_roman(s: str) -> bool:
    return any(roman(n) == s for n in range(1, 40))


def join_lines(lines: list[Line]) -> list[tuple[Chunk, int | None]]:
    """Logical paragraphs: a line that starts in lower case and follows an unfinished line continues it."""
    groups: list[list[Line]] = []
    for line in lines:
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None
            and not prev.text.rstrip().endswith(_TERMINAL)
            and line.text[:1].islower()
            and match_label(line.text) is None
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [(Chunk.join(group), group[0].heading_level) for group in groups]


def build(lines: list[Line]) -> Structure:
    """Build the section tree from the non-blank lines of the normalised text."""
    blocks = join_lines(lines)
    labels = [match_label(chunk.text) for chunk, _ in blocks]
    explicit_parts = any(m and m[0] == "part" for m in labels)
    if not explicit_parts:
        # Word headings without written labels open parts, but only once the body has begun: the
        # type name and a subject line styled as headings are still the header.
        kinds = [fold(chunk.text) in DOC_TYPES and chunk.text.isupper() for chunk, _ in blocks]
        type_at = kinds.index(True) if True in kinds else -1
        body_at = next((i for i in range(type_at + 1, len(blocks)) if blocks[i][1] is None), len(blocks))
        labels = [
            _synthetic(m, level) if i > body_at else m
            for i, (m, (_, level)) in enumerate(zip(labels, blocks, strict=True))
        ]
    start = _first(labels, "part")
    if start is None:
        start = _first(labels, "item")
    if start is None:
        return Structure([c for c, _ in blocks], [], [])
    end = len(blocks)
    for i in range(len(blocks) - 1, start, -1):
        m = labels[i]
        if m and m[0] in ("part", "item"):
            break
        if _CLOSING.match(fold(blocks[i][0].text)):
            end = i
    builder = _Builder()
    for (chunk, _), m in zip(blocks[start:end], labels[start:end], strict=True):
        builder.add(chunk, m)
    return Structure([c for c, _ in blocks[:start]], builder.nodes, [c for c, _ in blocks[end:]])


def _first(labels: list[tuple[str, str, int] | None], kind: str) -> int | None:
    return next((i for i, m in enumerate(labels) if m and m[0] == kind), None)


def _synthetic(m: tuple[str, str, int] | None, level: int | None) -> tuple[str, str, int] | None:
    # A Word heading without a written label ("Heading 1: MỤC TIÊU") still opens a part.
    if m is not None or level != 1:
        return m
    return ("part", "", 0)


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.stack: list[Node] = []
        self.roots: list[Node] = []
        self.parts = 0

    def add(self, chunk: Chunk, m: tuple[str, str, int] | None) -> None:
        if m is None:
            self._attach(chunk)
            return
        kind, key, length = m
        while self.stack and LEVELS[self.stack[-1].kind] >= LEVELS[kind]:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        siblings = parent.children if parent else self.roots
        label = chunk.text[:length].strip()
        if kind == "part" and not key:  # synthetic label of an unlabelled heading
            self.parts += 1
            key = label = roman(self.parts)
            label += "."
        if kind == "point":
            key = key.replace("đ", "dd")  # codes stay ASCII: "III.1.dd" for "đ)"
        if kind in ("bullet", "sub_bullet"):
            key = ("b" if kind == "bullet" else "p") + str(1 + sum(1 for s in siblings if s.kind == kind))
        code = f"{parent.code}.{key}" if parent else key
        taken = {s.code for s in siblings}
        n = 1
        while (code if n == 1 else f"{code}#{n}") in taken:
            n += 1
        node = Node(code if n == 1 else f"{code}#{n}", kind, label, parent, chunk.span()[0])
        content = chunk.sub(length).strip()
        if content.text:
            # A heading has no final full stop ("a) Mục tiêu đến năm 2025") or is in capitals
            # ("I. MỤC ĐÍCH, YÊU CẦU."); a point that is a whole sentence is the section's text.
            is_text = kind in ("bullet", "sub_bullet") or (
                not content.text.isupper()
                and (content.text.endswith(_SENTENCE_END) or len(content.text.split()) > 40)
            )
            if is_text:
                node.body.append(content)
            else:
                node.title = content
        siblings.append(node)
        self.stack.append(node)
        self.nodes.append(node)

    def _attach(self, chunk: Chunk) -> None:
        if re.fullmatch(r"\(.*\)\.?", chunk.text):
            # A note such as "(Có biểu chỉ tiêu kèm theo)" after a list of points is about the
            # whole item, not the last point.
            holder = next((n for n in reversed(self.stack) if n.kind in ("part", "item")), None)
            if holder is not None:
                holder.body.append(chunk)
                return
        for node in reversed(self.stack):
            opens_list = node.body and node.body[-1].text.endswith(":")
            if node.kind not in ("bullet", "sub_bullet") or opens_list:
                node.body.append(chunk)
                return
        if self.nodes:
            self.nodes[-1].body.append(chunk)
