"""Forms of plan import: the upload and the corrections of a draft (no model behind them).

Corrections produce the values of the data file (`kehoach.plan/1`): decimals as plain strings,
empty choices as null. Rules beyond the shape of the input are the loader's, at confirmation.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.fields import AgencyChoiceField, AgencyMultipleChoiceField
from kehoach.agencies.models import Agency
from kehoach.plans import choices as c
from kehoach.web.forms import VNDecimalField

from .upload import ACCEPT

EMPTY: list[tuple[str, Any]] = [("", "—")]


def _plain(value: Decimal | None) -> str | None:
    """99.50 -> "99.5", 1426328 -> "1426328": the data file's way of writing an exact number."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return text


class UploadForm(forms.Form):
    # Emptiness and type are the parser's to judge, with its own messages (not Django's).
    file = forms.FileField(
        label=_("Tệp văn bản kế hoạch (.docx hoặc .txt)"),
        required=False,
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


class TargetDraftForm(forms.Form):
    text = forms.CharField(label=_("Nội dung chỉ tiêu"), widget=forms.Textarea(attrs={"rows": 3}))
    milestone_year = forms.IntegerField(label=_("Mốc năm"), min_value=1900, max_value=2100)
    quantified = forms.BooleanField(label=_("Chỉ tiêu định lượng"), required=False)
    comparator = forms.ChoiceField(label=_("So sánh"), choices=EMPTY + c.Comparator.choices, required=False)
    value = VNDecimalField(label=_("Giá trị"), required=False, max_digits=20, decimal_places=6)
    unit = forms.ChoiceField(label=_("Đơn vị tính"), choices=EMPTY + c.TargetUnit.choices, required=False)
    kind = forms.ChoiceField(label=_("Loại chỉ tiêu"), choices=c.TargetKind.choices)
    direction = forms.ChoiceField(
        label=_("Chiều mong muốn"), choices=EMPTY + c.Direction.choices, required=False
    )
    measure = forms.CharField(label=_("Tên chỉ số"), required=False, max_length=300)
    sector = forms.ChoiceField(label=_("Lĩnh vực"), choices=EMPTY + c.Sector.choices, required=False)
    population = forms.ChoiceField(label=_("Đối tượng"), choices=EMPTY + c.Population.choices, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("quantified"):
            for name in ("comparator", "value", "unit"):
                if data.get(name) in (None, ""):
                    self.add_error(name, _("Chỉ tiêu định lượng cần trường này."))
        return data

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        quantified = bool(data["quantified"])
        return {
            "text": data["text"],
            "milestone_year": data["milestone_year"],
            "quantified": quantified,
            "comparator": (data["comparator"] or None) if quantified else None,
            "value": _plain(data["value"]) if quantified else None,
            "unit": (data["unit"] or None) if quantified else None,
            "kind": data["kind"],
            "direction": data["direction"],
            "measure": data["measure"],
            "sector": data["sector"],
            "population": data["population"],
        }


class BudgetDraftForm(forms.Form):
    programme = forms.ChoiceField(label=_("Chương trình"))
    phase = forms.CharField(label=_("Giai đoạn"), required=False, max_length=20)
    source = forms.ChoiceField(label=_("Nguồn vốn"), choices=c.FundingSource.choices)
    kind = forms.ChoiceField(label=_("Loại vốn"), choices=c.SpendingKind.choices)
    amount_million_vnd = VNDecimalField(
        label=_("Số tiền (triệu đồng)"), max_digits=20, decimal_places=3, min_value=Decimal(0)
    )
    text = forms.CharField(label=_("Nội dung như văn bản"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, programmes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = programmes  # type: ignore[attr-defined]

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "programme": data["programme"],
            "phase": data["phase"] or None,
            "source": data["source"],
            "kind": data["kind"],
            "amount_million_vnd": _plain(data["amount_million_vnd"]),
            "text": data["text"],
        }


class TaskDraftForm(forms.Form):
    title = forms.CharField(label=_("Tên nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))
    text = forms.CharField(label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    kind = forms.ChoiceField(label=_("Loại"), choices=c.TaskKind.choices)
    sector = forms.ChoiceField(label=_("Lĩnh vực"), choices=EMPTY + c.Sector.choices, required=False)
    lead = AgencyChoiceField(
        label=_("Cơ quan chủ trì"),
        queryset=Agency.objects.order_by("name"),
        to_field_name="code",
        required=False,
    )
    coordinating = AgencyMultipleChoiceField(
        label=_("Cơ quan phối hợp"),
        queryset=Agency.objects.order_by("name"),
        to_field_name="code",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    assignment_basis = forms.ChoiceField(
        label=_("Căn cứ giao việc"), choices=EMPTY + c.AssignmentBasis.choices, required=False
    )

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "text": data["text"],
            "kind": data["kind"],
            "sector": data["sector"] or None,
            "assignment_basis": data["assignment_basis"],
        }

    def agencies(self) -> tuple[str, list[str]]:
        """(lead code or "", coordinating codes) as chosen."""
        lead = self.cleaned_data["lead"]
        return (lead.code if lead else "", [a.code for a in self.cleaned_data["coordinating"]])
