"""Consistency checks on the seed's own figures and on crafted money records (pure, no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import yaml

from kehoach.budget.checks import check_budget, check_stated_components
from kehoach.budget.facts import AllocationFact, DisbursementFact, PlannedLine

SEED = Path(__file__).resolve().parents[2] / "plans" / "data" / "seed" / "muong-te-ctdt-2022.yaml"


def seed_lines() -> list[PlannedLine]:
    doc = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    return [
        PlannedLine(
            code=b["code"],
            programme=b["programme"],
            source=b["source"],
            kind=b["kind"],
            amount=Decimal(str(b["amount_million_vnd"])),
            parent=b.get("parent"),
            phase=b.get("phase") or "",
        )
        for b in doc["budget_lines"]
    ]


def A(ref: str, amount: str, year: int = 2023, **kw) -> AllocationFact:
    values = {"programme": "CTMTQG-DTTS", "source": "central", "kind": "investment"} | kw
    return AllocationFact(ref=ref, year=year, amount=Decimal(amount), **values)


def test_the_seeds_central_budget_components_do_not_add_up_and_are_reported():
    findings = check_stated_components(seed_lines())
    [finding] = [f for f in findings if f["location"] == "NS-1719-TW"]
    assert finding["code"] == "stated_components_not_sum"
    assert "884.799 + 327.963 = 1.212.762 triệu đồng" in finding["message"]
    assert "khác số tổng 1.257.762 triệu đồng (chênh 45.000 triệu đồng)" in finding["message"]


def test_the_seeds_other_levels_add_up():
    # Total = central + local + policy credit + other; local = investment + recurrent; NTM and GN too.
    assert [f["location"] for f in check_stated_components(seed_lines())] == ["NS-1719-TW"]


def test_the_figures_are_never_corrected():
    lines = seed_lines()
    check_budget(lines, [], [])
    assert next(p for p in lines if p.code == "NS-1719-TW").amount == Decimal("1257762")


def test_disbursed_above_allocated_is_an_error_on_the_allocation():
    paid = [
        DisbursementFact("GN-1", "GV-1", dt.date(2023, 5, 1), Decimal("600")),
        DisbursementFact("GN-2", "GV-1", dt.date(2023, 9, 1), Decimal("500.5")),
    ]
    [finding] = [
        f for f in check_budget([], [A("GV-1", "1000")], paid) if f["code"] == "disbursed_above_allocated"
    ]
    assert finding["severity"] == "error" and finding["location"] == "GV-1"
    assert "1.100,5 triệu đồng" in finding["message"] and "vượt 100,5 triệu đồng" in finding["message"]


def test_allocations_above_the_stated_line_are_reported_and_carry_over_is_not_double_counted():
    planned = [
        PlannedLine("NS-TW-DT", "CTMTQG-DTTS", "central", "investment", Decimal("1000"), phase="2021-2025")
    ]
    fits = [A("GV-1", "600", 2022), A("GV-2", "400", 2023), A("GV-3", "300", 2023, carried_from_year=2022)]
    assert not [f for f in check_budget(planned, fits, []) if f["code"] == "allocated_above_planned"]
    over = [*fits, A("GV-4", "1", 2024)]
    [finding] = [f for f in check_budget(planned, over, []) if f["code"] == "allocated_above_planned"]
    assert finding["location"] == "NS-TW-DT" and "1.001 triệu đồng" in finding["message"]
    outside_phase = [*fits, A("GV-5", "50", 2027)]
    assert not [f for f in check_budget(planned, outside_phase, []) if f["code"] == "allocated_above_planned"]


def test_carry_over_larger_than_what_was_left_is_reported():
    allocations = [
        A("GV-1", "1000", 2022, commune_key="x"),
        A("GV-2", "500", 2023, commune_key="x", carried_from_year=2022),
    ]
    paid = [DisbursementFact("GN-1", "GV-1", dt.date(2022, 6, 1), Decimal("700"))]
    [finding] = [f for f in check_budget([], allocations, paid) if f["code"] == "carry_over_above_remaining"]
    assert finding["location"] == "GV-2" and "chỉ còn 300 triệu đồng" in finding["message"]


def test_money_for_a_project_and_its_sub_project_in_the_same_cell_is_flagged():
    allocations = [
        A("GV-1", "10", component="DA3"),
        A("GV-2", "5", component="DA3.TDA1", component_parent="DA3"),
    ]
    [finding] = [f for f in check_budget([], allocations, []) if f["code"] == "allocation_parent_and_child"]
    assert "DA3" in finding["message"]


def test_disbursement_before_the_decision_is_flagged():
    allocations = [A("GV-1", "10", decision_date=dt.date(2023, 3, 1))]
    paid = [DisbursementFact("GN-9", "GV-1", dt.date(2023, 2, 1), Decimal("1"))]
    [finding] = [f for f in check_budget([], allocations, paid) if f["code"] == "disbursed_before_decision"]
    assert finding["location"] == "GN-9" and "01/02/2023" in finding["message"]
