"""Plan vs allocated vs disbursed, by any grouping, per year and in total. Pure.

Totals over several years count only new allocations: money carried into a year was already
counted in the year it was first allocated. Within one year, carried money is part of what was
available to spend, so it counts there (and is shown separately).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .facts import ZERO, AllocationFact, DisbursementFact, PlannedLine, rate


@dataclass
class Cell:
    allocated: Decimal = ZERO
    carried_in: Decimal = ZERO
    disbursed: Decimal = ZERO

    @property
    def rate(self) -> Decimal | None:
        return rate(self.disbursed, self.allocated)


@dataclass
class Group:
    key: Hashable
    label: str
    years: dict[int, Cell] = field(default_factory=dict)
    total: Cell = field(default_factory=Cell)
    planned: Decimal | None = None
    planned_code: str = ""
    depth: int = 0

    @property
    def allocated_vs_planned(self) -> Decimal | None:
        return rate(self.total.allocated, self.planned) if self.planned is not None else None

    def cells(self, years: Sequence[int]) -> list[Cell]:
        return [self.years.get(y, Cell()) for y in years]


def group_money(
    allocations: Sequence[AllocationFact],
    disbursements: Sequence[DisbursementFact],
    key: Callable[[AllocationFact], tuple[Hashable, str]],
) -> list[Group]:
    """One Group per key (in first-seen order of the allocations given)."""
    paid: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for d in disbursements:
        paid[d.allocation_ref] += d.amount
    groups: dict[Hashable, Group] = {}
    for a in allocations:
        k, label = key(a)
        g = groups.setdefault(k, Group(key=k, label=label))
        cell = g.years.setdefault(a.year, Cell())
        cell.allocated += a.amount
        cell.disbursed += paid[a.ref]
        g.total.disbursed += paid[a.ref]
        if a.carried_from_year is None:
            g.total.allocated += a.amount
        else:
            cell.carried_in += a.amount
    return list(groups.values())


def years_of(allocations: Sequence[AllocationFact]) -> list[int]:
    return sorted({a.year for a in allocations})


def planned_amount(lines: Sequence[PlannedLine], programme: str, source: str) -> PlannedLine | None:
    """The stated total for a programme and source ("total" source for the programme as a whole)."""
    for line in lines:
        if (line.programme, line.source, line.kind) == (programme, source, "total"):
            return line
    return None


def overview(
    planned: Sequence[PlannedLine],
    allocations: Sequence[AllocationFact],
    disbursements: Sequence[DisbursementFact],
    source_label: Callable[[str], str],
) -> list[Group]:
    """Programme rows (depth 0) each followed by its source rows (depth 1), with the plan's figures."""
    out: list[Group] = []
    ordered = sorted(allocations, key=lambda a: (a.programme, a.source))
    programmes = group_money(ordered, disbursements, lambda a: (a.programme, a.programme_name or a.programme))
    sources = group_money(ordered, disbursements, lambda a: ((a.programme, a.source), source_label(a.source)))
    for prog in programmes:
        line = planned_amount(planned, str(prog.key), "total")
        prog.planned, prog.planned_code = (line.amount, line.code) if line else (None, "")
        out.append(prog)
        for src in sources:
            if isinstance(src.key, tuple) and src.key[0] == prog.key:
                line = planned_amount(planned, str(prog.key), src.key[1])
                src.planned, src.planned_code = (line.amount, line.code) if line else (None, "")
                src.depth = 1
                out.append(src)
        stated = [
            p.amount for p in planned if p.programme == prog.key and p.source != "total" and p.kind == "total"
        ]
        if prog.planned is None and stated:
            # No programme total is stated: the sum of its stated sources is the best plan figure.
            prog.planned = sum(stated, ZERO)
    return out


@dataclass(frozen=True)
class QuarterPoint:
    label: str  # "Q1/2023"
    end: dt.date
    disbursed: Decimal  # in the quarter
    cumulative_disbursed: Decimal
    cumulative_allocated: Decimal  # new allocations of the years up to this one


def timeline(
    allocations: Sequence[AllocationFact], disbursements: Sequence[DisbursementFact]
) -> list[QuarterPoint]:
    """Quarter by quarter over the years that have allocations or disbursements."""
    years = sorted({a.year for a in allocations} | {d.date.year for d in disbursements})
    if not years:
        return []
    allocated_by_year: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for a in allocations:
        if a.carried_from_year is None:
            allocated_by_year[a.year] += a.amount
    points: list[QuarterPoint] = []
    cumulative = ZERO
    for year in range(years[0], years[-1] + 1):
        for quarter, (month, day) in enumerate(((3, 31), (6, 30), (9, 30), (12, 31)), start=1):
            start, end = dt.date(year, month - 2, 1), dt.date(year, month, day)
            in_quarter = sum((d.amount for d in disbursements if start <= d.date <= end), ZERO)
            cumulative += in_quarter
            allocated = sum((v for y, v in allocated_by_year.items() if y <= year), ZERO)
            points.append(QuarterPoint(f"Q{quarter}/{year}", end, in_quarter, cumulative, allocated))
    return points
