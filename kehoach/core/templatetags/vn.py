"""Template filters for Vietnamese number and date formatting (registered as builtins)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template

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
