"""Excel through the API: the template for a unit and period, and an upload answered by the same
import summary as dataValueSets (each conflict names sheet, row and column)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.accounts import scope
from kehoach.core.exceptions import ValidationFailed
from kehoach.datavalues.api_summary import ImportSummarySerializer, summary_json
from kehoach.datavalues.excel.services import import_workbook, template_for
from kehoach.datavalues.payload import FIELD_NAMES
from kehoach.datavalues.views.excel import XLSX, safe_filename
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import parse_period
from kehoach.orgunits.models import OrgUnit
from kehoach.spreadsheets.limits import DEFAULT_LIMITS


class ExcelUploadInput(serializers.Serializer[Any]):
    file = serializers.FileField()


class ExcelTemplate(APIView):
    @extend_schema(
        parameters=[OpenApiParameter(n, str, required=True) for n in ("dataSet", "period", "orgUnit")],
        responses={(200, XLSX): OpenApiTypes.BINARY},
    )
    def get(self, request: Request) -> HttpResponse:
        ds = DataSet.objects.filter(code=request.query_params.get("dataSet", "")).first()
        unit = OrgUnit.objects.filter(key=request.query_params.get("orgUnit", "")).first()
        if ds is None or unit is None or not scope.can_view_data(request.user, unit.pk):
            raise NotFound("Không tìm thấy biểu hoặc đơn vị.")
        try:
            period = parse_period(request.query_params.get("period", ""), expected=ds.period_type)
            content = template_for(user=request.user, data_set=ds, unit=unit, period=period)
        except ValueError as exc:
            raise ParseError(str(exc)) from exc
        except ValidationFailed as exc:
            raise NotFound(exc.message) from exc
        response = HttpResponse(content, content_type=XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="{safe_filename("mau", ds.code, period.code, unit.key)}"'
        )
        return response


class ExcelUpload(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        parameters=[OpenApiParameter("dataSet", str, required=True), OpenApiParameter("dryRun", bool)],
        request={"multipart/form-data": ExcelUploadInput},
        responses={200: ImportSummarySerializer, 400: OpenApiTypes.OBJECT, 409: ImportSummarySerializer},
    )
    def post(self, request: Request) -> Response:
        ds = DataSet.objects.filter(code=request.query_params.get("dataSet", "")).first()
        if ds is None:
            raise NotFound("Không có biểu này.")
        upload = request.FILES.get("file")
        if upload is None:
            raise ParseError("Thiếu tệp (trường “file”).")
        if upload.size is None or upload.size > DEFAULT_LIMITS.max_bytes:
            raise ParseError(f"Tệp lớn hơn {DEFAULT_LIMITS.max_bytes // (1024 * 1024)} MB.")
        dry_run = request.query_params.get("dryRun", "").lower() in ("true", "1")
        result = import_workbook(actor=request.user, data_set=ds, data=upload.read(), dry_run=dry_run)
        body = summary_json(result.summary, FIELD_NAMES)
        body["conflicts"] = [
            {"row": line, "field": "", "severity": severity, "message": text}
            for line, severity, text in result.messages
        ]
        return Response(body, status=status.HTTP_200_OK if result.summary.ok else status.HTTP_409_CONFLICT)
