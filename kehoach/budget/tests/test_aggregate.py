"""Plan vs allocated vs disbursed, and the chart's timeline (pure)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kehoach.budget.aggregate import overview, timeline
from kehoach.budget.facts import AllocationFact, DisbursementFact, PlannedLine

PLANNED = [
    PlannedLine("T", "P", "total", "total", Decimal("1000")),
    PlannedLine("TW", "P", "central", "total", Decimal("800"), parent="T"),
]
ALLOCATIONS = [
    AllocationFact(
        "GV-1", "P", "central", "investment", 2022, Decimal("300"), programme_name="Chương trình P"
    ),
    AllocationFact("GV-2", "P", "central", "recurrent", 2023, Decimal("200")),
    AllocationFact("GV-3", "P", "central", "investment", 2023, Decimal("50"), carried_from_year=2022),
    AllocationFact("GV-4", "P", "local", "investment", 2023, Decimal("100")),
]
PAID = [
    DisbursementFact("GN-1", "GV-1", dt.date(2022, 5, 10), Decimal("250")),
    DisbursementFact("GN-2", "GV-3", dt.date(2023, 2, 10), Decimal("50")),
    DisbursementFact("GN-3", "GV-2", dt.date(2023, 11, 10), Decimal("100.5")),
]


def test_overview_gives_plan_allocated_disbursed_and_rate_by_programme_source_and_year():
    groups = overview(PLANNED, ALLOCATIONS, PAID, lambda s: {"central": "NSTW", "local": "NSĐP"}[s])
    programme, central, local = groups
    assert (programme.label, programme.planned, programme.total.allocated) == (
        "Chương trình P",
        Decimal(1000),
        Decimal(600),
    )
    assert programme.total.disbursed == Decimal("400.5") and programme.total.rate == Decimal("66.8")
    assert (central.label, central.planned, central.planned_code, central.depth) == (
        "NSTW",
        Decimal(800),
        "TW",
        1,
    )
    assert central.allocated_vs_planned == Decimal(
        "62.5"
    )  # 500 new money out of 800; carry-over not counted twice
    year_2023 = central.years[2023]
    assert (year_2023.allocated, year_2023.carried_in, year_2023.disbursed) == (
        Decimal(250),
        Decimal(50),
        Decimal("150.5"),
    )
    assert local.planned is None and local.allocated_vs_planned is None


def test_timeline_runs_quarter_by_quarter_with_cumulative_figures():
    points = timeline(ALLOCATIONS, PAID)
    assert [p.label for p in points][:2] == ["Q1/2022", "Q2/2022"] and points[-1].label == "Q4/2023"
    q2_2022 = points[1]
    assert (q2_2022.disbursed, q2_2022.cumulative_disbursed, q2_2022.cumulative_allocated) == (
        Decimal(250),
        Decimal(250),
        Decimal(300),
    )
    assert points[-1].cumulative_disbursed == Decimal("400.5") and points[-1].cumulative_allocated == Decimal(
        600
    )


def test_rates_always_show_one_decimal():
    from kehoach.budget.templatetags.budget_money import rate_text

    assert [rate_text(Decimal(v)) for v in ("87", "87.7", "100")] == ["87,0%", "87,7%", "100,0%"]
    assert rate_text(None) == "—"
