"""The parse of a document as one JSON-ready mapping, shared by the CLI and the API. Pure.

The shape is the plan data file (`kehoach.plan/1`) with two more keys, as `kehoach plan export`
adds `findings`: `findings` (the document's own inconsistencies) and `spans` (where each item's
wording sits in the normalised text, `text[start:end]`). The text itself is optional: the CLI
leaves it out unless asked, the API always sends it so a client can highlight the sources.
"""

from __future__ import annotations

from typing import Any, TypedDict

from kehoach.docparse import ParseResult


class SpanDict(TypedDict):
    code: str
    kind: str
    start: int
    end: int


def span_dicts(result: ParseResult) -> list[SpanDict]:
    return [SpanDict(code=s.code, kind=s.kind, start=s.start, end=s.end) for s in result.spans]


def parse_payload(result: ParseResult, *, with_text: bool) -> dict[str, Any]:
    """Document keys, then `findings` and `spans` (and `text` when asked)."""
    payload: dict[str, Any] = {
        **result.document,
        "findings": list(result.findings),
        "spans": span_dicts(result),
    }
    if with_text:
        payload["text"] = result.text
    return payload
