"""FilterSets shared by the HTML lists and the API."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kehoach.budget.choices import Kind, Source
from kehoach.budget.models import Allocation, Disbursement


def _unit(queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
    """A commune by its key ("gso-legacy:03454"), its code in any scheme, or its id."""
    if not value:
        return queryset
    match = Q(**{f"{name}__key": value}) | Q(**{f"{name}__codes__code": value})
    if value.isdigit():
        match |= Q(**{f"{name}__id": int(value)})
    return queryset.filter(match).distinct()


class AllocationFilter(df.FilterSet):
    plan = df.CharFilter(field_name="plan__code", label=_("Mã kế hoạch"))
    programme = df.CharFilter(field_name="programme__code", label=_("Chương trình"))
    component = df.CharFilter(field_name="component__code", label=_("Dự án, tiểu dự án"))
    source = df.ChoiceFilter(choices=Source.choices, label=_("Nguồn vốn"))
    kind = df.ChoiceFilter(choices=Kind.choices, label=_("Loại vốn"))
    year = df.NumberFilter(field_name="year", label=_("Năm"))
    unit = df.CharFilter(method="filter_unit", label=_("Xã (mã)"))

    class Meta:
        model = Allocation
        fields = ["plan", "programme", "component", "source", "kind", "year", "unit"]

    def filter_unit(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return _unit(queryset, "commune", value)


class DisbursementFilter(df.FilterSet):
    plan = df.CharFilter(field_name="allocation__plan__code", label=_("Mã kế hoạch"))
    programme = df.CharFilter(field_name="allocation__programme__code", label=_("Chương trình"))
    source = df.ChoiceFilter(field_name="allocation__source", choices=Source.choices, label=_("Nguồn vốn"))
    year = df.NumberFilter(field_name="allocation__year", label=_("Năm giao vốn"))
    allocation = df.NumberFilter(field_name="allocation_id", label=_("Dòng giao vốn"))
    unit = df.CharFilter(method="filter_unit", label=_("Xã (mã)"))

    class Meta:
        model = Disbursement
        fields = ["plan", "programme", "source", "year", "allocation", "unit"]

    def filter_unit(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return _unit(queryset, "allocation__commune", value)
