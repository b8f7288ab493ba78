"""Pages may reuse the definitions' signature for a few seconds; writes never do."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.analytics import selectors

pytestmark = pytest.mark.django_db


def test_a_recent_signature_is_reused_only_when_asked(seed_plan, monkeypatch):
    calls = []
    real = selectors.load_definitions

    def counting() -> selectors.Definitions:
        calls.append(1)
        return real()

    monkeypatch.setattr(selectors, "load_definitions", counting)
    day = dt.date(2026, 11, 29)
    first = selectors.prepared(as_of=day)
    assert selectors.prepared(as_of=day, max_age=60) is first and len(calls) == 1
    assert selectors.prepared(as_of=day) is first and len(calls) == 2  # 0: always re-read
    assert selectors.prepared(as_of=day + dt.timedelta(days=1), max_age=60) is not None
    assert len(calls) == 3  # another day: its own signature
