"""Findings about the wording: numbering of sections, and repeated words ("phù hợp phù hợp")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from kehoach.plans.document import Finding, PlanDocument, Section

from .numbering import roman
from .structure import VN_LETTERS

_REPEAT = re.compile(r"(?<!\w)((?:\w+\s+){1,3}\w+)\s+\1(?!\w)", re.IGNORECASE)
_ROMAN = {roman(n): n for n in range(1, 40)}


def _finding(severity: str, code: str, message: str, location: str) -> Finding:
    return Finding(severity=severity, code=code, message=message, location=location)


def ordinal(kind: str, label: str) -> int | None:
    """Position a label stands for: "IV." -> 4, "2." -> 2, "đ)" -> 6 (Vietnamese alphabet)."""
    key = label.strip().rstrip(".)/").strip()
    if kind == "part":
        return _ROMAN.get(key)
    if kind == "item":
        return int(key) if key.isdigit() else None
    if kind == "point":
        return VN_LETTERS.index(key) + 1 if len(key) == 1 and key in VN_LETTERS else None
    return None


def _label(kind: str, n: int) -> str:
    if kind == "part":
        return f"{roman(n)}."
    if kind == "item":
        return f"{n}."
    return f"{VN_LETTERS[n - 1]})" if n <= len(VN_LETTERS) else "?"


def check_numbering(sections: list[Section]) -> list[Finding]:
    """Duplicate, skipped and out-of-order labels among the parts, items and points of each parent."""
    groups: dict[tuple[str | None, str], list[Section]] = defaultdict(list)
    for s in sections:
        if s.get("kind") in ("part", "item", "point"):
            groups[(s.get("parent"), s["kind"])].append(s)
    out: list[Finding] = []
    position = {s["code"]: i for i, s in enumerate(sections)}
    for (_, kind), members in groups.items():
        expected, seen = 1, set()
        for s in members:
            n = ordinal(kind, s.get("label", ""))
            if n is None:
                continue
            label = s.get("label", "")
            if n in seen:
                # A repeated label usually stands for the next one ("d)" typed for "đ)"), so the
                # count goes on from there and only one finding is raised.
                out.append(
                    _finding(
                        "warning",
                        "numbering_duplicate",
                        f"Số thứ tự “{label}” bị trùng với một mục trước ở cùng cấp.",
                        s["code"],
                    )
                )
                expected += 1
                continue
            if n > expected:
                missing = ", ".join(f"“{_label(kind, k)}”" for k in range(expected, n))
                out.append(
                    _finding(
                        "warning",
                        "numbering_skipped",
                        f"Số thứ tự bị bỏ qua: thiếu {missing} trước “{label}”.",
                        s["code"],
                    )
                )
            elif n < expected:
                out.append(
                    _finding(
                        "warning",
                        "numbering_out_of_order",
                        f"Số thứ tự “{label}” không theo thứ tự.",
                        s["code"],
                    )
                )
            seen.add(n)
            expected = max(expected, n + 1)
    return sorted(out, key=lambda f: position.get(f["location"], 0))


def _texts(doc: PlanDocument) -> list[tuple[str, str, str | None]]:
    """(location, text, section the text also appears in) of every wording in the plan."""
    out: list[tuple[str, str, str | None]] = [("plan", doc["plan"].get("title", ""), None)]
    for s in doc.get("sections", []):
        out += [(s["code"], s.get("title", ""), None), (s["code"], s.get("text", ""), None)]
    items: list[Mapping[str, Any]] = [
        *doc.get("objectives", []),
        *doc.get("targets", []),
        *doc.get("tasks", []),
    ]
    out += [(str(i["code"]), str(i.get("text", "")), i.get("section")) for i in items]
    return out


def check_repeated_words(doc: PlanDocument) -> list[Finding]:
    """Words written twice in a row ("phù hợp phù hợp"), once per place they occur."""
    section_text = {s["code"]: f"{s.get('title', '')}\n{s.get('text', '')}" for s in doc.get("sections", [])}
    out: list[Finding] = []
    for location, text, section in _texts(doc):
        if section is not None and text and text in section_text.get(section, ""):
            continue  # already checked as part of its section
        for m in _REPEAT.finditer(text):
            if not any(ch.isdigit() for ch in m.group(1)):
                out.append(_finding("warning", "repeated_words", f"Lặp từ: “{m.group(0)}”.", location))
    return out
