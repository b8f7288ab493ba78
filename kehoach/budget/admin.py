"""Admin of money reference data and records; every save is audited (plans.admin.AuditedAdmin)."""

from __future__ import annotations

from django.contrib import admin

from kehoach.budget.models import AlertPolicy, Allocation, Disbursement, ProgrammeComponent
from kehoach.plans.admin import AuditedAdmin


@admin.register(ProgrammeComponent)
class ProgrammeComponentAdmin(AuditedAdmin):
    list_display = ("programme", "code", "name", "parent", "note")
    list_filter = ("programme",)
    search_fields = ("code", "name")


@admin.register(Allocation)
class AllocationAdmin(AuditedAdmin):
    list_display = (
        "id",
        "plan",
        "year",
        "programme",
        "component",
        "source",
        "kind",
        "commune",
        "amount_million_vnd",
        "is_demo",
    )
    list_filter = ("year", "programme", "source", "kind", "is_demo")
    raw_id_fields = ("commune", "agency", "component")


@admin.register(Disbursement)
class DisbursementAdmin(AuditedAdmin):
    list_display = ("id", "allocation", "date", "amount_million_vnd", "reference", "is_demo")
    list_filter = ("is_demo",)
    raw_id_fields = ("allocation",)


@admin.register(AlertPolicy)
class AlertPolicyAdmin(AuditedAdmin):
    list_display = ("q1_percent", "q2_percent", "q3_percent", "q4_percent", "tolerance_points", "grace_days")
