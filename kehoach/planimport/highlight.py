"""The original text as HTML with every extracted item marked at its source. Pure (no database).

Each item becomes `<mark id="src-...">` around its wording, each section a `<span id="src-...">`,
so a plain link `#src-target-T2025-01` scrolls to the sentence and CSS `:target` highlights it: no
JavaScript needed. Every mark starts with a small link back to the item in the draft. Spans nest
(a target inside its section, an obligation inside a responsibility); one that crosses the end of
an enclosing span is cut there, so the HTML stays well formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .payload import SpanDict

# Larger containers open first when two spans start at the same place.
_ORDER = {"section": 0, "responsibility": 1, "objective": 1, "task": 2, "obligation": 3, "target": 3}
_UNSAFE = re.compile(r"[^A-Za-z0-9.\-]")


def anchor(kind: str, code: str) -> str:
    """An id-safe name for an item: "IV#2" -> "section-IV_23_2", "NV-CY-đ" -> "task-NV-CY-_111_"."""
    return f"{kind}-{_UNSAFE.sub(lambda m: f'_{ord(m.group()):x}_', code)}"


def _open(span: SpanDict) -> str:
    name = anchor(span["kind"], span["code"])
    if span["kind"] == "section":
        return f'<span class="src-sec" id="src-{name}">'
    code = escape(span["code"])
    label = escape(_("Đến mục trong bản nháp: %(code)s") % {"code": span["code"]})
    return (
        f'<mark class="src src-{span["kind"]}" id="src-{name}">'
        f'<a class="src-ref" href="#item-{name}" aria-label="{label}">{code}</a>'
    )


def _tag(span: SpanDict) -> str:
    return "span" if span["kind"] == "section" else "mark"


def render_source(text: str, spans: Iterable[SpanDict]) -> SafeString:
    """`text` escaped, with the spans as nested elements."""
    ordered = sorted(
        (s for s in spans if 0 <= s["start"] < s["end"] <= len(text)),
        key=lambda s: (s["start"], -s["end"], _ORDER.get(s["kind"], 4)),
    )
    out: list[str] = []
    pos = 0
    stack: list[tuple[int, str]] = []  # (end, tag) of the open elements, innermost last

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1][0] <= limit:
            end, tag = stack.pop()
            out.append(escape(text[pos:end]))
            out.append(f"</{tag}>")
            pos = end

    for span in ordered:
        close_until(span["start"])
        end = min(span["end"], stack[-1][0]) if stack else span["end"]
        if end <= span["start"]:
            continue
        out.append(escape(text[pos : span["start"]]))
        pos = span["start"]
        out.append(_open(span))
        stack.append((end, _tag(span)))
    close_until(len(text))
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # every piece of text above went through escape()
