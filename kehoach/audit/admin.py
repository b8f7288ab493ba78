from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kehoach.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: no path in the application edits or deletes audit rows."""

    list_display = ("at", "actor_name", "action", "object_type", "object_repr", "channel")
    list_filter = ("action", "object_type", "channel")
    search_fields = ("actor_name", "object_repr", "object_id", "reason")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
