"""Pieces of the normalised text that remember where they came from.

Every extracted item (target, task, budget line) keeps the character offsets of its wording in the
normalised text, so the review screen can highlight the source sentence. A paragraph broken over
several lines is joined with a space; `Chunk.abs` maps positions in the joined text back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """A non-blank line of the normalised text."""

    text: str
    start: int
    heading_level: int | None = None


@dataclass(frozen=True)
class Chunk:
    """A slice of a logical paragraph; `pieces` are (offset in text, absolute offset) pairs."""

    text: str
    pieces: tuple[tuple[int, int], ...]

    @classmethod
    def join(cls, lines: list[Line]) -> Chunk:
        """Join the lines of one paragraph with single spaces."""
        pieces, parts, pos = [], [], 0
        for line in lines:
            pieces.append((pos, line.start))
            parts.append(line.text)
            pos += len(line.text) + 1
        return cls(" ".join(parts), tuple(pieces))

    def abs(self, i: int) -> int:
        """Absolute offset in the normalised text of position `i` of this chunk."""
        base_rel, base_abs = self.pieces[0]
        for rel, absolute in self.pieces:
            if rel <= i:
                base_rel, base_abs = rel, absolute
        return base_abs + (i - base_rel)

    def span(self) -> tuple[int, int]:
        """(start, end) of the whole chunk in the normalised text."""
        return self.abs(0), self.abs(len(self.text) - 1) + 1 if self.text else self.abs(0)

    def sub(self, start: int, end: int | None = None) -> Chunk:
        """The chunk text[start:end] with offsets kept."""
        end = len(self.text) if end is None else end
        pieces = [(0, self.abs(start))]
        pieces += [(rel - start, absolute) for rel, absolute in self.pieces if start < rel < end]
        return Chunk(self.text[start:end], tuple(pieces))

    def strip(self, chars: str = " ") -> Chunk:
        """Strip `chars` (spaces by default) from both ends, keeping offsets."""
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self.sub(left, max(left, right))

    def split(self, pattern: re.Pattern[str], keep: bool = False) -> Iterator[Chunk]:
        """Split at each match; with `keep`, the separator starts the next piece."""
        pos = 0
        for m in pattern.finditer(self.text):
            if m.start() == 0 and keep:
                continue
            yield self.sub(pos, m.start())
            pos = m.start() if keep else m.end()
        yield self.sub(pos)


def lines_of(text: str, heading_levels: dict[int, int] | None = None) -> list[Line]:
    """Non-blank lines of `text`; `heading_levels` maps a line index to its heading level."""
    lines, pos = [], 0
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            lines.append(Line(line, pos, (heading_levels or {}).get(index)))
        pos += len(line) + 1
    return lines
