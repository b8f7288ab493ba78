"""Reads over money records, always through the scope layer (out of scope = not found)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum

from kehoach.accounts.scope import money_filter
from kehoach.budget.alerts import Schedule
from kehoach.budget.checks import check_budget
from kehoach.budget.facts import AllocationFact, DisbursementFact, PlannedLine
from kehoach.budget.models import AlertPolicy, Allocation, Disbursement, ProgrammeComponent
from kehoach.core.exceptions import NotFound
from kehoach.core.formatting import vn_number
from kehoach.orgunits.models import OrgUnit, UnitLineage
from kehoach.orgunits.selectors import org_tree
from kehoach.plans.document import Finding
from kehoach.plans.models import BudgetLine, Plan

_RELATED = ("plan", "programme", "component__parent", "commune", "agency")


def allocations_visible_to(*, user: Any) -> QuerySet[Allocation]:
    return Allocation.objects.filter(money_filter(user)).select_related(*_RELATED)


def disbursements_visible_to(*, user: Any) -> QuerySet[Disbursement]:
    qs = Disbursement.objects.filter(money_filter(user, "allocation__plan__", "allocation__commune"))
    return qs.select_related(*(f"allocation__{r}" for r in _RELATED))


def allocation_for(*, user: Any, pk: Any) -> Allocation:
    found = allocations_visible_to(user=user).filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise NotFound("Không tìm thấy dòng giao vốn.")
    return found


def disbursement_for(*, user: Any, pk: Any) -> Disbursement:
    found = disbursements_visible_to(user=user).filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise NotFound("Không tìm thấy khoản giải ngân.")
    return found


def components_of(*, programme_id: int) -> QuerySet[ProgrammeComponent]:
    return ProgrammeComponent.objects.filter(programme_id=programme_id).select_related("parent")


def allocation_fact(a: Allocation) -> AllocationFact:
    component = a.component
    return AllocationFact(
        ref=a.ref,
        programme=a.programme.code,
        programme_name=str(a.programme),
        source=a.source,
        kind=a.kind,
        year=a.year,
        amount=a.amount_million_vnd,
        component=component.code if component else "",
        component_name=component.name if component else "",
        component_parent=component.parent.code if component and component.parent else "",
        commune_key=a.commune.key if a.commune else "",
        commune=a.commune.name if a.commune else "",
        agency=a.agency.code if a.agency else "",
        carried_from_year=a.carried_from_year,
        decision_date=a.decision_date,
    )


@dataclass(frozen=True)
class PlanMoney:
    """Everything the pure cores need about one plan's money, as the user may see it."""

    planned: list[PlannedLine]
    allocations: list[AllocationFact]
    disbursements: list[DisbursementFact]
    has_demo: bool


def planned_lines(*, plan: Plan) -> list[PlannedLine]:
    """The plan's budget lines as stated (public: the plan is a public document)."""
    lines = plan.budget_lines.select_related("programme", "parent").order_by("order")
    return [
        PlannedLine(
            code=b.code,
            programme=b.programme.code,
            source=b.source,
            kind=b.kind,
            amount=b.amount_million_vnd,
            parent=b.parent.code if b.parent else None,
            phase=b.phase,
        )
        for b in lines
    ]


