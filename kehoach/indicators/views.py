"""HTML pages of the catalogue: the list of indicators and one indicator with its series."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kehoach.accounts import scope
from kehoach.indicators import models as m
from kehoach.indicators.filters import IndicatorFilter
from kehoach.indicators.selectors import indicators_with_details
from kehoach.orgunits.models import OrgUnit


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    fs = IndicatorFilter(request.GET, queryset=indicators_with_details())
    return render(request, "indicators/catalogue.html", {"filter": fs, "indicators": list(fs.qs)})


@login_required
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    from kehoach.datavalues.series import unit_series  # the pages of a lower app may read upwards

    ind = get_object_or_404(indicators_with_details(), code=code)
    units = [
        u
        for u in OrgUnit.objects.filter(level=ind.level).order_by("name")
        if scope.can_view_data(request.user, u.pk)
    ][:500]
    chosen = next((u for u in units if str(u.pk) == request.GET.get("don_vi")), units[0] if units else None)
    series = unit_series(indicator=ind, unit_id=chosen.pk, user=request.user) if chosen else []
    return render(
        request,
        "indicators/indicator.html",
        {
            "indicator": ind,
            "units": units,
            "unit": chosen,
            "series": series,
            "baselines": m.Baseline.objects.filter(indicator=ind, unit=chosen).select_related("standard")
            if chosen
            else [],
            "standards": m.MeasurementStandard.objects.filter(topic=ind.standard_topic)
            if ind.standard_topic
            else [],
            "any_demo": any(p.is_demo for p in series),
        },
    )
