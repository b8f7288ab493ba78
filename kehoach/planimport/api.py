"""API of plan import: parse a document and return what was read. Nothing is written.

`POST /api/v1/plan-imports/parse` takes a multipart upload (field `file`, .docx or .txt) and answers
the `kehoach.plan/1` document with `findings`, `spans` and the normalised `text` the spans refer to,
the same as `kehoach plan parse --with-text`. Plan owners and admins only (403 otherwise).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.accounts.scope import can_import_plan
from kehoach.core.exceptions import PermissionDenied
from kehoach.docparse import PlanParseError
from kehoach.plans.api import FindingSerializer

from .payload import parse_payload
from .upload import declared_size_too_large, parse_upload, too_large_message


class SpanSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["section", "objective", "target", "task", "budget_line", "responsibility", "obligation"]
    )
    start = serializers.IntegerField(help_text="vị trí đầu (tính theo ký tự) trong `text`")
    end = serializers.IntegerField(help_text="vị trí cuối (không kể) trong `text`")


ParseResponse = inline_serializer(
    "PlanImportParse",
    fields={
        "format": serializers.CharField(),
        "plan": serializers.DictField(),
        "sections": serializers.ListField(child=serializers.DictField()),
        "objectives": serializers.ListField(child=serializers.DictField()),
        "targets": serializers.ListField(child=serializers.DictField()),
        "tasks": serializers.ListField(child=serializers.DictField()),
        "budget_lines": serializers.ListField(child=serializers.DictField()),
        "responsibilities": serializers.ListField(child=serializers.DictField()),
        "obligations": serializers.ListField(child=serializers.DictField()),
        "findings": FindingSerializer(many=True),
        "spans": SpanSerializer(many=True),
        "text": serializers.CharField(),
    },
)
ErrorResponse = inline_serializer("PlanImportError", fields={"detail": serializers.CharField()})


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


class PlanImportParse(APIView):
    """Parse a plan document (.docx, .txt) into the plan data format, with findings and spans."""

    parser_classes = [MultiPartParser]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Decided on the declared size before authentication (whose CSRF check reads the body).
        size = declared_size_too_large(request._request) if request.method == "POST" else None
        if size is not None:
            raise PayloadTooLarge(too_large_message(size))
        super().initial(request, *args, **kwargs)

    @extend_schema(
        operation_id="plan_imports_parse",
        description=(
            "Đọc văn bản kế hoạch (.docx, .txt) thành dữ liệu kế hoạch (kehoach.plan/1), kèm các điểm cần "
            "rà soát (findings) và vị trí câu gốc của từng mục (spans, tính trên `text`). Không ghi gì vào "
            "hệ thống. Chỉ cơ quan chủ trì kế hoạch và quản trị hệ thống được dùng."
        ),
        request={
            "multipart/form-data": inline_serializer(
                "PlanImportUpload", fields={"file": serializers.FileField(help_text="tệp .docx hoặc .txt")}
            )
        },
        responses={
            200: ParseResponse,
            400: OpenApiResponse(ErrorResponse, description="tệp không đọc được hoặc không phải kế hoạch"),
            403: OpenApiResponse(ErrorResponse, description="vai trò không được nhập kế hoạch"),
            413: OpenApiResponse(ErrorResponse, description="tệp quá lớn"),
        },
    )
    def post(self, request: Request) -> Response:
        if not can_import_plan(request.user):
            raise PermissionDenied("Chỉ cơ quan chủ trì kế hoạch và quản trị hệ thống được nhập kế hoạch.")
        try:
            result, _name = parse_upload(request.FILES.get("file"))
        except PlanParseError as exc:
            return Response({"detail": exc.message_vi}, status=status.HTTP_400_BAD_REQUEST)
        return Response(parse_payload(result, with_text=True))
