"""FilterSets shared by the HTML lists and the API."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kehoach.core.text import fold
from kehoach.plans import choices as c
from kehoach.plans import models as m


def _folded_text(queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
    """Search ignoring diacritics and case: "muong te" finds "Mường Tè"."""
    return queryset.filter(search_text__contains=fold(value)) if value.strip() else queryset


class TargetFilter(df.FilterSet):
    milestone = df.NumberFilter(field_name="milestone_year", label=_("Mốc năm"))
    sector = df.ChoiceFilter(choices=c.Sector.choices, label=_("Lĩnh vực"), empty_label=_("Tất cả"))
    unit = df.ChoiceFilter(choices=c.TargetUnit.choices, label=_("Đơn vị tính"), empty_label=_("Tất cả"))
    kind = df.ChoiceFilter(choices=c.TargetKind.choices, label=_("Loại chỉ tiêu"), empty_label=_("Tất cả"))
    quantified = df.BooleanFilter(label=_("Định lượng"))
    q = df.CharFilter(method=_folded_text, label=_("Tìm trong nội dung"))

    class Meta:
        model = m.Target
        fields = ["milestone", "sector", "unit", "kind", "quantified", "q"]


class TaskFilter(df.FilterSet):
    kind = df.ChoiceFilter(choices=c.TaskKind.choices, label=_("Loại"), empty_label=_("Tất cả"))
    sector = df.ChoiceFilter(choices=c.Sector.choices, label=_("Lĩnh vực"), empty_label=_("Tất cả"))
    agency = df.CharFilter(method="filter_agency", label=_("Mã cơ quan (chủ trì hoặc phối hợp)"))
    q = df.CharFilter(method=_folded_text, label=_("Tìm trong nội dung"))

    class Meta:
        model = m.Task
        fields = ["kind", "sector", "agency", "q"]

    def filter_agency(self, queryset: QuerySet[m.Task], name: str, value: str) -> QuerySet[m.Task]:
        return (
            queryset.filter(Q(lead__code=value) | Q(coordinating__code=value)).distinct()
            if value
            else queryset
        )


class BudgetLineFilter(df.FilterSet):
    programme = df.CharFilter(field_name="programme__code", label=_("Chương trình"))
    source = df.ChoiceFilter(choices=c.FundingSource.choices, label=_("Nguồn vốn"))
    kind = df.ChoiceFilter(choices=c.SpendingKind.choices, label=_("Loại vốn"))

    class Meta:
        model = m.BudgetLine
        fields = ["programme", "source", "kind"]
