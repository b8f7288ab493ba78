"""Completeness and timeliness of one form and period: expected vs received, on time vs late.

Received means sent to the level above (submitted or approved), as DHIS2's reporting-rate counts
completed forms; on time means sent no later than the round's due date (local calendar day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from kehoach.accounts import scope
from kehoach.datavalues.choices import SubmissionStatus
from kehoach.datavalues.models import DataValue, Submission
from kehoach.datavalues.selectors import expected_units, round_for
from kehoach.indicators.models import DataSet, ReportingRound
from kehoach.indicators.periods import Period
from kehoach.orgunits.models import OrgUnit

RECEIVED = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


@dataclass(frozen=True)
class UnitReport:
    unit: OrgUnit
    status: str  # a SubmissionStatus value; "draft" also when nothing was entered yet
    status_label: str
    values: int
    submitted_at: dt.datetime | None
    on_time: bool | None  # None until received
    submission_id: int | None
    is_demo: bool  # demo unit or demo figures: pages label them "dữ liệu minh họa"


@dataclass
class Completeness:
    data_set: DataSet
    period: Period
    round: ReportingRound | None
    units: list[UnitReport] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return len(self.units)

    @property
    def received(self) -> int:
        return sum(1 for u in self.units if u.status in RECEIVED)

    @property
    def on_time(self) -> int:
        return sum(1 for u in self.units if u.on_time)

    @property
    def late(self) -> int:
        return sum(1 for u in self.units if u.on_time is False)

    @property
    def approved(self) -> int:
        return sum(1 for u in self.units if u.status == SubmissionStatus.APPROVED)

    def rate(self, part: int) -> float | None:
        return None if not self.expected else round(100 * part / self.expected, 1)


def on_time(submitted_at: dt.datetime | None, due: dt.date | None) -> bool | None:
    if submitted_at is None:
        return None
    return due is None or timezone.localdate(submitted_at) <= due


def completeness(*, data_set: DataSet, period: Period, user: Any) -> Completeness:
    """Three queries whatever the number of units: units, submissions, value counts."""
    rnd = round_for(data_set=data_set, period=period.code)
    units = [u for u in expected_units(data_set=data_set, period=period) if scope.can_view_data(user, u.pk)]
    ids = [u.pk for u in units]
    subs = {
        s.unit_id: s
        for s in Submission.objects.filter(data_set=data_set, period=period.code, unit_id__in=ids)
    }
    counts = dict(
        DataValue.objects.filter(
            Q(unit_id__in=ids), period=period.code, deleted=False, element__memberships__data_set=data_set
        )
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    report = Completeness(data_set=data_set, period=period, round=rnd)
    for unit in units:
        sub = subs.get(unit.pk)
        status = sub.status if sub else SubmissionStatus.DRAFT
        sent = sub.submitted_at if sub and status in RECEIVED else None
        report.units.append(
            UnitReport(
                unit=unit,
                status=status,
                status_label=str(SubmissionStatus(status).label),
                values=counts.get(unit.pk, 0),
                submitted_at=sent,
                on_time=on_time(sent, rnd.due_on if rnd else None),
                submission_id=sub.pk if sub else None,
                is_demo=unit.is_demo or bool(sub and sub.is_demo),
            )
        )
    return report
