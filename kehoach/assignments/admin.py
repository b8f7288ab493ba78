"""Admin views of task tracking: read-mostly; history rows and evidence are never edited here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kehoach.assignments import models as am
from kehoach.plans.admin import AuditedAdmin


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """History and files: a change here would bypass the services (checks, audit, file storage)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(am.TaskTracking)
class TaskTrackingAdmin(AuditedAdmin):
    list_display = ("task", "status", "percent_complete", "due_on", "weight", "is_demo")
    list_filter = ("status", "is_demo")
    search_fields = ("task__code", "task__title")
    readonly_fields = ("task", "due_on", "version")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # tracking rows are created by the services, on the first write for a task


@admin.register(am.ProgressReport)
class ProgressReportAdmin(ReadOnlyAdmin):
    list_display = ("task", "reported_on", "status", "percent_complete", "author_name", "is_demo")
    list_filter = ("is_demo",)


@admin.register(am.Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "task", "content_type", "size", "uploaded_at")


@admin.register(am.Reassignment)
class ReassignmentAdmin(ReadOnlyAdmin):
    list_display = ("task", "role", "from_agency", "to_agency", "kind", "actor_name", "at")


@admin.register(am.TaskTargetLink)
class TaskTargetLinkAdmin(ReadOnlyAdmin):
    list_display = ("task", "target", "is_demo")


@admin.register(am.TaskBudgetLink)
class TaskBudgetLinkAdmin(ReadOnlyAdmin):
    list_display = ("task", "budget_line", "is_demo")
