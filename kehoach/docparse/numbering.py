"""Render Word automatic numbering ("I.", "1.", "a)", "-") as the text a reader sees.

A paragraph numbered by Word stores only (numId, level); the label lives in numbering.xml as a
format and a template ("%1.", "%2)"). The structure parser works on labels, so they are rebuilt
here. Letters follow Word (Latin a, b, c ... ), which is what the printed document shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
# Bullet glyphs (including Symbol/Wingdings private-use code points) read as a dash bullet.
_PLUS_BULLETS = {"+", "\uf02b"}


def roman(n: int) -> str:
    """Upper-case Roman numeral of a positive integer."""
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word's letter numbering: a..z, then aa..zz.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(fmt: str, n: int) -> str:
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    return str(n)


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


def _val(el: Any, tag: str, default: str) -> str:
    child = el.find(W + tag) if el is not None else None
    return default if child is None else str(child.get(W + "val", default))


@dataclass
class Numbering:
    """Numbering definitions and running counters for one document."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any) -> Numbering:
        """Build from the root element of numbering.xml (or None when the document has none);
        any ElementTree-like element (lxml or the standard library) will do."""
        numbering = cls()
        if root is None:
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.iter(W + "abstractNum"):
            abstract[str(an.get(W + "abstractNumId"))] = {
                int(lvl.get(W + "ilvl", "0")): _Level(
                    _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""), int(_val(lvl, "start", "1"))
                )
                for lvl in an.iter(W + "lvl")
            }
        for num in root.iter(W + "num"):
            levels = dict(abstract.get(_val(num, "abstractNumId", ""), {}))
            for override in num.iter(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = override.find(W + "startOverride")
                if ilvl in levels and start is not None:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(old.fmt, old.text, int(start.get(W + "val", "1")))
            numbering.levels[str(num.get(W + "numId"))] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (num_id, ilvl) and return the label text, or None."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        level = levels[ilvl]
        if level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return "+" if level.text.strip() in _PLUS_BULLETS else "-"
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the numbering of its sub-levels
        text = level.text
        for k, lvl in levels.items():
            if f"%{k + 1}" in text:
                text = text.replace(f"%{k + 1}", _format(lvl.fmt, counters.get(k, lvl.start)))
        return text.strip() or None
