"""The task progress filter shared by the board page and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.assignments.choices import TaskStatus
from kehoach.assignments.selectors import plan_progress
from kehoach.core.text import fold
from kehoach.plans import choices as pc
from kehoach.plans.models import Plan, Task


class TaskProgressFilter(df.FilterSet):
    status = df.ChoiceFilter(choices=TaskStatus.choices, method="filter_status", label=_("Trạng thái"))
    agency = df.CharFilter(method="filter_agency", label=_("Cơ quan (chủ trì hoặc phối hợp)"))
    kind = df.ChoiceFilter(choices=pc.TaskKind.choices, label=_("Loại"))
    q = df.CharFilter(method="filter_text", label=_("Tìm trong nội dung"))

    class Meta:
        model = Task
        fields = ["status", "agency", "kind", "q"]

    def __init__(self, *args: Any, today: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def filter_status(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        """Status is computed (roll-up, overdue), so match it on the computed values of each plan."""
        if not value:
            return queryset
        ids: set[int] = set()
        for plan in Plan.objects.filter(pk__in=queryset.values("plan_id")):
            ids |= {pk for pk, p in plan_progress(plan=plan, today=self.today).items() if p.status == value}
        return queryset.filter(pk__in=ids)

    def filter_agency(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        if not value:
            return queryset
        return queryset.filter(Q(lead__code=value) | Q(coordinating__code=value)).distinct()

    def filter_text(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        return queryset.filter(search_text__contains=fold(value)) if value.strip() else queryset
