"""Reads over administrative units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from kehoach.core.recent import Recent
from kehoach.core.text import fold
from kehoach.orgunits.models import OrgUnit, UnitCode, UnitLineage, UnitParent
from kehoach.orgunits.tree import Link, OrgTree

_TREE: Recent[OrgTree] = Recent(size=1)


def org_tree() -> OrgTree:
    """The whole hierarchy in memory (a few thousand links at most per province), reused for a few
    seconds per process (core/recent.py: building it was 17 ms of every page at province scale)."""
    return _TREE.get("tree", _read_tree)


def _read_tree() -> OrgTree:
    return OrgTree(
        Link(unit=u, parent=p, valid_from=f, valid_to=t)
        for u, p, f, t in UnitParent.objects.values_list("unit_id", "parent_id", "valid_from", "valid_to")
    )


def unit_by_code(*, scheme: str, code: str) -> OrgUnit | None:
    uc = UnitCode.objects.select_related("unit").filter(scheme__code=scheme, code=code).first()
    return uc.unit if uc else None


def units_with_details(*, queryset: QuerySet[OrgUnit] | None = None) -> QuerySet[OrgUnit]:
    qs = queryset if queryset is not None else OrgUnit.objects.all()
    return qs.select_related("level").prefetch_related(
        Prefetch("codes", queryset=UnitCode.objects.select_related("scheme")),
        Prefetch("parent_links", queryset=UnitParent.objects.select_related("parent")),
        Prefetch("successor_links", queryset=UnitLineage.objects.select_related("successor")),
        Prefetch("predecessor_links", queryset=UnitLineage.objects.select_related("predecessor")),
    )


def search_units(*, queryset: QuerySet[OrgUnit], text: str) -> QuerySet[OrgUnit]:
    """Diacritic- and case-insensitive name search ("muong te" finds "Mường Tè")."""
    return queryset.filter(search_text__contains=fold(text)) if text.strip() else queryset


def units_active_on(*, queryset: QuerySet[OrgUnit], day: dt.date) -> QuerySet[OrgUnit]:
    return queryset.exclude(valid_from__gt=day).exclude(valid_to__lt=day)


def parent_names(unit_ids: Iterable[int]) -> dict[int, str]:
    """The name of each unit's parent, today's if it has one, else its last: enough to tell apart
    two villages of the same name ("Bản Mường Tè 3 (Xã Bum Nưa)")."""
    links = UnitParent.objects.filter(unit_id__in=list(unit_ids)).values_list(
        "unit_id", "parent__name", "valid_to"
    )
    found: dict[int, tuple[dt.date, str]] = {}
    for unit, name, until in links:
        rank = until or dt.date.max  # the current link wins, then the latest ended one
        if unit not in found or rank > found[unit][0]:
            found[unit] = (rank, name)
    return {unit: name for unit, (_rank, name) in found.items()}
