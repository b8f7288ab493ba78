"""Money in triệu đồng or tỷ đồng, written the Vietnamese way (1.426.328 / 1.426,328)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from kehoach.core.formatting import vn_number, vn_percent

register = template.Library()

UNITS = {"trieu": "triệu đồng", "ty": "tỷ đồng"}


@register.filter
def money(value: Decimal | None, unit: str = "trieu") -> str:
    """Exact: 1426328 triệu is shown "1.426,328" tỷ, never rounded away."""
    if value is None:
        return ""
    return vn_number(value / 1000 if unit == "ty" else value)


@register.filter
def unit_name(unit: str) -> str:
    return UNITS.get(unit, UNITS["trieu"])


@register.filter
def rate_text(value: Decimal | None) -> str:
    """39,4% (87,0%, not 87%, beside 87,7%) or an em dash when nothing was allocated."""
    return vn_percent(value, 1) if value is not None else "—"  # one decimal always: 87,0% beside 87,7%
