"""Fixtures of the portal tests: approved, submitted and suppressed figures, and comments."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache

from kehoach.audit.choices import Channel
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import save_data_values, submit_submission
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet
from kehoach.orgunits.models import OrgUnit

REQUIRED = [("DS_TONG", 100), ("SO_XA", 1), ("BAN_TONG", 5), ("CBCC_XA_TONG", 20), ("DS_DTTS", 80)]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commune(personas) -> OrgUnit:
    unit: OrgUnit = personas.commune.units.get()
    return unit


@pytest.fixture
def enter(db, personas, commune) -> Callable[..., Submission]:
    """Enter the commune's yearly form with these extra values (element, value[, combo]) and submit."""
    xa = DataSet.objects.get(code="XA-NAM")

    def submit(period: str, extra: list[tuple[object, ...]]) -> Submission:
        open_round(xa, period)
        values = [(code, v, "default") for code, v in REQUIRED] + [
            (e[0], e[1], e[2] if len(e) > 2 else "default") for e in extra
        ]
        rows = [row(i, code, v, coc, period=period) for i, (code, v, coc) in enumerate(values, 1)]
        summary = save_data_values(actor=personas.commune, data_set=xa, rows=rows, channel=Channel.WEB)
        assert summary.committed, [p.text for r in summary.rows for p in r.problems]
        return submit_submission(
            actor=personas.commune, data_set=xa, unit=commune, period=period, channel=Channel.WEB
        )

    return submit
