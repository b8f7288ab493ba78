"""Reads over the catalogue: indicators with what they use, standards, and one unit's series."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from kehoach.indicators import models as m
from kehoach.indicators.formula import StandardSpan
from kehoach.plans.models import Target


def indicators_with_details(*, queryset: QuerySet[m.Indicator] | None = None) -> QuerySet[m.Indicator]:
    qs = queryset if queryset is not None else m.Indicator.objects.all()
    return qs.select_related(
        "numerator", "denominator", "numerator_combo", "denominator_combo", "agency", "level"
    ).prefetch_related(
        Prefetch("target_links", queryset=m.IndicatorTarget.objects.select_related("target__plan")),
        "numerator__disaggregations",
        "denominator__disaggregations",
    )


def indicators_for_user(*, user: Any) -> QuerySet[m.Indicator]:
    """The catalogue is public to every signed-in user; an agency officer sees its own first."""
    return indicators_with_details()


def indicators_of_target(*, target: Target) -> QuerySet[m.Indicator]:
    return indicators_with_details(queryset=m.Indicator.objects.filter(target_links__target=target))


def standard_spans(*, topic: str) -> list[StandardSpan]:
    if not topic:
        return []
    return [
        StandardSpan(s.code, s.name, s.first_year, s.last_year)
        for s in m.MeasurementStandard.objects.filter(topic=topic).order_by("first_year")
    ]
