"""Status text and symbol of the pages (text + symbol, never colour alone).

Looked up with a default so that a status added to `Status` later (e.g. "not achieved" after a
passed milestone) still shows, with the pure core's label, until it gets its own entry here.
"""

from __future__ import annotations

from kehoach.analytics.labels import STATUS_TEXT
from kehoach.analytics.targets import STATUS_LABELS, Status

_SYMBOLS = {
    Status.ACHIEVED: "✔",
    Status.ON_TRACK: "↗",
    Status.AT_RISK: "⚠",
    Status.OFF_TRACK: "✘",
    Status.NO_DATA: "–",
}


def status_text(status: Status) -> str:
    label = STATUS_TEXT.get(status)
    return str(label) if label is not None else STATUS_LABELS.get(status, status.value)


def status_symbol(status: Status) -> str:
    return _SYMBOLS.get(status, "✖")  # e.g. "not achieved": a verdict, shown apart from "off track"
