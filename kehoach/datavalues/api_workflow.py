"""API of the approval workflow, completeness and value history."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.accounts import scope
from kehoach.audit.choices import Channel
from kehoach.datavalues.completeness import completeness
from kehoach.datavalues.models import DataValueAudit, Submission
from kehoach.datavalues.services import (
    approve_submission,
    reopen_submission,
    return_submission,
    submit_submission,
)
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import parse_period
from kehoach.orgunits.models import OrgUnit


class SubmissionSerializer(serializers.ModelSerializer[Submission]):
    dataSet = serializers.CharField(source="data_set.code")
    orgUnit = serializers.CharField(source="unit.key")
    submittedAt = serializers.DateTimeField(source="submitted_at")
    decidedAt = serializers.DateTimeField(source="decided_at")

    class Meta:
        model = Submission
        fields = [
            "id",
            "dataSet",
            "orgUnit",
            "period",
            "status",
            "version",
            "submittedAt",
            "decidedAt",
            "comment",
            "is_demo",
        ]


def visible_submissions(user: Any) -> QuerySet[Submission]:
    sc = scope.scope_for(user)
    qs = Submission.objects.select_related("data_set", "unit")
    return qs if sc.everything else qs.filter(unit_id__in=sc.own_units)


class SubmissionList(generics.ListAPIView[Submission]):
    serializer_class = SubmissionSerializer

    @extend_schema(
        parameters=[OpenApiParameter(n, str) for n in ("dataSet", "period", "orgUnit", "status")],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Submission]:
        qs = visible_submissions(self.request.user)
        params = self.request.query_params
        for param, field in (
            ("dataSet", "data_set__code"),
            ("period", "period"),
            ("orgUnit", "unit__key"),
            ("status", "status"),
        ):
            if params.get(param):
                qs = qs.filter(**{field: params[param]})
        return qs.order_by("data_set__code", "period", "unit__key")


class SubmitInput(serializers.Serializer[Any]):
    dataSet = serializers.CharField()
    period = serializers.CharField()
    orgUnit = serializers.CharField()


class SubmitView(APIView):
    """Send a unit's form for a period to the level above (DHIS2: complete registration)."""

    @extend_schema(request=SubmitInput, responses={200: SubmissionSerializer})
    def post(self, request: Request) -> Response:
        data = SubmitInput(data=request.data)
        data.is_valid(raise_exception=True)
        ds = DataSet.objects.filter(code=data.validated_data["dataSet"]).first()
        unit = OrgUnit.objects.filter(key=data.validated_data["orgUnit"]).first()
        if ds is None or unit is None:
            raise NotFound("Không tìm thấy biểu hoặc đơn vị.")
        sub = submit_submission(
            actor=request.user,
            data_set=ds,
            unit=unit,
            period=data.validated_data["period"],
            channel=Channel.API,
        )
        return Response(SubmissionSerializer(sub).data)


class DecisionInput(serializers.Serializer[Any]):
    comment = serializers.CharField(
        required=False, allow_blank=True, help_text="Bắt buộc khi trả lại hoặc mở lại."
    )
    version = serializers.IntegerField(required=False)


class DecisionView(APIView):
    @extend_schema(request=DecisionInput, responses={200: SubmissionSerializer})
    def post(self, request: Request, pk: int, action: str) -> Response:
        sub = get_object_or_404(Submission.objects.select_related("data_set", "unit"), pk=pk)
        if not scope.can_view_data(request.user, sub.unit_id):
            raise NotFound("Không tìm thấy báo cáo.")
        data = DecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        text, version = data.validated_data.get("comment", ""), data.validated_data.get("version")
        if action == "approve":
            sub = approve_submission(
                actor=request.user,
                submission=sub,
                channel=Channel.API,
                comment=text,
                expected_version=version,
            )
        elif action == "return":
            sub = return_submission(
                actor=request.user,
                submission=sub,
                comment=text,
                channel=Channel.API,
                expected_version=version,
            )
        elif action == "reopen":
            sub = reopen_submission(
                actor=request.user, submission=sub, reason=text, channel=Channel.API, expected_version=version
            )
        else:
            raise NotFound("Thao tác không hợp lệ.")
        return Response(SubmissionSerializer(sub).data, status=status.HTTP_200_OK)


