"""Read-only view of comments in the admin: moderation happens on the queue page, where it is
scoped and audited; the admin must not become a second, unaudited way to publish."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kehoach.portal.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin[Feedback]):
    list_display = ("id", "plan", "subject_kind", "status", "agency", "due_on", "created_at")
    list_filter = ("status", "subject_kind")
    search_fields = ("text", "answer")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
