"""The catalogue is data an administrator maintains here; every change is audited (AuditedAdmin)."""

from __future__ import annotations

from django.contrib import admin

from kehoach.indicators import models as m
from kehoach.plans.admin import AuditedAdmin


class OptionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = m.CategoryOption
    extra = 0


class MemberInline(admin.TabularInline):  # type: ignore[type-arg]
    model = m.DataSetElement
    extra = 0
    autocomplete_fields = ("element",)


class TargetInline(admin.TabularInline):  # type: ignore[type-arg]
    model = m.IndicatorTarget
    extra = 0
    raw_id_fields = ("target",)


class RoundInline(admin.TabularInline):  # type: ignore[type-arg]
    model = m.ReportingRound
    extra = 0


@admin.register(m.Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ("code", "name", "type", "unit_label", "level", "agency", "direction")
    list_filter = ("type", "level", "sector", "agency")
    search_fields = ("code", "name", "definition")
    autocomplete_fields = ("numerator", "denominator")
    inlines = [TargetInline]


@admin.register(m.DataElement)
class DataElementAdmin(AuditedAdmin):
    list_display = ("code", "name", "value_type", "unit_label", "aggregation")
    list_filter = ("value_type", "aggregation", "disaggregations")
    search_fields = ("code", "name")
    filter_horizontal = ("disaggregations",)


@admin.register(m.DataSet)
class DataSetAdmin(AuditedAdmin):
    list_display = ("code", "name", "level", "period_type", "window", "agency")
    inlines = [MemberInline, RoundInline]


@admin.register(m.ValidationRule)
class ValidationRuleAdmin(AuditedAdmin):
    list_display = ("code", "name", "kind", "severity", "element", "other", "active")
    list_filter = ("kind", "severity", "active")
    search_fields = ("code", "name", "element__code")
    autocomplete_fields = ("element", "other")


@admin.register(m.ReportingRound)
class ReportingRoundAdmin(AuditedAdmin):
    list_display = ("data_set", "period", "opens_on", "due_on", "closes_on")
    list_filter = ("data_set",)


@admin.register(m.Category)
class CategoryAdmin(AuditedAdmin):
    list_display = ("code", "name", "order")
    inlines = [OptionInline]


@admin.register(m.Baseline)
class BaselineAdmin(AuditedAdmin):
    list_display = ("indicator", "unit", "year", "value", "standard", "is_demo")
    list_filter = ("indicator", "year", "is_demo")
    raw_id_fields = ("unit",)


@admin.register(m.EthnicGroup)
class EthnicGroupAdmin(AuditedAdmin):
    list_display = ("code", "name", "is_minority")
    search_fields = ("code", "name")


for model in (m.CategoryCombo, m.CategoryOptionCombo, m.MeasurementStandard):
    admin.site.register(model, AuditedAdmin)
