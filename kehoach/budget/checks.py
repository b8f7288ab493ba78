"""Consistency of the money stages: generic, pure, and never correcting anything.

Each finding is {severity, code, message, location} like kehoach.docparse.findings: code a stable
English identifier, message Vietnamese, location the code of the line or the record ("GV-12").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from kehoach.core.formatting import vn_date, vn_number
from kehoach.plans.document import Finding

from .facts import ZERO, AllocationFact, DisbursementFact, PlannedLine


def _f(severity: str, code: str, message: str, location: str) -> Finding:
    return Finding(severity=severity, code=code, message=message, location=location)


def _m(amount: Decimal) -> str:
    return f"{vn_number(amount)} triệu đồng"


def check_budget(
    planned: Sequence[PlannedLine],
    allocations: Sequence[AllocationFact],
    disbursements: Sequence[DisbursementFact],
) -> list[Finding]:
    """Every check, in a stable order."""
    out = check_stated_components(planned)
    out += check_allocation_levels(allocations)
    out += check_disbursed_within_allocated(allocations, disbursements)
    out += check_allocated_against_planned(planned, allocations)
    out += check_carry_over(allocations, disbursements)
    out += check_disbursement_dates(allocations, disbursements)
    return out


def check_stated_components(lines: Sequence[PlannedLine]) -> list[Finding]:
    """At every level of the stated tree, the components must add up to their total."""
    children: dict[str, list[PlannedLine]] = defaultdict(list)
    for line in lines:
        if line.parent:
            children[line.parent].append(line)
    out = []
    for line in lines:
        parts = children.get(line.code)
        if not parts:
            continue
        total = sum((p.amount for p in parts), ZERO)
        if total != line.amount:
            sums = " + ".join(vn_number(p.amount) for p in parts)
            message = (
                f"Các thành phần của dòng {line.code} cộng lại {sums} = {_m(total)}, "
                f"khác số tổng {_m(line.amount)} (chênh {_m(abs(total - line.amount))})."
            )
            out.append(_f("warning", "stated_components_not_sum", message, line.code))
    return out


def check_allocation_levels(allocations: Sequence[AllocationFact]) -> list[Finding]:
    """Money given both to a project and to one of its sub-projects for the same year, source,
    kind and commune may be counted twice."""
    by_cell: dict[tuple[str, int, str, str, str, str], set[str]] = defaultdict(set)
    parent_of = {a.component: a.component_parent for a in allocations if a.component_parent}
    for a in allocations:
        by_cell[(a.programme, a.year, a.source, a.kind, a.commune_key, a.commune)].add(a.component)
    out = []
    for (programme, year, _source, _kind, _key, commune), components in sorted(by_cell.items()):
        parents = {parent_of[c] for c in components if c in parent_of}
        for parent in sorted(parents & components):
            where = f" tại {commune}" if commune else ""
            message = (
                f"Năm {year}{where}, {programme} có vốn giao cho cả {parent} và tiểu dự án của nó: "
                "kiểm tra để không tính hai lần."
            )
            out.append(_f("warning", "allocation_parent_and_child", message, f"{programme}/{parent}/{year}"))
    return out


def _disbursed(disbursements: Iterable[DisbursementFact]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for d in disbursements:
        totals[d.allocation_ref] += d.amount
    return totals


def check_disbursed_within_allocated(
    allocations: Sequence[AllocationFact], disbursements: Sequence[DisbursementFact]
) -> list[Finding]:
    paid = _disbursed(disbursements)
    out = []
    for a in allocations:
        if paid[a.ref] > a.amount:
            message = (
                f"Đã giải ngân {_m(paid[a.ref])}, vượt số vốn được giao {_m(a.amount)} "
                f"(vượt {_m(paid[a.ref] - a.amount)})."
            )
            out.append(_f("error", "disbursed_above_allocated", message, a.ref))
    return out


def check_allocated_against_planned(
    planned: Sequence[PlannedLine], allocations: Sequence[AllocationFact]
) -> list[Finding]:
    """New allocations within the stated phase must not exceed the stated amount. Carried-over
    money was already counted in the year it was first allocated, so it is left out."""
    out = []
    for line in planned:
        span = line.years()
        matching = [
            a
            for a in allocations
            if a.programme == line.programme
            and a.carried_from_year is None
            and (line.source == "total" or a.source == line.source)
            and (line.kind == "total" or a.kind == line.kind)
            and (span is None or span[0] <= a.year <= span[1])
        ]
        if not matching:
            continue
        allocated = sum((a.amount for a in matching), ZERO)
        if allocated > line.amount:
            period = f" giai đoạn {line.phase}" if line.phase else ""
            message = (
                f"Tổng vốn đã giao{period} {_m(allocated)} vượt số kế hoạch nêu {_m(line.amount)} "
                f"(vượt {_m(allocated - line.amount)})."
            )
            out.append(_f("warning", "allocated_above_planned", message, line.code))
    return out


def check_carry_over(
    allocations: Sequence[AllocationFact], disbursements: Sequence[DisbursementFact]
) -> list[Finding]:
    """Money carried into a year cannot exceed what the same line left undisbursed the year before."""
    paid = _disbursed(disbursements)
    left: dict[tuple[object, ...], Decimal] = defaultdict(lambda: ZERO)
    for a in allocations:
        left[(*a.line, a.year)] += a.amount - paid[a.ref]
    out = []
    for a in allocations:
        if a.carried_from_year is None:
            continue
        remaining = left[(*a.line, a.carried_from_year)]
        if a.amount > remaining:
            message = (
                f"Chuyển nguồn từ năm {a.carried_from_year} {_m(a.amount)}, nhưng dòng vốn đó chỉ còn "
                f"{_m(max(remaining, ZERO))} chưa giải ngân."
            )
            out.append(_f("warning", "carry_over_above_remaining", message, a.ref))
    return out


def check_disbursement_dates(
    allocations: Sequence[AllocationFact], disbursements: Sequence[DisbursementFact]
) -> list[Finding]:
    by_ref = {a.ref: a for a in allocations}
    out = []
    for d in disbursements:
        a = by_ref.get(d.allocation_ref)
        if a is None:
            continue
        if a.decision_date and d.date < a.decision_date:
            message = (
                f"Ngày giải ngân {vn_date(d.date)} trước ngày quyết định giao vốn {vn_date(a.decision_date)}."
            )
            out.append(_f("warning", "disbursed_before_decision", message, d.ref))
        elif d.date.year < a.year - 1:
            message = f"Ngày giải ngân {vn_date(d.date)} quá sớm so với năm giao vốn {a.year}."
            out.append(_f("warning", "disbursed_before_year", message, d.ref))
    return out
