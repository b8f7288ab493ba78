"""The form of the last step: plan code, unit, and an agency (or programme) for every name.

Fields are built from the draft: one chooser per agency name as written, with the automatic
suggestions first. Saving it changes only the draft; the plan is created by the service.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.scope import can_import_plan
from kehoach.orgunits.models import OrgUnit

from .draft import SKIP, Draft
from .presenters import USE_LABELS

Choices = list[tuple[str, str]]
UNDECIDED = ("", _("— chưa chọn —"))


def _grouped(suggested: Sequence[str], options: Choices) -> list[Any]:
    """Suggestions first (as their own group), then every option."""
    labels = dict(options)
    first = [(code, labels.get(code, code)) for code in suggested if code in labels]
    return [(_("Gợi ý theo tên"), first), (_("Tất cả"), options)] if first else options


class ResolveForm(forms.Form):
    code = forms.RegexField(
        label=_("Mã kế hoạch"),
        regex=r"^[A-Za-z0-9_.\-]{1,60}$",
        help_text=_("Chữ không dấu, chữ số, dấu chấm, gạch ngang; ví dụ MUONGTE-GN-2023-2025."),
        error_messages={"invalid": _("Mã chỉ gồm chữ không dấu, chữ số và các dấu “.”, “-”, “_”.")},
    )
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    number = forms.CharField(label=_("Số văn bản"), required=False, max_length=20)
    unit = forms.IntegerField(label=_("Đơn vị hành chính"), required=False)
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)

    def __init__(
        self, *args: Any, draft: Draft, user: Any, agencies: Choices, programmes: Choices, **kwargs: Any
    ) -> None:
        meta = draft["document"]["plan"]
        kwargs.setdefault(
            "initial",
            {
                "code": meta["code"],
                "title": meta["title"],
                "number": meta["number"] or "",
                "unit": draft["unit"]["choice"],
                "issuer": draft["issuer"]["choice"],
            },
        )
        super().__init__(*args, **kwargs)
        self.draft, self.user = draft, user
        self.fields["issuer"].choices = [UNDECIDED, *_grouped(draft["issuer"]["candidates"], agencies)]  # type: ignore[attr-defined]
        skip_name = (SKIP, _("Bỏ qua tên này (không gán cơ quan)"))
        for i, agency in enumerate(draft["agencies"]):
            self.fields[f"agency_{i}"] = forms.ChoiceField(
                label=agency["name"],
                required=False,
                initial=agency["choice"],
                choices=[UNDECIDED, skip_name, *_grouped(agency["candidates"], agencies)],
            )
        skip_lines = (SKIP, _("Không nhập các dòng nguồn lực này"))
        for i, (code, choice) in enumerate(draft["programmes"].items()):
            self.fields[f"programme_{i}"] = forms.ChoiceField(
                label=code, required=False, initial=choice, choices=[UNDECIDED, skip_lines, *programmes]
            )

    def agency_fields(self) -> list[tuple[forms.BoundField, dict[str, Any]]]:
        return [
            (self[f"agency_{i}"], {**a, "uses_text": ", ".join(str(USE_LABELS.get(u, u)) for u in a["uses"])})
            for i, a in enumerate(self.draft["agencies"])
        ]

    def programme_fields(self) -> list[forms.BoundField]:
        return [self[f"programme_{i}"] for i in range(len(self.draft["programmes"]))]

    def clean_unit(self) -> int | None:
        unit_id: int | None = self.cleaned_data.get("unit")
        if unit_id is None:
            return None
        unit = OrgUnit.objects.filter(pk=unit_id).first()
        # The same rule as at confirmation, so a tampered form cannot pick a unit outside the scope.
        if unit is None or not can_import_plan(self.user, unit):
            raise forms.ValidationError(_("Bạn không được tạo kế hoạch cho đơn vị này."))
        return unit_id

    def apply(self) -> bool:
        """Write the choices into the draft; True when the unit changed (suggestions depend on it)."""
        data, draft = self.cleaned_data, self.draft
        meta = draft["document"]["plan"]
        meta["code"], meta["title"] = data["code"], data["title"]
        meta["number"] = data["number"] or None
        draft["issuer"]["choice"] = data["issuer"]
        for i, agency in enumerate(draft["agencies"]):
            agency["choice"] = data[f"agency_{i}"]
        for i, code in enumerate(list(draft["programmes"])):
            draft["programmes"][code] = data[f"programme_{i}"]
        changed: bool = data["unit"] != draft["unit"]["choice"]
        draft["unit"]["choice"] = data["unit"]
        return changed
