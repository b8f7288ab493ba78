"""API of reports: list, create a draft, read (with its figures), issue, download the files.

Same rules as the pages: out of scope (or a draft seen by a reader) is 404; creating and issuing
need can_issue_report (403). Figures are exact decimals written as strings.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.audit.choices import Channel
from kehoach.core import exceptions
from kehoach.plans.selectors import plan_for
from kehoach.reports import selectors, services, snapshot
from kehoach.reports.choices import ReportKind
from kehoach.reports.models import Report
from kehoach.reports.views import CONTENT_TYPES


class ReportSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    plan = serializers.CharField(source="plan.code")
    kind = serializers.CharField()
    year = serializers.IntegerField()
    status = serializers.CharField()
    number = serializers.CharField(source="number_text")
    issuedOn = serializers.DateField(source="issued_on", allow_null=True)
    asOf = serializers.DateField(source="as_of")
    issuer = serializers.CharField(source="issuer.code")
    subject = serializers.CharField()


class ReportDetailSerializer(ReportSerializer):
    sections = serializers.DictField(child=serializers.CharField(allow_blank=True))
    recipients = serializers.ListField(child=serializers.CharField())
    figures = serializers.DictField(
        help_text="Số liệu (đã chốt nếu đã ban hành); số thập phân ghi dạng chuỗi."
    )


class CreateSerializer(serializers.Serializer[Any]):
    plan = serializers.CharField()
    kind = serializers.ChoiceField(choices=ReportKind.values)
    year = serializers.IntegerField()
    asOf = serializers.DateField(required=False)


class IssueSerializer(serializers.Serializer[Any]):
    issuedOn = serializers.DateField(required=False)
    # Issuing cannot be undone (number taken, figures frozen): a client states it on purpose, as
    # the officer ticks the box on the page.
    confirm = serializers.BooleanField(
        help_text="true: xác nhận ban hành (không hoàn tác được)",
        error_messages={"required": "Ban hành không hoàn tác được: gửi “confirm”: true để xác nhận."},
    )

    def validate_confirm(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError(
                "Ban hành không hoàn tác được: gửi “confirm”: true để xác nhận."
            )
        return value


def _report(request: Request, pk: int) -> Report:
    try:
        return selectors.report_for(user=request.user, pk=pk)
    except exceptions.NotFound as exc:
        raise NotFound(exc.message) from exc


def _detail(request: Request, report: Report) -> dict[str, Any]:
    data = selectors.data_of(report, reader=request.user)
    out: dict[str, Any] = dict(ReportSerializer(report).data)
    out.update(
        sections=selectors.sections_of(report), recipients=report.recipients, figures=snapshot.to_json(data)
    )
    return out


class ReportList(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("plan", str, description="mã kế hoạch")],
        responses=ReportSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        reports = selectors.reports_visible_to(user=request.user)
        if request.query_params.get("plan"):
            reports = reports.filter(plan__code=request.query_params["plan"])
        return Response(ReportSerializer(reports.order_by("-year", "-id"), many=True).data)

    @extend_schema(request=CreateSerializer, responses={201: ReportDetailSerializer})
    def post(self, request: Request) -> Response:
        body = CreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        v = body.validated_data
        plan = plan_for(user=request.user, code=v["plan"])
        report = services.create_report(
            actor=request.user,
            plan=plan,
            kind=v["kind"],
            year=v["year"],
            as_of=v.get("asOf"),
            channel=Channel.API,
        )
        return Response(_detail(request, report), status=status.HTTP_201_CREATED)


class ReportDetail(APIView):
    @extend_schema(responses=ReportDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(_detail(request, _report(request, pk)))


class ReportIssue(APIView):
    @extend_schema(request=IssueSerializer, responses=ReportDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        report = _report(request, pk)
        body = IssueSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        issued = services.issue_report(
            actor=request.user,
            report=report,
            issued_on=body.validated_data.get("issuedOn"),
            channel=Channel.API,
        )
        return Response(_detail(request, issued))


class ReportFile(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request: Request, pk: int, fmt: str) -> HttpResponse:
        report = _report(request, pk)
        if fmt == "docx":
            content = selectors.render_docx(report, reader=request.user)
        elif fmt == "xlsx":
            content = selectors.render_xlsx(report, reader=request.user)
        elif fmt == "pdf":
            content = selectors.render_pdf(report, reader=request.user)
        else:
            raise NotFound("Không có định dạng này.")
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{selectors.file_name(report, fmt)}"'
        return response
