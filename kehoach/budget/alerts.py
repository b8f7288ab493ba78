"""Disbursement lag alerts after each quarter (Development Gateway AMP's idea: compare actual with
expected disbursement some days after the quarter closes, against a configurable threshold).

Pure: `today` is always passed in, so the result never depends on the wall clock.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .facts import ZERO, AllocationFact, DisbursementFact, rate

QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


@dataclass(frozen=True)
class Schedule:
    expected_percent: tuple[Decimal, Decimal, Decimal, Decimal] = (
        Decimal(25),
        Decimal(50),
        Decimal(75),
        Decimal(100),
    )
    tolerance_points: Decimal = Decimal(10)  # how far behind is still tolerated
    grace_days: int = 25  # recording delay allowed after the quarter closes


@dataclass(frozen=True)
class Checkpoint:
    year: int
    quarter: int
    quarter_end: dt.date
    expected_percent: Decimal


@dataclass(frozen=True)
class Alert:
    key: str  # an allocation ref, or a roll-up label
    label: str
    checkpoint: Checkpoint
    allocated: Decimal
    disbursed: Decimal  # by the quarter end
    actual_percent: Decimal
    gap_points: Decimal  # expected - actual
    severity: str  # "error" when less than half of what was expected is paid


def checkpoint(year: int, today: dt.date, schedule: Schedule) -> Checkpoint | None:
    """The latest quarter end of `year` whose grace period is over on `today`, if any."""
    found = None
    for quarter, (month, day) in enumerate(QUARTER_ENDS, start=1):
        end = dt.date(year, month, day)
        if end + dt.timedelta(days=schedule.grace_days) <= today:
            found = Checkpoint(year, quarter, end, schedule.expected_percent[quarter - 1])
    return found


def lag_alert(
    *,
    key: str,
    label: str,
    allocated: Decimal,
    paid: Sequence[tuple[dt.date, Decimal]],
    point: Checkpoint,
    schedule: Schedule,
) -> Alert | None:
    """An alert when the share paid by the quarter end is below expected minus the tolerance."""
    disbursed = sum((amount for day, amount in paid if day <= point.quarter_end), ZERO)
    actual = rate(disbursed, allocated)
    if actual is None:
        return None
    gap = point.expected_percent - actual
    if gap <= schedule.tolerance_points:
        return None
    severity = "error" if actual * 2 < point.expected_percent else "warning"
    return Alert(key, label, point, allocated, disbursed, actual, gap, severity)


@dataclass(frozen=True)
class AlertReport:
    allocations: list[Alert]
    rollups: list[Alert]


def _label(a: AllocationFact) -> str:
    parts = [a.programme_name or a.programme, a.component, a.commune]
    return " · ".join(p for p in parts if p)


def lag_alerts(
    allocations: Sequence[AllocationFact],
    disbursements: Sequence[DisbursementFact],
    *,
    today: dt.date,
    schedule: Schedule,
    rollup: Callable[[AllocationFact], str] | None = None,
) -> AlertReport:
    """Alerts per allocation and rolled up (by programme, source and year unless `rollup` says otherwise)."""
    paid: dict[str, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    for d in disbursements:
        paid[d.allocation_ref].append((d.date, d.amount))
    group = rollup or (lambda a: f"{a.programme_name or a.programme} · {a.source} · {a.year}")
    singles: list[Alert] = []
    groups: dict[tuple[int, str], tuple[Decimal, list[tuple[dt.date, Decimal]]]] = {}
    for a in allocations:
        point = checkpoint(a.year, today, schedule)
        if point is None:
            continue
        alert = lag_alert(
            key=a.ref, label=_label(a), allocated=a.amount, paid=paid[a.ref], point=point, schedule=schedule
        )
        if alert:
            singles.append(alert)
        total, payments = groups.get((a.year, group(a)), (ZERO, []))
        groups[(a.year, group(a))] = (total + a.amount, payments + paid[a.ref])
    rolled = []
    for (year, label), (total, payments) in sorted(groups.items()):
        point = checkpoint(year, today, schedule)
        if point is None:
            continue
        alert = lag_alert(
            key=label, label=label, allocated=total, paid=payments, point=point, schedule=schedule
        )
        if alert:
            rolled.append(alert)

    def order(alert: Alert) -> tuple[Decimal, str]:
        return (-alert.gap_points, alert.key)

    return AlertReport(sorted(singles, key=order), sorted(rolled, key=order))
