"""Fixtures of the wiring tests: values entered, submitted and approved through issue #3's services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from kehoach.analytics.tests.pages_data import enter_commune_year
from kehoach.audit.choices import Channel
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import save_data_values, submit_submission
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet, ReportingRound
from kehoach.orgunits.models import OrgUnit

REQUIRED = [("DS_TONG", 100), ("SO_XA", 1), ("BAN_TONG", 5), ("CBCC_XA_TONG", 20)]
PEOPLE = 80  # DS_DTTS: ethnic-minority population of the commune


@pytest.fixture
def commune(personas) -> OrgUnit:
    unit: OrgUnit = personas.commune.units.get()
    return unit


@pytest.fixture
def submit_income(db, personas, commune) -> Callable[[str, int], Submission]:
    """Enter XA-NAM for a year with an average income of `income` million VND, and submit it."""
    xa = DataSet.objects.get(code="XA-NAM")

    def submit(period: str, income: float) -> Submission:
        open_round(xa, period)
        values = [*REQUIRED, ("DS_DTTS", PEOPLE), ("TN_DTTS", income * PEOPLE)]
        rows = [row(i, code, v, period=period) for i, (code, v) in enumerate(values, 1)]
        summary = save_data_values(actor=personas.commune, data_set=xa, rows=rows, channel=Channel.WEB)
        assert summary.committed, [p.text for r in summary.rows for p in r.problems]
        return submit_submission(
            actor=personas.commune, data_set=xa, unit=commune, period=period, channel=Channel.WEB
        )

    return submit


@pytest.fixture
def close_round() -> Callable[[str], None]:
    """Close XA-NAM's round of a year: a district's figure summed from some of its communes then
    judges (while the round is open, a year not all of whose reports count does not: coverage.py)."""

    def close(period: str) -> None:
        yesterday = timezone.localdate() - dt.timedelta(days=1)
        ReportingRound.objects.filter(data_set__code="XA-NAM", period=period).update(
            opens_on=yesterday - dt.timedelta(days=60), due_on=yesterday, closes_on=yesterday
        )

    return close


@pytest.fixture
def incomes(personas) -> None:
    """The persona commune's average income: 20 (2023) and 25,5 (2024) million đồng, approved."""
    for period, total in (("2023", 1600), ("2024", 2040)):
        enter_commune_year(personas, period, [("DS_DTTS", "default", 80), ("TN_DTTS", "default", total)])
