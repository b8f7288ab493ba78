"""Entered data is visible to administrators but never edited here: every write goes through
save_data_values (scope, rules, history) and the approval services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kehoach.datavalues.models import DataValue, DataValueAudit, Submission


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(DataValue)
class DataValueAdmin(ReadOnlyAdmin):
    list_display = ("element", "unit", "period", "option_combo", "value", "version", "deleted", "is_demo")
    list_filter = ("period", "deleted", "is_demo")
    search_fields = ("element__code", "unit__name")
    list_select_related = ("element", "unit", "option_combo")


@admin.register(DataValueAudit)
class DataValueAuditAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_name", "action", "value", "old_value", "new_value", "channel")
    list_filter = ("action", "channel")
    list_select_related = ("value",)


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("data_set", "unit", "period", "status", "submitted_at", "decided_at", "is_demo")
    list_filter = ("data_set", "status", "period")
    list_select_related = ("data_set", "unit")
