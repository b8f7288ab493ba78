"""API of units' own targets: GET/PUT/DELETE /api/v1/plans/{code}/unit-targets/.

GET lists what is set (`?unit=` for one unit); PUT sets rows for one unit, all or nothing; DELETE
clears one (`?unit=&target=`). Scope: kehoach.accounts.scope via the services (404 out of scope).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.audit.choices import Channel
from kehoach.core.exceptions import NotFound, ValidationFailed
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_for
from kehoach.plans.selectors_unit_targets import area_units_for, unit_targets_of
from kehoach.plans.services_unit_targets import UnitTargetInput, save_unit_targets

UNIT = OpenApiParameter("unit", int, required=False, description="Mã số (id) đơn vị.")


class UnitTargetSerializer(serializers.Serializer[Any]):  # read-only: many=True over a queryset
    target = serializers.CharField(source="target.code")
    unit = serializers.IntegerField(source="unit_id")
    unitName = serializers.CharField(source="unit.name")
    milestoneYear = serializers.IntegerField(source="milestone_year")
    value = serializers.DecimalField(max_digits=20, decimal_places=6, coerce_to_string=True)
    comparator = serializers.CharField(help_text="Để trống: như kế hoạch.")
    note = serializers.CharField()
    decisionNumber = serializers.CharField(source="decision_number")
    decisionDate = serializers.DateField(source="decision_date", allow_null=True)
    planValue = serializers.DecimalField(source="target.value", max_digits=20, decimal_places=6)
    planComparator = serializers.CharField(source="target.comparator")
    planMilestoneYear = serializers.IntegerField(source="target.milestone_year")
    setBy = serializers.CharField(source="set_by.username", allow_null=True, default=None)
    setAt = serializers.DateTimeField(source="set_at")


class RowSerializer(serializers.Serializer[Any]):
    target = serializers.CharField()
    value = serializers.CharField(help_text="Viết kiểu Việt Nam: 99,5 hoặc 1.234,5.")
    milestoneYear = serializers.IntegerField(required=False, allow_null=True)
    comparator = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    decisionNumber = serializers.CharField(required=False, allow_blank=True, default="")
    decisionDate = serializers.DateField(required=False, allow_null=True, default=None)


class PutSerializer(serializers.Serializer[Any]):
    unit = serializers.IntegerField()
    targets = RowSerializer(many=True)


def _unit(plan: Plan, user: Any, unit_id: Any) -> OrgUnit:
    """A unit of the plan's area the user may look at; 404 otherwise (no existence leak)."""
    found = next((u for u in area_units_for(user=user, plan=plan) if str(u.pk) == str(unit_id)), None)
    if found is None:
        raise NotFound("Không tìm thấy đơn vị.")
    return found


def _listing(plan: Plan, user: Any, unit: OrgUnit | None) -> list[dict[str, Any]]:
    units = [unit.pk] if unit else [u.pk for u in area_units_for(user=user, plan=plan)]
    rows = unit_targets_of(plan=plan, units=units).order_by(
        "unit__name", "target__milestone_year", "target__order"
    )
    return list(UnitTargetSerializer(rows, many=True).data)


class UnitTargetView(APIView):
    """Units' own targets of a plan (a commune's own plan), beside the plan's values."""

    @extend_schema(parameters=[UNIT], responses={200: UnitTargetSerializer(many=True)})
    def get(self, request: Request, code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        unit_id = request.query_params.get("unit")
        unit = _unit(plan, request.user, unit_id) if unit_id else None
        return Response(_listing(plan, request.user, unit))

    @extend_schema(request=PutSerializer, responses={200: UnitTargetSerializer(many=True)})
    def put(self, request: Request, code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        body = PutSerializer(data=request.data)
        if not body.is_valid():
            raise ValidationFailed("Dữ liệu gửi lên không hợp lệ.", messages=[str(body.errors)])
        unit = OrgUnit.objects.filter(pk=body.validated_data["unit"]).first()
        if unit is None:
            raise NotFound("Không tìm thấy đơn vị.")
        rows = {
            r["target"]: UnitTargetInput(
                value=r["value"],
                milestone_year=r.get("milestoneYear"),
                comparator=r["comparator"],
                note=r["note"],
                decision_number=r["decisionNumber"],
                decision_date=r["decisionDate"],
            )
            for r in body.validated_data["targets"]
        }
        save_unit_targets(actor=request.user, plan=plan, unit=unit, rows=rows, channel=Channel.API)
        return Response(_listing(plan, request.user, unit))

    @extend_schema(
        parameters=[
            OpenApiParameter("unit", int, required=True, description="Mã số (id) đơn vị."),
            OpenApiParameter("target", str, required=True, description="Mã chỉ tiêu."),
        ],
        responses={204: None},
    )
    def delete(self, request: Request, code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        target = request.query_params.get("target")
        unit = OrgUnit.objects.filter(pk=request.query_params.get("unit") or 0).first()
        if unit is None or not target:
            raise NotFound("Không tìm thấy đơn vị hoặc chỉ tiêu.")
        save_unit_targets(actor=request.user, plan=plan, unit=unit, rows={target: None}, channel=Channel.API)
        return Response(status=status.HTTP_204_NO_CONTENT)
