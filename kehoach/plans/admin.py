from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.plans import models as m


class AuditedAdmin(admin.ModelAdmin[Any]):
    """Changes made in the admin are audited like any other path, in the same transaction."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changed = {f: form.cleaned_data.get(f) for f in form.changed_data}
            record_event(
                actor=request.user,
                action=f"{obj._meta.model_name}.{'update' if change else 'create'}",
                obj=obj,
                changes=changed,
                channel=Channel.ADMIN,
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            record_event(
                actor=request.user, action=f"{obj._meta.model_name}.delete", obj=obj, channel=Channel.ADMIN
            )
            super().delete_model(request, obj)


@admin.register(m.Programme)
class ProgrammeAdmin(AuditedAdmin):
    list_display = ("code", "short_name", "period_start", "period_end")


@admin.register(m.Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ("code", "doc_type", "title", "issuer", "period_start", "period_end")
    search_fields = ("code", "title")


@admin.register(m.Target)
class TargetAdmin(AuditedAdmin):
    list_display = ("code", "plan", "milestone_year", "comparator", "value", "unit", "kind")
    list_filter = ("plan", "milestone_year", "sector", "kind")
    search_fields = ("code", "text", "measure")


@admin.register(m.Task)
class TaskAdmin(AuditedAdmin):
    list_display = ("code", "plan", "kind", "title", "lead")
    list_filter = ("plan", "kind", "lead")
    search_fields = ("code", "title", "text")
    filter_horizontal = ("coordinating",)


@admin.register(m.BudgetLine)
class BudgetLineAdmin(AuditedAdmin):
    list_display = ("code", "plan", "programme", "source", "kind", "amount_million_vnd")
    list_filter = ("plan", "programme", "source", "kind")


@admin.register(m.Section)
class SectionAdmin(AuditedAdmin):
    list_display = ("code", "plan", "label", "title")
    list_filter = ("plan",)
    search_fields = ("code", "title", "text")


for model in (m.Objective, m.Responsibility, m.Obligation, m.ImplementedDocument):
    admin.site.register(model, AuditedAdmin)


@admin.register(m.UnitTarget)
class UnitTargetAdmin(AuditedAdmin):
    """Units' own targets are set on the plan's page (kehoach.plans.views); the admin is for repairs."""

    list_display = ("target", "unit", "milestone_year", "value", "comparator", "decision_number", "set_at")
    list_filter = ("target__plan", "milestone_year")
    search_fields = ("target__code", "unit__name", "decision_number")
    raw_id_fields = ("target", "unit")
    readonly_fields = ("set_by", "set_at")
