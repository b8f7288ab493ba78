"""HTML forms: shape of the input only; the rules live in kehoach.budget.inputs and the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.scope import can_record_money
from kehoach.agencies.fields import AgencyChoiceField
from kehoach.agencies.models import Agency
from kehoach.budget.choices import Kind, Source
from kehoach.budget.inputs import AllocationInput, DisbursementInput
from kehoach.budget.models import Allocation, Disbursement, ProgrammeComponent
from kehoach.budget.selectors import plan_communes
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan, Programme
from kehoach.web.forms import VNDecimalField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _Reason(forms.Form):
    reason = forms.CharField(label=_("Lý do (ghi vào nhật ký)"), required=False, max_length=500)


class CommuneField(forms.ModelChoiceField[OrgUnit]):
    def label_from_instance(self, obj: OrgUnit) -> str:
        """A commune that ended in the 2025 reorganisation says so: "Xã Bum Nưa (đến 30/06/2025)"."""
        return f"{obj.name} ({_('đến')} {obj.valid_to:%d/%m/%Y})" if obj.valid_to else obj.name


class AllocationForm(_Reason):
    programme = forms.ModelChoiceField(queryset=Programme.objects.all(), label=_("Chương trình"))
    component = forms.ModelChoiceField(
        queryset=ProgrammeComponent.objects.select_related("programme"),
        label=_("Dự án, tiểu dự án"),
        required=False,
    )
    source = forms.ChoiceField(choices=Source.choices, label=_("Nguồn vốn"))
    kind = forms.ChoiceField(choices=Kind.choices, label=_("Loại vốn"))
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)
    commune = CommuneField(queryset=OrgUnit.objects.none(), label=_("Xã"), required=False)
    agency = AgencyChoiceField(queryset=Agency.objects.all(), label=_("Cơ quan thực hiện"), required=False)
    amount_million_vnd = VNDecimalField(label=_("Số tiền (triệu đồng)"), max_digits=20, decimal_places=3)
    decision_number = forms.CharField(label=_("Số quyết định giao vốn"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DATE)
    carried_from_year = forms.IntegerField(
        label=_("Chuyển nguồn từ năm"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Để trống nếu là vốn giao mới trong năm."),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    confirm_over_plan = forms.BooleanField(
        label=_("Xác nhận số tiền đúng dù tổng vốn giao vượt kế hoạch giai đoạn"),
        required=False,
        help_text=_("Chỉ đánh dấu khi hệ thống báo vượt kế hoạch và kế hoạch vốn đã được điều chỉnh."),
    )

    field_order = [
        "programme",
        "component",
        "source",
        "kind",
        "year",
        "commune",
        "agency",
        "amount_million_vnd",
    ]

    def __init__(self, *args: Any, plan: Plan, user: Any, instance: Allocation | None = None, **kwargs: Any):
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                name: getattr(instance, name)
                for name in AllocationInput.__dataclass_fields__
                if name != "is_demo"
            }
        super().__init__(*args, **kwargs)
        # Only the communes of the plan's area that this user may record money for.
        communes = [c.pk for c in plan_communes(plan=plan) if can_record_money(user, plan, c)]
        field = self.fields["commune"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = plan_communes(plan=plan).filter(pk__in=communes)

    def to_input(self) -> AllocationInput:
        data = self.cleaned_data
        return AllocationInput(
            programme=data["programme"],
            component=data["component"],
            source=data["source"],
            kind=data["kind"],
            year=data["year"],
            commune=data["commune"],
            agency=data["agency"],
            amount_million_vnd=data["amount_million_vnd"],
            decision_number=data["decision_number"],
            decision_date=data["decision_date"],
            carried_from_year=data["carried_from_year"],
            note=data["note"],
        )


class DisbursementForm(_Reason):
    date = forms.DateField(label=_("Ngày giải ngân"), widget=DATE)
    amount_million_vnd = VNDecimalField(
        label=_("Số tiền giải ngân (triệu đồng)"), max_digits=20, decimal_places=3
    )
    reference = forms.CharField(label=_("Số chứng từ"), max_length=60)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, instance: Disbursement | None = None, **kwargs: Any):
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                n: getattr(instance, n) for n in ("date", "amount_million_vnd", "reference", "note")
            }
        super().__init__(*args, **kwargs)

    def to_input(self) -> DisbursementInput:
        data = self.cleaned_data
        return DisbursementInput(
            date=data["date"],
            amount_million_vnd=data["amount_million_vnd"],
            reference=data["reference"],
            note=data["note"],
        )


class DeleteForm(_Reason):
    pass


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))
