from __future__ import annotations

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def plan_url(url_name: str, code: str) -> str:
    return reverse(url_name, args=[code])
