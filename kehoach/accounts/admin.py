from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.models import User
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    """Role and scope changes are permission changes: audited in the same transaction."""

    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Vai trò và phạm vi"), {"fields": ("role", "agency", "units", "is_demo")}),
    )
    list_display = ("username", "get_full_name", "role", "agency", "is_active", "is_demo")
    list_filter = ("role", "is_active", "is_demo")
    filter_horizontal = ("units", "groups", "user_permissions")

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            safe = [f for f in form.changed_data if f not in ("password", "password1", "password2")]
            changes = {f: form.cleaned_data.get(f) for f in safe}
            if "password" in form.changed_data or "password1" in form.changed_data:
                changes["password"] = "(đã đổi)"
            record_event(
                actor=request.user,
                action=f"user.{'update' if change else 'create'}",
                obj=form.instance,
                changes=changes,
                channel=Channel.ADMIN,
            )
