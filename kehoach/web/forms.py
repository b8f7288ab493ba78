"""HTML forms. Validation of input shape only; rules live in services and model constraints."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.fields import AgencyChoiceField, AgencyMultipleChoiceField
from kehoach.agencies.models import Agency
from kehoach.plans import models as m


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class ReasonMixin(forms.Form):
    reason = forms.CharField(
        label=_("Lý do thay đổi (ghi vào nhật ký)"), required=False, max_length=500, widget=forms.TextInput()
    )


class TargetForm(forms.ModelForm[m.Target], ReasonMixin):
    class Meta:
        model = m.Target
        fields = [
            "text",
            "milestone_year",
            "quantified",
            "comparator",
            "value",
            "unit",
            "kind",
            "direction",
            "measure",
            "sector",
            "population",
            "relative_to",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class TaskForm(forms.ModelForm[m.Task], ReasonMixin):
    coordinating = AgencyMultipleChoiceField(
        queryset=Agency.objects.all(),
        required=False,
        label=_("Cơ quan phối hợp"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = m.Task
        fields = ["title", "text", "sector", "lead", "coordinating", "assignment_basis"]
        field_classes = {"lead": AgencyChoiceField}
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "text": forms.Textarea(attrs={"rows": 6})}


class BudgetLineForm(forms.ModelForm[m.BudgetLine], ReasonMixin):
    class Meta:
        model = m.BudgetLine
        fields = ["amount_million_vnd", "text", "phase"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class SectionForm(forms.ModelForm[m.Section], ReasonMixin):
    class Meta:
        model = m.Section
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}


class PlanForm(forms.ModelForm[m.Plan], ReasonMixin):
    class Meta:
        model = m.Plan
        fields = ["number", "symbol", "issued_on", "place", "title"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "issued_on": forms.DateInput(attrs={"type": "date"}),
        }


class VNDecimalField(forms.DecimalField):
    """A decimal input that shows and accepts the Vietnamese convention (1.426.328; 99,5)."""

    widget = forms.TextInput

    def prepare_value(self, value: Any) -> Any:
        from kehoach.core.formatting import vn_number

        return vn_number(value) if isinstance(value, Decimal) else value

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        from kehoach.core.formatting import parse_vn_decimal

        if value in self.empty_values:
            return None
        try:
            return parse_vn_decimal(str(value))
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


TargetForm.base_fields["value"] = VNDecimalField(
    label=_("Giá trị"), required=False, max_digits=20, decimal_places=6
)
BudgetLineForm.base_fields["amount_million_vnd"] = VNDecimalField(
    label=_("Số tiền (triệu đồng)"), max_digits=20, decimal_places=3
)
