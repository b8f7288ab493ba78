"""Reads over plans: lists within the user's scope, the export document, findings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from kehoach.accounts.scope import plan_filter
from kehoach.core.exceptions import NotFound
from kehoach.plans import models as m
from kehoach.plans.document import FORMAT_ID, Finding, PlanDocument


def plans_visible_to(*, user: Any) -> QuerySet[m.Plan]:
    return m.Plan.objects.filter(plan_filter(user)).select_related("issuer", "admin_unit")


def plan_for(*, user: Any, code: str) -> m.Plan:
    """The plan with this code if the user may see it; NotFound otherwise (no existence leak)."""
    plan = plans_visible_to(user=user).filter(code=code).first()
    if plan is None:
        raise NotFound("Không tìm thấy kế hoạch.")
    return plan


def default_plan_for(*, user: Any) -> m.Plan | None:
    qs = plans_visible_to(user=user)
    preferred = settings.KEHOACH_DEFAULT_PLAN
    return (qs.filter(code=preferred).first() if preferred else None) or qs.order_by(
        "created_at", "id"
    ).first()


def plan_counts(*, plan: m.Plan) -> dict[str, int]:
    """Element counts; one small query each (a single aggregate over seven joins would multiply rows)."""
    counts = {
        "sections": plan.sections.count(),
        "objectives": plan.objectives.count(),
        "targets": plan.targets.count(),
        "tasks": plan.tasks.count(),
        "budget_lines": plan.budget_lines.count(),
        "responsibilities": plan.responsibilities.count(),
        "obligations": plan.obligations.count(),
    }
    counts["quantified_targets"] = plan.targets.filter(quantified=True).count()
    return counts


def _number(value: Decimal | None) -> int | float | None:
    """Export numbers as JSON numbers: integers stay integers, 99.5 stays 99.5."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


def _code(obj: Any) -> str | None:
    return obj.code if obj is not None else None


def plan_document(*, plan: m.Plan) -> PlanDocument:
    """The plan as a `kehoach.plan/1` document (the shape of the data file and of the export)."""
    sections = list(plan.sections.select_related("parent"))
    doc: dict[str, Any] = {
        "format": FORMAT_ID,
        "plan": {
            "code": plan.code,
            "doc_type": plan.doc_type,
            "doc_type_name": plan.doc_type_name,
            "number": plan.number or None,
            "symbol": plan.symbol,
            "issuer": plan.issuer.code,
            "issuer_name": plan.issuer_name,
            "place": plan.place,
            "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
            "issued_text": plan.issued_text,
            "issued_year": plan.issued_year,
            "issued_month": plan.issued_month,
            "title": plan.title,
            "period_start": plan.period_start,
            "period_end": plan.period_end,
            "vision_year": plan.vision_year,
            "admin_unit": _unit_ref(plan),
            "implements": [
                {
                    "kind": d.kind,
                    "number": d.number or None,
                    "date": d.date.isoformat() if d.date else None,
                    "issuer": d.issuer or None,
                    "title": d.title or None,
                    "relation": d.relation,
                }
                for d in plan.implements.all()
            ],
            "signer": plan.signer,
            "recipients": plan.recipients,
        },
        "sections": [
            {
                "code": s.code,
                "parent": _code(s.parent),
                "label": s.label,
                "kind": s.kind,
                "title": s.title,
                "text": s.text,
            }
            for s in sections
        ],
        "objectives": [
            {"code": o.code, "section": o.section.code, "text": o.text}
            for o in plan.objectives.select_related("section")
        ],
        "targets": [
            {
                "code": t.code,
                "section": t.section.code,
                "text": t.text,
                "milestone_year": t.milestone_year,
                "quantified": t.quantified,
                "comparator": t.comparator or None,
                "value": _number(t.value),
                "unit": t.unit or None,
                "kind": t.kind,
                "direction": t.direction,
                "measure": t.measure,
                "sector": t.sector,
                "population": t.population,
                "relative_to": t.relative_to or None,
                "parent": _code(t.parent),
            }
            for t in plan.targets.select_related("section", "parent")
        ],
        "tasks": [
            {
                "code": t.code,
                "section": t.section.code,
                "kind": t.kind,
                "title": t.title,
                "text": t.text,
                "sector": t.sector or None,
                "lead": _code(t.lead),
                "coordinating": sorted(a.code for a in t.coordinating.all()),
                "assignment_basis": t.assignment_basis or None,
                "parent": _code(t.parent),
            }
            for t in plan.tasks.select_related("section", "lead", "parent").prefetch_related(
                Prefetch("coordinating")
            )
        ],
        "budget_lines": [
            {
                "code": b.code,
                "section": _code(b.section),
                "programme": b.programme.code,
                "phase": b.phase or None,
                "source": b.source,
                "kind": b.kind,
                "amount_million_vnd": _number(b.amount_million_vnd),
                "text": b.text,
                "parent": _code(b.parent),
            }
            for b in plan.budget_lines.select_related("section", "programme", "parent")
        ],
        "responsibilities": [
            {
                "code": r.code,
                "section": r.section.code,
                "agency": r.agency.code,
                "text": r.text,
                "duties": r.duties,
            }
            for r in plan.responsibilities.select_related("section", "agency")
        ],
        "obligations": [
            {
                "code": o.code,
                "section": o.section.code,
                "kind": o.kind,
                "agency": o.agency.code,
                "recipients": sorted(a.code for a in o.recipients.all()),
                "frequency": o.frequency,
                "due_year": o.due_year,
                "text": o.text,
            }
            for o in plan.obligations.select_related("section", "agency").prefetch_related("recipients")
        ],
    }
    return doc  # type: ignore[return-value]


def _unit_ref(plan: m.Plan) -> dict[str, str] | None:
    if plan.admin_unit is None:
        return None
    code = plan.admin_unit.codes.select_related("scheme").order_by("scheme__valid_from", "id").first()
    return {"scheme": code.scheme.code, "code": code.code} if code else None


def plan_findings(*, plan: m.Plan, doc: PlanDocument | None = None) -> list[Finding]:
    """Consistency findings of the plan as stored (generic checks; the data is never corrected)."""
    from kehoach.docparse.findings import check_plan  # the checks are shared with document import

    return check_plan(doc if doc is not None else plan_document(plan=plan))


def plan_export(*, plan: m.Plan) -> dict[str, Any]:
    """The documented JSON export: the plan document plus its findings."""
    doc = plan_document(plan=plan)
    return {**doc, "findings": plan_findings(plan=plan, doc=doc)}
