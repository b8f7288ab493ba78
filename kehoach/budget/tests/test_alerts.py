"""The quarter alert, always with a fixed `today` (no wall clock)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kehoach.budget.alerts import Schedule, checkpoint, lag_alerts
from kehoach.budget.facts import AllocationFact, DisbursementFact

SCHEDULE = Schedule()  # 25/50/75/100%, 10 points, 25 days


def A(ref: str, amount: str, year: int = 2025, commune: str = "") -> AllocationFact:
    return AllocationFact(ref, "CTMTQG-DTTS", "central", "investment", year, Decimal(amount), commune=commune)


def D(ref: str, day: dt.date, amount: str) -> DisbursementFact:
    return DisbursementFact(f"GN-{ref}-{day}", ref, day, Decimal(amount))


def test_no_checkpoint_until_the_grace_days_after_the_first_quarter_are_over():
    assert checkpoint(2025, dt.date(2025, 4, 24), SCHEDULE) is None
    point = checkpoint(2025, dt.date(2025, 4, 25), SCHEDULE)
    assert point is not None and (point.quarter, point.expected_percent) == (1, Decimal(25))


def test_the_latest_closed_quarter_is_the_checkpoint_and_past_years_use_the_last_quarter():
    assert checkpoint(2025, dt.date(2025, 10, 25), SCHEDULE).quarter == 3
    assert checkpoint(2025, dt.date(2025, 10, 24), SCHEDULE).quarter == 2
    assert checkpoint(2024, dt.date(2025, 10, 24), SCHEDULE).quarter == 4


def test_a_lagging_allocation_raises_an_alert_and_one_on_schedule_does_not():
    allocations = [A("GV-1", "1000", commune="Xã Mù Cả"), A("GV-2", "1000", commune="Xã Tà Tổng")]
    paid = [
        D("GV-1", dt.date(2025, 3, 20), "100"),  # 10% by Q1 (expected 25%, gap 15 points)
        D("GV-2", dt.date(2025, 3, 20), "200"),  # 20% (gap 5 points: tolerated)
        D("GV-1", dt.date(2025, 4, 2), "500"),  # after the quarter end: not counted for Q1
    ]
    report = lag_alerts(allocations, paid, today=dt.date(2025, 4, 30), schedule=SCHEDULE)
    [alert] = report.allocations
    assert (
        alert.key == "GV-1"
        and alert.actual_percent == Decimal("10.0")
        and alert.gap_points == Decimal("15.0")
    )
    assert alert.severity == "error"  # less than half of the expected 25%
    assert "Xã Mù Cả" in alert.label


def test_the_roll_up_sums_allocations_before_judging():
    allocations = [A("GV-1", "1000"), A("GV-2", "3000")]
    paid = [D("GV-1", dt.date(2025, 6, 1), "100"), D("GV-2", dt.date(2025, 6, 1), "1800")]
    report = lag_alerts(allocations, paid, today=dt.date(2025, 7, 30), schedule=SCHEDULE)
    assert [a.key for a in report.allocations] == ["GV-1"]  # 10% vs 50%
    assert report.rollups == []  # 1.900 / 4.000 = 47,5%: within 10 points of 50%


def test_threshold_and_grace_days_are_settings():
    strict = Schedule(tolerance_points=Decimal(0), grace_days=0)
    allocations, paid = [A("GV-1", "1000")], [D("GV-1", dt.date(2025, 3, 1), "240")]
    assert lag_alerts(allocations, paid, today=dt.date(2025, 3, 31), schedule=strict).allocations
    assert not lag_alerts(allocations, paid, today=dt.date(2025, 3, 31), schedule=SCHEDULE).allocations


def test_nothing_allocated_means_nothing_to_judge():
    report = lag_alerts([A("GV-1", "0")], [], today=dt.date(2026, 1, 30), schedule=SCHEDULE)
    assert report.allocations == [] and report.rollups == []
