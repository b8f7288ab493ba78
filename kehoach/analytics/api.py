"""API: progress of a plan's targets at one unit (the figures of the dashboard)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.analytics.access import plan_and_unit
from kehoach.analytics.services import TargetProgress, counted_label, target_progress
from kehoach.analytics.targets import Status
from kehoach.core import exceptions


class FigureSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    text = serializers.CharField()


class TargetProgressSerializer(serializers.Serializer[Any]):
    target = serializers.CharField()
    text = serializers.CharField()
    indicator = serializers.CharField(allow_null=True)
    milestoneYear = serializers.IntegerField()
    comparator = serializers.CharField()
    targetLevel = serializers.DecimalField(max_digits=40, decimal_places=10, allow_null=True)
    baselineYear = serializers.IntegerField(allow_null=True)
    baseline = serializers.DecimalField(max_digits=40, decimal_places=10, allow_null=True)
    latestYear = serializers.IntegerField(allow_null=True)
    latest = serializers.DecimalField(max_digits=40, decimal_places=10, allow_null=True)
    trajectory = serializers.DecimalField(max_digits=40, decimal_places=10, allow_null=True)
    gap = serializers.DecimalField(max_digits=40, decimal_places=10, allow_null=True)
    annualChangeNeeded = serializers.DecimalField(max_digits=40, decimal_places=10, allow_null=True)
    forecast = serializers.DecimalField(max_digits=40, decimal_places=10, allow_null=True)
    status = serializers.ChoiceField(choices=[s.value for s in Status])
    statusLabel = serializers.CharField()
    approximate = serializers.BooleanField()
    approximateReasons = serializers.ListField(child=serializers.CharField())
    explanation = serializers.CharField()
    rule = serializers.CharField()
    figures = FigureSerializer(many=True)


class PlanProgressSerializer(serializers.Serializer[Any]):
    plan = serializers.CharField()
    unit = serializers.IntegerField()
    unitName = serializers.CharField()
    asOf = serializers.DateField()
    countedStatuses = serializers.ListField(child=serializers.CharField())
    counted = serializers.CharField(help_text="Những số liệu được tính (tiếng Việt).")
    targets = TargetProgressSerializer(many=True)


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def progress_row(row: TargetProgress) -> dict[str, Any]:
    j = row.judgement
    return {
        "target": row.target.code,
        "text": row.target.text,
        "indicator": row.indicator.code if row.indicator else None,
        "milestoneYear": j.milestone_year,
        "comparator": j.comparator.value,
        "targetLevel": _number(j.target_level),
        "baselineYear": j.baseline.year if j.baseline else None,
        "baseline": _number(j.baseline.value) if j.baseline else None,
        "latestYear": j.latest_year,
        "latest": _number(j.latest),
        "trajectory": _number(j.trajectory),
        "gap": _number(j.gap),
        "annualChangeNeeded": _number(j.annual_change_needed),
        "forecast": _number(j.forecast),
        "status": j.status.value,
        "statusLabel": row.status_label,
        "approximate": j.approximate,
        "approximateReasons": list(row.reasons),
        "explanation": j.explanation.sentence,
        "rule": j.explanation.rule,
        "figures": [{"name": f.label, "text": f.text} for f in j.explanation.figures],
    }


class PlanProgressView(APIView):
    """Every quantified target of the plan judged at a unit (default: the plan's unit), computed now."""

    @extend_schema(
        parameters=[OpenApiParameter("unit", int, required=False, description="Mã số (id) đơn vị.")],
        responses={200: PlanProgressSerializer},
    )
    def get(self, request: Request, code: str) -> Response:
        try:
            plan, unit, _choices = plan_and_unit(
                user=request.user, code=code, unit_id=request.query_params.get("unit")
            )
        except exceptions.NotFound as exc:
            raise NotFound(exc.message) from exc
        progress = target_progress(plan, unit)
        return Response(
            {
                "plan": plan.code,
                "unit": unit.pk,
                "unitName": unit.name,
                "asOf": progress.as_of,
                "countedStatuses": sorted(s.value for s in progress.statuses),
                "counted": counted_label(progress.statuses),
                "targets": [progress_row(r) for r in progress.rows],
            }
        )
