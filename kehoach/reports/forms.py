"""Forms of the report pages. Text is checked again by the services (control characters, length)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.reports.choices import ReportKind
from kehoach.reports.document import has_control_characters
from kehoach.reports.models import Report
from kehoach.reports.narrative import sections_for
from kehoach.reports.services import ReportEdit


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NewReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=ReportKind.choices)
    year = forms.IntegerField(label=_("Năm báo cáo / năm sơ kết, tổng kết"), min_value=1900, max_value=2100)
    as_of = forms.DateField(
        label=_("Số liệu tính đến ngày"),
        required=False,
        widget=_date_input(),
        help_text=_("Để trống: ngày 14/12 của năm báo cáo (Nghị định 09/2019), hoặc hôm nay nếu chưa đến."),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


class EditReportForm(forms.Form):
    as_of = forms.DateField(label=_("Số liệu tính đến ngày"), widget=_date_input())
    parent_body = forms.CharField(label=_("Cơ quan chủ quản (dòng trên)"), max_length=200, required=False)
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=40, help_text=_("Ví dụ: BC-UBND"))
    place = forms.CharField(label=_("Địa danh"), max_length=100)
    subject = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    archive = forms.CharField(label=_("Lưu"), max_length=120)
    signer_lines = forms.CharField(
        label=_("Quyền hạn, chức vụ người ký (mỗi dòng một dòng)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=120, required=False)

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        if "initial" not in kwargs:
            kwargs["initial"] = {
                "as_of": report.as_of,
                "parent_body": report.parent_body,
                "issuing_body": report.issuing_body,
                "symbol": report.symbol,
                "place": report.place,
                "subject": report.subject,
                "recipients": "\n".join(report.recipients),
                "archive": report.archive,
                "signer_lines": "\n".join(report.signer_lines),
                "signer_name": report.signer_name,
                **{f"section_{k}": (report.sections or {}).get(k, "") for k, _h in sections_for(report.kind)},
            }
        super().__init__(*args, **kwargs)
        self.section_keys = [k for k, _h in sections_for(report.kind)]
        for key, heading in sections_for(report.kind):
            self.fields[f"section_{key}"] = forms.CharField(
                label=heading, required=False, widget=forms.Textarea(attrs={"rows": 8})
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, value in list(data.items()):  # add_error removes the field from cleaned_data
            if isinstance(value, str) and has_control_characters(value):
                self.add_error(
                    name,
                    _("Có ký tự điều khiển không in được (thường do dán từ Word); hãy xóa rồi nhập lại."),
                )
        return data

    def to_edit(self) -> ReportEdit:
        d = self.cleaned_data
        return ReportEdit(
            as_of=d["as_of"],
            subject=d["subject"],
            place=d["place"],
            symbol=d["symbol"],
            parent_body=d["parent_body"],
            issuing_body=d["issuing_body"],
            recipients=_lines(d["recipients"]),
            archive=d["archive"],
            signer_lines=_lines(d["signer_lines"]),
            signer_name=d["signer_name"],
            sections={k: d.get(f"section_{k}", "") for k in self.section_keys},
        )


class IssueForm(forms.Form):
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=_date_input())
    # Issuing cannot be undone: the officer ticks this on purpose (no script needed, CSP-safe).
    confirm = forms.BooleanField(
        label=_("Tôi xác nhận ban hành; sau khi ban hành không sửa được"),
        required=True,
        error_messages={"required": _("Hãy đánh dấu xác nhận ban hành trước khi bấm Ban hành báo cáo.")},
    )
