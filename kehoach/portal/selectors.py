"""Public reads: what anyone may see, always approved figures only.

The portal has no user: every plan is a public document, and its figures, money and tasks are
public by law (Law on Grassroots Democracy, 2022). What the public must never see (values not yet
approved, comments not yet published, contact details) is filtered here, in one place.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from kehoach.analytics.definitions import ValueStatus
from kehoach.analytics.services import PlanProgress, target_progress
from kehoach.audit.models import AuditEvent
from kehoach.budget.facts import DisbursementFact
from kehoach.budget.models import Allocation, Disbursement
from kehoach.budget.selectors import PlanMoney, allocation_fact, plan_communes, planned_lines
from kehoach.core.exceptions import NotFound
from kehoach.indicators.models import Indicator
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan
from kehoach.portal.choices import FeedbackStatus
from kehoach.portal.models import Feedback

# Always explicit, whatever the site setting says for officials' pages.
APPROVED = frozenset({ValueStatus.APPROVED})


def data_version() -> int:
    """Changes whenever any data changes: every write is audited in its own transaction, so the
    latest audit event id moves with every approval, allocation, task report or moderated comment."""
    return int(AuditEvent.objects.aggregate(v=Max("id"))["v"] or 0)


def public_plans() -> QuerySet[Plan]:
    return Plan.objects.select_related("admin_unit", "issuer").order_by("-period_start", "code")


def public_plan(code: str) -> Plan:
    plan = public_plans().filter(code=code).first()
    if plan is None or plan.admin_unit_id is None:
        raise NotFound(_("Không tìm thấy kế hoạch."))
    return plan


def area_units(plan: Plan) -> list[OrgUnit]:
    """The plan's unit, then its communes (including those formed in the 2025 reorganisation)."""
    assert plan.admin_unit is not None
    return [plan.admin_unit, *plan_communes(plan=plan).select_related("level")]


def communes(plan: Plan) -> list[OrgUnit]:
    return area_units(plan)[1:]


def public_unit(plan: Plan, unit_id: str | None) -> OrgUnit:
    """The unit a visitor picked (a commune of the plan's area), the plan's unit by default."""
    units = area_units(plan)
    if not unit_id:
        return units[0]
    found = next((u for u in units if str(u.pk) == unit_id), None)
    if found is None:
        raise NotFound(_("Không tìm thấy xã trong địa bàn kế hoạch."))
    return found


def progress(plan: Plan, unit: OrgUnit, as_of: dt.date) -> PlanProgress:
    return target_progress(plan, unit, as_of, statuses=APPROVED)


def plan_indicators(plan: Plan) -> list[Indicator]:
    """Indicators measuring the plan's targets, in catalogue order."""
    return list(
        Indicator.objects.filter(target_links__target__plan=plan)
        .select_related("agency")
        .distinct()
        .order_by("order", "code")
    )


def public_indicator(plan: Plan, code: str) -> Indicator:
    found = next((i for i in plan_indicators(plan) if i.code == code), None)
    if found is None:
        raise NotFound(_("Không tìm thấy chỉ số."))
    return found


def public_money(plan: Plan) -> PlanMoney:
    """The plan's stated budget, every allocation and disbursement recorded for it (public money)."""
    planned = planned_lines(plan=plan)
    allocations = Allocation.objects.filter(plan=plan).select_related(
        "plan", "programme", "component__parent", "commune", "agency"
    )
    disbursements = Disbursement.objects.filter(allocation__plan=plan).select_related("allocation")
    rows = list(allocations.order_by("year", "id"))
    return PlanMoney(
        planned=planned,
        allocations=[allocation_fact(a) for a in rows],
        disbursements=[
            DisbursementFact(d.ref, d.allocation.ref, d.date, d.amount_million_vnd)
            for d in disbursements.order_by("date", "id")
        ],
        has_demo=any(a.is_demo for a in rows),
    )


def programme_names(plan: Plan) -> dict[str, str]:
    lines = plan.budget_lines.select_related("programme")
    return {b.programme.code: b.programme.short_name or b.programme.name for b in lines}


def published_feedback(plan: Plan, **subject: Any) -> QuerySet[Feedback]:
    """Published comments only; callers never get `contact` (deferred and never rendered)."""
    return (
        Feedback.objects.filter(plan=plan, status=FeedbackStatus.PUBLISHED, **subject)
        .select_related("agency", "target", "task", "budget_line", "commune")
        .defer("contact")
        .order_by("-created_at", "-id")
    )
