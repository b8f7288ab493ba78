"""The stored result table is visible to administrators but never edited here: it is written only by
the refresh in the transaction of each change and by the full recompute (services_stored)."""

from __future__ import annotations

from django.contrib import admin

from kehoach.analytics.models import ResultCell, ResultTableState
from kehoach.datavalues.admin import ReadOnlyAdmin


@admin.register(ResultCell)
class ResultCellAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "unit", "period", "coc", "numerator", "denominator", "value", "approximate")
    list_filter = ("period", "approximate")
    search_fields = ("indicator", "unit__name")
    list_select_related = ("unit",)


@admin.register(ResultTableState)
class ResultTableStateAdmin(ReadOnlyAdmin):
    list_display = ("statuses", "as_of", "computed_at", "signature")
