from django.contrib import admin

from kehoach.agencies import models as m
from kehoach.plans.admin import AuditedAdmin


@admin.register(m.Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ("code", "name", "kind", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name", "search_text")
    raw_id_fields = ("admin_unit", "parent")


@admin.register(m.AgencySuccession)
class AgencySuccessionAdmin(AuditedAdmin):
    list_display = ("predecessor", "successor", "date")
