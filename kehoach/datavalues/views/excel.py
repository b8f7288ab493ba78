"""Excel pages: download the pre-filled template, upload it with a dry-run preview, then commit."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from kehoach.core.exceptions import ValidationFailed
from kehoach.datavalues.excel.services import import_workbook, template_for
from kehoach.datavalues.views.common import period_of, unit_in_scope
from kehoach.indicators.models import DataSet
from kehoach.spreadsheets.limits import DEFAULT_LIMITS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_filename(*parts: str) -> str:
    """ASCII letters, digits, dot, dash: nothing that can break a Content-Disposition header."""
    return re.sub(r"[^A-Za-z0-9.\-]+", "_", "-".join(parts))[:120] + ".xlsx"


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu"))
    reason = forms.CharField(
        label=_("Lý do (ghi vào nhật ký, không bắt buộc)"), required=False, max_length=500
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > DEFAULT_LIMITS.max_bytes:
            raise forms.ValidationError(f"Tệp lớn hơn {DEFAULT_LIMITS.max_bytes // (1024 * 1024)} MB.")
        data: bytes = upload.read(DEFAULT_LIMITS.max_bytes + 1)
        return data


@login_required
def template(request: HttpRequest, data_set: str, unit: int, period: str) -> HttpResponse:
    ds = get_object_or_404(DataSet.objects.select_related("plan"), code=data_set)
    ou = unit_in_scope(request.user, unit)
    p = period_of(ds, period)
    try:
        content = template_for(user=request.user, data_set=ds, unit=ou, period=p)
    except ValidationFailed as exc:
        raise Http404(exc.message) from exc
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{safe_filename("mau", ds.code, p.code, ou.key)}"'
    )
    return response


@login_required
def upload(request: HttpRequest, data_set: str) -> HttpResponse:
    ds = get_object_or_404(DataSet.objects.select_related("plan"), code=data_set)
    form = UploadForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        commit = request.POST.get("action") == "commit"
        try:
            result = import_workbook(
                actor=request.user,
                data_set=ds,
                data=form.cleaned_data["file"],
                dry_run=not commit,
                reason=form.cleaned_data["reason"],
            )
        except ValidationFailed as exc:
            form.add_error("file", exc.message)
            status = 400
        else:
            if not result.summary.ok:
                status = 409 if result.summary.conflict else 400
                messages.error(
                    request, "Không ghi gì: tệp còn lỗi (xem từng dòng bên dưới). Sửa rồi tải lên lại."
                )
            elif result.summary.committed:
                c = result.summary.counts
                messages.success(
                    request,
                    f"Đã ghi: {c['created']} giá trị mới, {c['updated']} giá trị sửa, {c['unchanged']} không đổi.",
                )
            else:
                messages.info(
                    request,
                    "Chạy thử: tệp hợp lệ, chưa ghi gì. Chọn lại tệp và bấm “Ghi vào hệ thống” để ghi.",
                )
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "datavalues/upload.html",
        {"data_set": ds, "plan": ds.plan, "form": form, "result": result},
        status=status,
    )
