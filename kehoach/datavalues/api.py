"""dataValueSets in the DHIS2 shape (JSON or CSV, dryRun, import summary), read and write."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.accounts import scope
from kehoach.audit.choices import Channel
from kehoach.datavalues.api_summary import ImportSummarySerializer, summary_json
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.datavalues.models import DataValue
from kehoach.datavalues.payload import FIELD_NAMES, PayloadError, parse_csv, parse_json
from kehoach.datavalues.services import save_data_values
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import parse_period
from kehoach.orgunits.models import OrgUnit
from kehoach.orgunits.selectors import org_tree
from kehoach.spreadsheets.writer import FORMULA_PREFIXES

MAX_BODY = 10 * 1024 * 1024
CSV_HEADER = [
    "dataelement",
    "period",
    "orgunit",
    "categoryoptioncombo",
    "value",
    "comment",
    "version",
    "lastupdated",
]


class BoundedBodyParser(BaseParser):
    """Hands the raw body to the view (which decodes JSON or CSV itself, refusing rather than
    guessing), reading at most MAX_BODY bytes: DRF's stream bypasses Django's own size check."""

    media_type = "*/*"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        data: bytes = stream.read(MAX_BODY + 1) if stream is not None else b""
        if len(data) > MAX_BODY:
            raise ParseError(f"Nội dung gửi lên quá lớn (tối đa {MAX_BODY // (1024 * 1024)} MB).")
        return data


class CSVRenderer(BaseRenderer):
    """Lets `?format=csv` through DRF's negotiation; the view builds the CSV itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return json.dumps(data, ensure_ascii=False, default=str).encode()


class DataValueInput(serializers.Serializer[Any]):
    dataElement = serializers.CharField()
    categoryOptionCombo = serializers.CharField(required=False, help_text="Mặc định “default” (tổng số).")
    period = serializers.CharField(required=False, help_text="Mặc định lấy “period” của cả gói.")
    orgUnit = serializers.CharField(required=False, help_text="Khóa đơn vị, ví dụ gso-legacy:03433.")
    value = serializers.CharField(allow_null=True, help_text="Số dạng 1234.5; rỗng hoặc null để xóa.")
    comment = serializers.CharField(required=False)
    version = serializers.IntegerField(
        required=False, help_text="Phiên bản đã đọc; khác phiên bản hiện tại thì bị từ chối."
    )


class DataValueSetInput(serializers.Serializer[Any]):
    dataSet = serializers.CharField()
    period = serializers.CharField(required=False)
    orgUnit = serializers.CharField(required=False)
    dataValues = DataValueInput(many=True)


class DataValueOutput(DataValueInput):
    lastUpdated = serializers.DateTimeField()


class DataValueSetOutput(serializers.Serializer[Any]):
    dataSet = serializers.CharField()
    period = serializers.CharField()
    orgUnit = serializers.CharField()
    dataValues = DataValueOutput(many=True)


def _csv_cell(text: str) -> str:
    """No exported comment may become a formula when the CSV is opened in a spreadsheet."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class DataValueSets(APIView):
    parser_classes = [BoundedBodyParser]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]

    @extend_schema(
        operation_id="dataValueSets_read",
        parameters=[
            OpenApiParameter("dataSet", str, required=True),
            OpenApiParameter("period", str, required=True),
            OpenApiParameter("orgUnit", str, required=True, description="Khóa đơn vị"),
            OpenApiParameter("children", bool, description="Kèm các đơn vị trực thuộc"),
            OpenApiParameter("format", str, enum=["json", "csv"]),
        ],
        responses={200: DataValueSetOutput},
    )
    def get(self, request: Request) -> Response | HttpResponse:
        ds = DataSet.objects.filter(code=request.query_params.get("dataSet", "")).first()
        unit = OrgUnit.objects.filter(key=request.query_params.get("orgUnit", "")).first()
        if ds is None or unit is None or not scope.can_view_data(request.user, unit.pk):
            raise NotFound("Không tìm thấy biểu hoặc đơn vị (hoặc đơn vị ngoài phạm vi của bạn).")
        try:
            period = parse_period(request.query_params.get("period", ""), expected=ds.period_type)
        except ValueError as exc:
            raise ParseError(str(exc)) from exc
        units = {unit.pk}
        if request.query_params.get("children") in ("true", "1"):
            units |= org_tree().descendants([unit.pk])
        units = {u for u in units if scope.can_view_data(request.user, u)}
        cat = data_set_catalogue(data_set=ds)
        elements = {e.pk for e in cat.elements.values() if scope.can_handle_element(request.user, e.agencies)}
        values = (
            DataValue.objects.filter(
                unit_id__in=units, period=period.code, element_id__in=elements, deleted=False
            )
            .select_related("element", "unit", "option_combo")
            .order_by("unit__key", "element__code", "option_combo__order", "option_combo__code")
        )
        rows = [
            {
                "dataElement": v.element.code,
                "period": v.period,
                "orgUnit": v.unit.key,
                "categoryOptionCombo": v.option_combo.code,
                "value": format(v.value.normalize(), "f"),
                "comment": v.comment,
                "version": v.version,
                "lastUpdated": v.updated_at.isoformat(),
            }
            for v in values
        ]
        if request.query_params.get("format") == "csv" or "text/csv" in request.headers.get("Accept", ""):
            return _csv_response(rows)
        return Response({"dataSet": ds.code, "period": period.code, "orgUnit": unit.key, "dataValues": rows})

    @extend_schema(
        operation_id="dataValueSets_import",
        parameters=[
            OpenApiParameter("dryRun", bool, description="Chỉ kiểm tra, không ghi gì"),
            OpenApiParameter("dataSet", str, description="Bắt buộc khi gửi CSV"),
        ],
        request={"application/json": DataValueSetInput, "text/csv": OpenApiTypes.STR},
        responses={200: ImportSummarySerializer, 409: ImportSummarySerializer},
    )
    def post(self, request: Request) -> Response:
        body: bytes = request.data if isinstance(request.data, bytes) else b""
        dry_run = request.query_params.get("dryRun", "").lower() in ("true", "1")
        try:
            if "csv" in (request.content_type or ""):
                payload = parse_csv(body, data_set=request.query_params.get("dataSet", ""))
            else:
                payload = parse_json(body)
        except PayloadError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        ds = DataSet.objects.filter(code=payload.data_set).first()
        if ds is None:
            raise NotFound(f"Không có biểu mã “{payload.data_set}”.")
        summary = save_data_values(
            actor=request.user, data_set=ds, rows=payload.rows, channel=Channel.API, dry_run=dry_run
        )
        code = status.HTTP_200_OK if summary.ok else status.HTTP_409_CONFLICT
        return Response(summary_json(summary, FIELD_NAMES), status=code)


def _csv_response(rows: list[dict[str, Any]]) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            [
                row["dataElement"],
                row["period"],
                row["orgUnit"],
                row["categoryOptionCombo"],
                row["value"],
                _csv_cell(row["comment"]),
                row["version"],
                row["lastUpdated"],
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dataValueSets.csv"'
    return response
