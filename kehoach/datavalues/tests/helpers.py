"""Helpers of data entry tests (importable, unlike conftest)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kehoach.datavalues.rows import ValueRow
from kehoach.indicators.models import ReportingRound

PERIOD = "2024"  # legacy communes existed through all of 2024; its round is opened around today
COMMUNE = "gso-legacy:03433"  # the commune persona's commune (first of the district by key)


def open_round(data_set, period=PERIOD):
    """Make the round of `period` open today, whatever today is (tests never depend on the clock)."""
    today = timezone.localdate()
    ReportingRound.objects.update_or_create(
        data_set=data_set,
        period=period,
        defaults={
            "opens_on": today - dt.timedelta(days=30),
            "due_on": today + dt.timedelta(days=10),
            "closes_on": today + dt.timedelta(days=30),
        },
    )


def row(line, element, value, coc="default", *, unit=COMMUNE, period=PERIOD, comment=None, version=None):
    return ValueRow(
        line=line,
        unit=unit,
        period=period,
        element=element,
        option_combo=coc,
        value=None if value is None else Decimal(str(value)),
        comment=comment,
        version=version,
    )