class UnitReportSerializer(serializers.Serializer[Any]):
    orgUnit = serializers.CharField()
    name = serializers.CharField()
    status = serializers.CharField()
    values = serializers.IntegerField()
    submittedAt = serializers.DateTimeField(allow_null=True)
    onTime = serializers.BooleanField(allow_null=True)


class CompletenessSerializer(serializers.Serializer[Any]):
    dataSet = serializers.CharField()
    period = serializers.CharField()
    dueOn = serializers.DateField(allow_null=True)
    expected = serializers.IntegerField()
    received = serializers.IntegerField()
    onTime = serializers.IntegerField()
    late = serializers.IntegerField()
    approved = serializers.IntegerField()
    units = UnitReportSerializer(many=True)


class CompletenessView(APIView):
    """Expected vs received forms, on time vs late, for the units in the user's scope."""

    @extend_schema(
        parameters=[
            OpenApiParameter("dataSet", str, required=True),
            OpenApiParameter("period", str, required=True),
        ],
        responses={200: CompletenessSerializer},
    )
    def get(self, request: Request) -> Response:
        ds = (
            DataSet.objects.filter(code=request.query_params.get("dataSet", ""))
            .select_related("plan")
            .first()
        )
        if ds is None:
            raise NotFound("Không có biểu này.")
        try:
            period = parse_period(request.query_params.get("period", ""), expected=ds.period_type)
        except ValueError as exc:
            raise ParseError(str(exc)) from exc
        report = completeness(data_set=ds, period=period, user=request.user)
        return Response(
            {
                "dataSet": ds.code,
                "period": period.code,
                "dueOn": report.round.due_on if report.round else None,
                "expected": report.expected,
                "received": report.received,
                "onTime": report.on_time,
                "late": report.late,
                "approved": report.approved,
                "units": [
                    {
                        "orgUnit": u.unit.key,
                        "name": u.unit.name,
                        "status": u.status,
                        "values": u.values,
                        "submittedAt": u.submitted_at,
                        "onTime": u.on_time,
                    }
                    for u in report.units
                ],
            }
        )


class AuditSerializer(serializers.ModelSerializer[DataValueAudit]):
    dataElement = serializers.CharField(source="value.element.code")
    orgUnit = serializers.CharField(source="value.unit.key")
    period = serializers.CharField(source="value.period")
    categoryOptionCombo = serializers.CharField(source="value.option_combo.code")
    user = serializers.CharField(source="actor_name")

    class Meta:
        model = DataValueAudit
        fields = [
            "at",
            "user",
            "action",
            "dataElement",
            "orgUnit",
            "period",
            "categoryOptionCombo",
            "old_value",
            "new_value",
            "old_comment",
            "new_comment",
            "channel",
            "reason",
        ]


class AuditList(generics.ListAPIView[DataValueAudit]):
    """Changes of values (DHIS2 /audits/dataValue), limited to units the user may read."""

    serializer_class = AuditSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(n, str) for n in ("orgUnit", "dataElement", "period", "categoryOptionCombo")
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[DataValueAudit]:
        sc = scope.scope_for(self.request.user)
        qs = DataValueAudit.objects.select_related("value__element", "value__unit", "value__option_combo")
        if not sc.everything:
            qs = qs.filter(value__unit_id__in=sc.own_units)
        params = self.request.query_params
        for param, field in (
            ("orgUnit", "value__unit__key"),
            ("dataElement", "value__element__code"),
            ("period", "value__period"),
            ("categoryOptionCombo", "value__option_combo__code"),
        ):
            if params.get(param):
                qs = qs.filter(**{field: params[param]})
        return qs.order_by("-at", "-id")
