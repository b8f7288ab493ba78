"""FilterSet of the indicator catalogue, shared by the HTML list and the API."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kehoach.core.text import fold
from kehoach.indicators import choices as c
from kehoach.indicators import models as m
from kehoach.plans.choices import Sector


class IndicatorFilter(df.FilterSet):
    sector = df.ChoiceFilter(choices=Sector.choices, label=_("Lĩnh vực"), empty_label=_("Tất cả"))
    type = df.ChoiceFilter(choices=c.IndicatorType.choices, label=_("Loại"), empty_label=_("Tất cả"))
    agency = df.CharFilter(field_name="agency__code", label=_("Mã cơ quan chịu trách nhiệm"))
    level = df.CharFilter(field_name="level__code", label=_("Cấp thu thập"))
    target = df.CharFilter(method="filter_target", label=_("Mã chỉ tiêu"))
    q = df.CharFilter(method="filter_text", label=_("Tìm"))

    class Meta:
        model = m.Indicator
        fields = ["sector", "type", "agency", "level", "target", "q"]

    def filter_target(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return (
            queryset.filter(target_links__target__code=value.strip()).distinct()
            if value.strip()
            else queryset
        )

    def filter_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        """Diacritic-insensitive over code and name ("ho ngheo" finds "hộ nghèo")."""
        words = fold(value).split()
        if not words:
            return queryset
        ids = [i.pk for i in queryset if all(w in fold(f"{i.code} {i.name}") for w in words)]
        return queryset.filter(Q(pk__in=ids))
