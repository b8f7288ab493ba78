"""HTML forms of task tracking. Shape of the input only; the rules live in the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from kehoach.assignments.choices import STORED_STATUS_CHOICES
from kehoach.web.forms import VNDecimalField

_KEEP = [("", _("— giữ nguyên —"))]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """Several files in one input. Every check (size, name, type, count) is the service's, so that
    the web form, the API and any import give the same Vietnamese message for the same file."""

    widget = MultipleFileInput

    def clean(self, value: Any) -> list[UploadedFile[Any]]:
        if not value:
            return []
        files = value if isinstance(value, list | tuple) else [value]
        return [f for f in files if isinstance(f, UploadedFile)]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProgressReportForm(forms.Form):
    reported_on = forms.DateField(label=_("Ngày báo cáo"), widget=_date_input())
    narrative = forms.CharField(
        label=_("Nội dung báo cáo"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Việc đã làm, kết quả, khó khăn và kiến nghị."),
    )
    status = forms.ChoiceField(label=_("Trạng thái"), choices=_KEEP + STORED_STATUS_CHOICES, required=False)
    percent = VNDecimalField(
        label=_("Tỷ lệ hoàn thành (%)"),
        required=False,
        max_digits=5,
        decimal_places=2,
        help_text=_("Từ 0 đến 100, ví dụ 62,5. Đạt 100% là hoàn thành."),
    )
    evidence = MultipleFileField(
        label=_("Tệp minh chứng"),
        required=False,
        help_text=_("PDF, ảnh PNG/JPEG, Word (.docx), Excel (.xlsx) hoặc văn bản (.txt)."),
    )

    def __init__(self, *args: Any, sets_progress: bool, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reported_on"].initial = today
        if not sets_progress:
            # Coordinating agencies and parent tasks: narrative and evidence only (see services).
            del self.fields["status"]
            del self.fields["percent"]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class TrackingForm(forms.Form):
    period_start = forms.IntegerField(label=_("Từ năm"), required=False, min_value=1900, max_value=2200)
    due_year = forms.IntegerField(
        label=_("Hoàn thành trong năm"), required=False, min_value=1900, max_value=2200
    )
    deadline = forms.DateField(
        label=_("Thời hạn (ngày)"),
        required=False,
        widget=_date_input(),
        help_text=_("Để trống thì hạn là 31/12 của năm hoàn thành."),
    )
    expected_output = forms.CharField(
        label=_("Sản phẩm dự kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    guiding_documents = forms.CharField(
        label=_("Văn bản chỉ đạo, hướng dẫn"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi văn bản một dòng."),
    )
    status = forms.ChoiceField(label=_("Trạng thái"), choices=_KEEP + STORED_STATUS_CHOICES, required=False)
    percent = VNDecimalField(label=_("Tỷ lệ hoàn thành (%)"), required=False, max_digits=5, decimal_places=2)
    weight = VNDecimalField(
        label=_("Trọng số trong nhiệm vụ cha"),
        required=False,
        max_digits=7,
        decimal_places=2,
        help_text=_("Mặc định 1: các nhiệm vụ con có trọng số bằng nhau."),
    )
    reason = forms.CharField(label=_("Lý do thay đổi (ghi vào nhật ký)"), required=False, max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, has_subtasks: bool, has_parent: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if has_subtasks:
            del self.fields["status"]
            del self.fields["percent"]
        if not has_parent:
            del self.fields["weight"]

    def tracking_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {k: data.get(k) for k in ("period_start", "due_year", "deadline", "expected_output")}
        values["guiding_documents"] = _lines(data.get("guiding_documents", ""))
        if "weight" in self.fields and data.get("weight") is not None:
            values["weight"] = data["weight"]
        return values


class LinkForm(forms.Form):
    kind = forms.ChoiceField(choices=[("target", _("Chỉ tiêu")), ("budget", _("Nguồn lực"))])
    code = forms.CharField(max_length=60)
    action = forms.ChoiceField(choices=[("add", _("Thêm")), ("remove", _("Bỏ"))])


class ReassignTaskForm(forms.Form):
    from_agency = forms.CharField(max_length=60, widget=forms.HiddenInput)
    to_agency = forms.CharField(label=_("Chuyển cho"), max_length=60)
    reason = forms.CharField(label=_("Lý do"), max_length=1000)


class ReassignAgencyForm(forms.Form):
    agency = forms.CharField(max_length=60, widget=forms.HiddenInput)
    lead_successor = forms.CharField(label=_("Cơ quan chủ trì mới"), max_length=60, required=False)
    others_coordinate = forms.BooleanField(
        label=_("Các cơ quan kế thừa khác làm cơ quan phối hợp"), required=False, initial=True
    )
    reason = forms.CharField(label=_("Lý do"), max_length=1000)


class WeightsForm(forms.Form):
    reason = forms.CharField(label=_("Lý do thay đổi (ghi vào nhật ký)"), required=False, max_length=500)

    def __init__(self, *args: Any, children: list[tuple[str, str, Any]], **kwargs: Any) -> None:
        """`children`: (code, title, current weight) of each sub-task."""
        super().__init__(*args, **kwargs)
        for code, title, weight in children:
            self.fields[f"w_{code}"] = VNDecimalField(
                label=f"{code} · {title[:60]}", max_digits=7, decimal_places=2, initial=weight, min_value=0
            )

    def weights(self) -> dict[str, Any]:
        return {k[2:]: v for k, v in self.cleaned_data.items() if k.startswith("w_") and v is not None}
