"""Template filters for Vietnamese number and date formatting (registered as builtins)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.translation import gettext_lazy as _

from kehoach.core import formatting

register = template.Library()


@register.filter
def vn_number(value: Decimal | int | float | str | None, places: int | None = None) -> str:
    return formatting.vn_number(value, places)


@register.filter
def vn_percent(value: Decimal | int | float | str | None, places: int | None = None) -> str:
    return formatting.vn_percent(value, places)


@register.filter
def vn_date(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return formatting.vn_date(value)


_COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}
_UNIT_SUFFIX = {
    "percent": "%",
    "pp_per_year": _(" điểm %/năm"),
    "percent_per_year": "%/năm",
    "million_vnd_per_person_per_year": _(" triệu đồng/người/năm"),
    "million_vnd": _(" triệu đồng"),
    "years": _(" năm"),
    "index": "",
    "count": "",
    "percent_of_baseline": _("% so với năm gốc"),
}


@register.filter
def target_goal(target: object) -> str:
    """ "≥ 99,5%", "< 12%", "≥ 32 triệu đồng/người/năm": a target's comparator, value and unit."""
    comparator = getattr(target, "comparator", "")
    value = getattr(target, "value", None)
    if value is None:
        return ""
    unit = getattr(target, "unit", "")
    sign = _COMPARATOR_SIGNS.get(comparator, comparator)
    return f"{sign} {formatting.vn_number(value)}{_UNIT_SUFFIX.get(unit, '')!s}"


_SEVERITY = {"error": _("Lỗi"), "warning": _("Cảnh báo"), "info": _("Lưu ý")}


@register.filter
def severity_label(severity: str) -> str:
    return str(_SEVERITY.get(severity, severity))
