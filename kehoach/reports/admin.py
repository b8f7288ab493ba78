"""Reports in the admin: read only. Drafting and issuing go through the services (audited,
numbered, frozen), never through a form that writes the row directly."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kehoach.reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin[Report]):
    list_display = ("__str__", "plan", "issuer", "status", "issued_on", "as_of")
    list_filter = ("status", "kind")
    search_fields = ("subject",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
