"""API of the analytics pages: indicator figures, unit scorecard, performance table, comparison.

Each endpoint returns what its page shows, built by the same functions; decimals are exact
strings (round only for display). Out of scope (plan, unit, indicator): 404.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.analytics import comparison
from kehoach.analytics import serializers_pages as s
from kehoach.analytics.access import plan_and_unit
from kehoach.analytics.api import progress_row
from kehoach.analytics.definitions import IndicatorValue
from kehoach.analytics.indicator_page import indicator_page
from kehoach.analytics.performance import parse_filters, performance_table
from kehoach.analytics.selectors import counted_statuses
from kehoach.analytics.services import PlanProgress, counted_label, target_progress
from kehoach.core import exceptions
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan

UNIT = OpenApiParameter(
    "unit", int, required=False, description="Mã số (id) đơn vị; mặc định: đơn vị của kế hoạch."
)


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _resolve(request: Request, code: str, unit_id: str | None) -> tuple[Plan, OrgUnit]:
    try:
        plan, unit, _choices = plan_and_unit(user=request.user, code=code, unit_id=unit_id)
    except exceptions.NotFound as exc:
        raise NotFound(exc.message) from exc
    return plan, unit


def _head(plan: Plan, unit: OrgUnit, progress: PlanProgress) -> dict[str, Any]:
    return {
        "plan": plan.code,
        "unit": unit.pk,
        "unitName": unit.name,
        "asOf": progress.as_of,
        "countedStatuses": sorted(v.value for v in progress.statuses),
        "counted": counted_label(progress.statuses),
    }


def _cell(cell: IndicatorValue | None) -> dict[str, Any]:
    if cell is None:
        return {"value": None, "numerator": None, "denominator": None, "approximate": False, "reasons": []}
    return {
        "value": str(cell.value),
        "numerator": str(cell.numerator),
        "denominator": _number(cell.denominator),
        "approximate": cell.approximate,
        "reasons": list(cell.reasons),
    }


class IndicatorFiguresView(APIView):
    """An indicator at a unit: actual, trajectory and target by year; the units below; breakdowns."""

    @extend_schema(
        parameters=[
            UNIT,
            OpenApiParameter(
                "units",
                bool,
                required=False,
                description="false: bỏ qua số liệu các đơn vị cấp dưới (nhanh hơn). Mặc định: có.",
            ),
        ],
        responses={200: s.IndicatorPageSerializer},
    )
    def get(self, request: Request, code: str, indicator: str) -> Response:
        plan, unit = _resolve(request, code, request.query_params.get("unit"))
        with_units = request.query_params.get("units", "true").lower() not in ("false", "0")
        try:
            page = indicator_page(
                user=request.user, plan=plan, unit=unit, code=indicator, with_units=with_units
            )
        except exceptions.NotFound as exc:
            raise NotFound(exc.message) from exc
        charted = page.charted
        return Response(
            {
                **_head(plan, unit, page.progress),
                "indicator": page.indicator.code,
                "indicatorName": page.indicator.name,
                "unitLabel": page.indicator.unit_label,
                "targets": [{**progress_row(line.row), "charted": line.charted} for line in page.lines],
                "years": [
                    {
                        "year": y.year,
                        **_cell(y.actual),
                        "trajectories": [
                            {"target": line.row.target.code, "value": _number(v)}
                            for line, v in zip(charted, y.trajectories, strict=True)
                        ],
                    }
                    for y in page.years
                ],
                "units": [
                    {
                        "unit": r.unit.pk,
                        "unitName": r.unit.name,
                        "year": r.year,
                        **_cell(r.cell),
                        "statuses": [
                            {"target": st.target, "status": st.status.value, "statusLabel": st.label}
                            for st in r.statuses
                        ],
                    }
                    for r in page.units
                ],
                "breakdowns": [
                    {
                        "name": b.name,
                        "year": b.year,
                        "rows": [
                            {"categoryOptionCombo": r.code, "name": r.name, **_cell(r.cell)} for r in b.rows
                        ],
                    }
                    for b in page.breakdowns
                ],
                "comparisons": [_table(t) for t in page.comparisons],
            }
        )


class UnitScorecardView(APIView):
    """Every quantified target of the plan judged at one unit."""

    @extend_schema(responses={200: s.ScorecardSerializer})
    def get(self, request: Request, code: str, unit_id: int) -> Response:
        plan, unit = _resolve(request, code, str(unit_id))
        progress = target_progress(plan, unit)
        return Response({**_head(plan, unit, progress), "targets": [progress_row(r) for r in progress.rows]})


class PerformanceView(APIView):
    """Target × year: level to be at, actual, percent of target, status; filterable."""

    @extend_schema(
        parameters=[
            UNIT,
            OpenApiParameter("sector", str, required=False, description="Lĩnh vực (mã), ví dụ economy."),
            OpenApiParameter("milestone", int, required=False, description="Năm mốc."),
            OpenApiParameter("status", str, required=False, description="Đánh giá (mã), ví dụ at_risk."),
        ],
        responses={200: s.PerformanceSerializer},
    )
    def get(self, request: Request, code: str) -> Response:
        q = request.query_params
        plan, unit = _resolve(request, code, q.get("unit"))
        filters = parse_filters(q.get("sector"), q.get("milestone"), q.get("status"))
        table = performance_table(plan, unit, filters)
        rows = [
            {
                "target": r.progress.target.code,
                "indicator": r.progress.indicator.code if r.progress.indicator else None,
                "milestoneYear": r.progress.judgement.milestone_year,
                "year": r.year,
                "comparator": r.progress.judgement.comparator.value,
                "targetValue": _number(r.target_value),
                "isMilestone": r.milestone,
                "actual": _number(r.actual),
                "percentOfTarget": _number(r.percent),
                "onPath": r.on_path,
                "status": r.status.value,
                "statusLabel": r.status_label,
                "approximate": r.approximate,
            }
            for r in table.rows
        ]
        applied = {"sector": filters.sector, "milestone": filters.milestone, "status": filters.status}
        return Response({**_head(plan, unit, table.progress), "filters": applied, "rows": rows})


def _table(t: comparison.Table) -> dict[str, Any]:
    p = t.pair
    return {
        "kind": p.kind,
        "minorityIndicator": p.minority.code,
        "wholeIndicator": p.whole.code,
        "minorityLabel": p.minority_label,
        "wholeLabel": p.whole_label,
        "rows": [
            {
                "year": r.year,
                "minority": _number(r.minority),
                "whole": _number(r.whole),
                "difference": _number(r.difference),
                "approximate": r.approximate,
                "reasons": list(r.reasons),
            }
            for r in t.rows
        ],
    }


class ComparisonView(APIView):
    """Ethnic-minority vs whole-population figures by year, where the data allow it."""

    @extend_schema(parameters=[UNIT], responses={200: s.ComparisonSerializer})
    def get(self, request: Request, code: str) -> Response:
        plan, unit = _resolve(request, code, request.query_params.get("unit"))
        statuses = counted_statuses()
        return Response(
            {
                "plan": plan.code,
                "unit": unit.pk,
                "unitName": unit.name,
                "countedStatuses": sorted(v.value for v in statuses),
                "counted": counted_label(statuses),
                "pairs": [_table(t) for t in comparison.tables(plan, unit.pk)],
            }
        )
