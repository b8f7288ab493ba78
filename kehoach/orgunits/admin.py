from django.contrib import admin

from kehoach.orgunits import models as m
from kehoach.plans.admin import AuditedAdmin


class CodeInline(admin.TabularInline[m.UnitCode, m.OrgUnit]):
    model = m.UnitCode
    extra = 0


class ParentInline(admin.TabularInline[m.UnitParent, m.OrgUnit]):
    model = m.UnitParent
    fk_name = "unit"
    extra = 0
    raw_id_fields = ("parent",)


@admin.register(m.OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ("name", "level", "valid_from", "valid_to", "is_demo")
    list_filter = ("level", "is_demo")
    search_fields = ("name", "search_text", "key", "codes__code")
    inlines = [CodeInline, ParentInline]


@admin.register(m.UnitLineage)
class UnitLineageAdmin(AuditedAdmin):
    list_display = ("predecessor", "kind", "successor", "date", "partial")
    raw_id_fields = ("predecessor", "successor")


admin.site.register(m.UnitLevel, AuditedAdmin)
admin.site.register(m.CodeScheme, AuditedAdmin)
