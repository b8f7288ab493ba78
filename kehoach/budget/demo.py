"""Demo money for `kehoach init --demo`: deterministic, plausible allocations and disbursements
2021-2025 per programme, source and commune, with some communes lagging and some carry-over.

Everything is marked `is_demo` and shown as "dữ liệu minh họa". Rows are bulk-created (hundreds of
them) and recorded as one audit event, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from kehoach.agencies.models import Agency
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.budget.models import Allocation, Disbursement, ProgrammeComponent
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan

YEARS = {
    2021: Decimal("0.05"),
    2022: Decimal("0.20"),
    2023: Decimal("0.25"),
    2024: Decimal("0.25"),
    2025: Decimal("0.25"),
}
SHARE_ALLOCATED = Decimal("0.9")  # the demo allocates 90% of what the plan states
# Cumulative share paid at the end of each quarter: on time, and lagging.
ON_TIME = (Decimal("0.15"), Decimal("0.40"), Decimal("0.70"), Decimal("0.97"))
LAGGING = (Decimal("0"), Decimal("0.08"), Decimal("0.22"), Decimal("0.55"))
PAY_DAYS = ((3, 20), (6, 18), (9, 22), (12, 19))


def _planned(plan: Plan) -> dict[tuple[int, str, str], Decimal]:
    """(programme id, source, kind) -> stated amount; a source stated only as a total is split 70/30."""
    out: dict[tuple[int, str, str], Decimal] = {}
    lines = list(plan.budget_lines.filter(source__in=["central", "local"]))
    for line in lines:
        if line.kind != "total":
            out[(line.programme_id, line.source, line.kind)] = line.amount_million_vnd
    for line in lines:
        if line.kind == "total" and (line.programme_id, line.source, "investment") not in out:
            out[(line.programme_id, line.source, "investment")] = line.amount_million_vnd * Decimal("0.7")
            out[(line.programme_id, line.source, "recurrent")] = line.amount_million_vnd * Decimal("0.3")
    return {k: v for k, v in out.items() if v > 0}


def _leaves(programme_id: int, kind: str) -> list[ProgrammeComponent | None]:
    leaves: list[ProgrammeComponent | None] = list(
        ProgrammeComponent.objects.filter(programme_id=programme_id, children__isnull=True).order_by("order")
    )
    if not leaves:
        return [None]
    half = max(1, len(leaves) // 2)
    return leaves[:half] if kind == "investment" else leaves[half:] or leaves


@transaction.atomic
def create_demo_budget(*, plan: Plan) -> int:
    """Create the demo money of `plan` once; returns the number of allocations created (0 if present)."""
    if Allocation.objects.filter(plan=plan, is_demo=True).exists() or plan.admin_unit_id is None:
        return 0
    rng = random.Random(f"kehoach-demo-{plan.code}")  # same data on every machine
    communes = list(
        OrgUnit.objects.filter(parent_links__parent=plan.admin_unit, level__code="commune")
        .distinct()
        .order_by("key")
    )
    agencies = {
        a.admin_unit_id: a for a in Agency.objects.filter(admin_unit__in=communes, kind="people_committee")
    }
    lagging = {c.pk for i, c in enumerate(communes) if i % 4 == 2}
    allocations: list[Allocation] = []
    payments: list[tuple[Allocation, tuple[Decimal, ...], int]] = []
    number = 0
    for (programme_id, source, kind), stated in sorted(_planned(plan).items()):
        leaves = _leaves(programme_id, kind)
        for year, share in YEARS.items():
            total = stated * SHARE_ALLOCATED * share
            number += 1
            common = {
                "plan": plan,
                "programme_id": programme_id,
                "source": source,
                "kind": kind,
                "year": year,
                "decision_number": f"{number:02d}/QĐ-UBND",
                "decision_date": dt.date(year, 1, 10 + number % 15),
                "is_demo": True,
                "note": "Dữ liệu minh họa",
            }
            # Central money goes to communes; local counterpart money stays with the district.
            targets: list[OrgUnit | None] = list(communes) if source == "central" and communes else [None]
            weights = [Decimal(rng.randint(60, 140)) for _ in targets]
            for i, (commune, weight) in enumerate(zip(targets, weights, strict=True)):
                amount = (total * weight / sum(weights)).quantize(Decimal(1))
                if amount <= 0:
                    continue
                allocation = Allocation(
                    **common,
                    component=leaves[(i + year) % len(leaves)],
                    commune=commune,
                    agency=agencies.get(commune.pk) if commune else None,
                    amount_million_vnd=amount,
                )
                allocations.append(allocation)
                slow = commune is not None and commune.pk in lagging
                payments.append((allocation, LAGGING if slow else ON_TIME, year))
                if slow and year < 2025 and kind == "investment":
                    carried = (amount * (1 - LAGGING[-1]) * Decimal("0.8")).quantize(Decimal(1))
                    carry = Allocation(
                        **{
                            **common,
                            "year": year + 1,
                            "decision_number": f"CN{number:02d}/QĐ-UBND",
                            "decision_date": dt.date(year + 1, 2, 15),
                        },
                        carried_from_year=year,
                        component=allocation.component,
                        commune=commune,
                        agency=allocation.agency,
                        amount_million_vnd=carried,
                    )
                    allocations.append(carry)
                    payments.append(
                        (carry, (Decimal("0.3"), Decimal("0.6"), Decimal("0.8"), Decimal("0.95")), year + 1)
                    )
    for allocation in allocations:
        allocation.natural_key = allocation.compute_key()
    Allocation.objects.bulk_create(allocations)
    disbursements = []
    voucher = 0
    for allocation, shares, year in payments:
        paid = Decimal(0)
        for (month, day), share in zip(PAY_DAYS, shares, strict=True):
            amount = (allocation.amount_million_vnd * share).quantize(Decimal(1)) - paid
            if amount > 0:
                voucher += 1
                disbursements.append(
                    Disbursement(
                        allocation=allocation,
                        date=dt.date(year, month, day),
                        amount_million_vnd=amount,
                        reference=f"UNC {voucher:05d}",
                        is_demo=True,
                    )
                )
                paid += amount
    Disbursement.objects.bulk_create(disbursements)
    record_event(
        actor=None,
        action="budget.demo.create",
        obj=plan,
        changes={"allocations": len(allocations), "disbursements": len(disbursements), "is_demo": True},
        channel=Channel.SYSTEM,
    )
    return len(allocations)