def over_plan(
    *, plan: Plan, programme_id: int, programme_code: str, year: int, change: Decimal, exclude: Any = None
) -> str | None:
    """Vietnamese warning when allocating `change` more (in `year`) would take the programme's
    allocations past the plan's stated total for the phase covering that year; None otherwise.

    A typo of a few digits (12.345.670 for 12.345,67 triệu đồng) otherwise reaches the public
    portal at once; a real over-plan allocation (a revised plan) is confirmed by whoever enters it."""
    tops = [
        line
        for line in planned_lines(plan=plan)
        if line.parent is None
        and line.programme == programme_code
        and ((span := line.years()) is None or span[0] <= year <= span[1])
    ]
    if not tops:
        return None
    planned = sum((line.amount for line in tops), start=Decimal(0))
    rows = Allocation.objects.filter(plan=plan, programme_id=programme_id)
    spans = [span for line in tops if (span := line.years()) is not None]
    if len(spans) == len(tops):  # every line names its years: count the allocations of those years
        rows = rows.filter(year__gte=min(s[0] for s in spans), year__lte=max(s[1] for s in spans))
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    total = (rows.aggregate(total=Sum("amount_million_vnd"))["total"] or Decimal(0)) + change
    if total <= planned:
        return None
    phase = next((line.phase for line in tops if line.phase), "")
    return (
        f"Tổng vốn giao của chương trình {programme_code} sẽ là {vn_number(total)} triệu đồng, vượt "
        f"kế hoạch{f' giai đoạn {phase}' if phase else ''} là {vn_number(planned)} triệu đồng. "
        "Kiểm tra lại số tiền (đơn vị: triệu đồng)."
    )


def plan_money(*, plan: Plan, user: Any) -> PlanMoney:
    planned = planned_lines(plan=plan)
    allocations = list(allocations_visible_to(user=user).filter(plan=plan).order_by("year", "id"))
    disbursements = disbursements_visible_to(user=user).filter(allocation__plan=plan).order_by("date", "id")
    return PlanMoney(
        planned=planned,
        allocations=[allocation_fact(a) for a in allocations],
        disbursements=[
            DisbursementFact(d.ref, d.allocation.ref, d.date, d.amount_million_vnd) for d in disbursements
        ],
        has_demo=any(a.is_demo for a in allocations),
    )


def budget_findings(*, money: PlanMoney) -> list[Finding]:
    return check_budget(money.planned, money.allocations, money.disbursements)


def alert_schedule() -> Schedule:
    """The configured policy (admin), or the defaults: 25/50/75/100% by quarter end, 10 points, 25 days."""
    policy = AlertPolicy.objects.order_by("id").first()
    if policy is None:
        return Schedule()
    shares: tuple[Decimal, Decimal, Decimal, Decimal] = (
        policy.q1_percent,
        policy.q2_percent,
        policy.q3_percent,
        policy.q4_percent,
    )
    return Schedule(shares, policy.tolerance_points, policy.grace_days)


def parse_as_of(text: str | None, default: dt.date) -> dt.date:
    """The "as of" date of the alert page (?ngay=2025-10-25 or 25/10/2025); the default otherwise."""
    from kehoach.spreadsheets.errors import CellError
    from kehoach.spreadsheets.values import to_date

    if not text:
        return default
    try:
        return to_date(text)
    except CellError:
        return default


def plan_communes(*, plan: Plan) -> QuerySet[OrgUnit]:
    """Communes of the plan's area: below its unit, and those formed from them in 2025."""
    below = org_tree().descendants({plan.admin_unit_id}) if plan.admin_unit_id else set()
    formed = UnitLineage.objects.filter(predecessor__in=below).values_list("successor_id", flat=True)
    return OrgUnit.objects.filter(Q(pk__in=below) | Q(pk__in=formed), level__code="commune").order_by(
        "valid_to", "name"
    )


def line_money(*, line: BudgetLine, user: Any) -> tuple[Decimal, Decimal]:
    """(allocated, disbursed) in million VND for a stated plan line, as the user may see it.

    A line is matched by its dimensions: programme, then source and kind unless the line is a total
    over them (the seed's "Tổng vốn" line covers every source and kind of its programme)."""
    allocations = allocations_visible_to(user=user).filter(
        plan_id=line.plan_id, programme_id=line.programme_id
    )
    if line.source != "total":
        allocations = allocations.filter(source=line.source)
    if line.kind != "total":
        allocations = allocations.filter(kind=line.kind)
    allocated = allocations.aggregate(s=Sum("amount_million_vnd"))["s"] or Decimal(0)
    disbursed = disbursements_visible_to(user=user).filter(allocation__in=allocations).aggregate(
        s=Sum("amount_million_vnd")
    )["s"] or Decimal(0)
    return allocated, disbursed
