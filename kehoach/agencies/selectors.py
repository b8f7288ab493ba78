"""Reads over agencies."""

from __future__ import annotations

from django.db.models import QuerySet

from kehoach.agencies.models import Agency
from kehoach.core.text import fold


def agencies_matching(*, name: str, queryset: QuerySet[Agency] | None = None) -> list[Agency]:
    """Agencies whose name, short name or an alias equals `name`, ignoring diacritics and case."""
    key = fold(name)
    qs = queryset if queryset is not None else Agency.objects.all()
    return [a for a in qs.filter(search_text__contains=key) if key in a.search_text.split(" | ")]


def search_agencies(*, queryset: QuerySet[Agency], text: str) -> QuerySet[Agency]:
    return queryset.filter(search_text__contains=fold(text)) if text.strip() else queryset
