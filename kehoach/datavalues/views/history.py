"""History of values: every change of one unit's data, and of one value."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kehoach.accounts import scope
from kehoach.datavalues.models import DataValue
from kehoach.datavalues.selectors import unit_history, value_history_rows
from kehoach.datavalues.views.common import unit_in_scope


@login_required
def unit_changes(request: HttpRequest, unit: int) -> HttpResponse:
    ou = unit_in_scope(request.user, unit)
    return render(
        request,
        "datavalues/unit_history.html",
        {"unit": ou, "changes": unit_history(unit=ou, user=request.user)},
    )


@login_required
def value_changes(request: HttpRequest, pk: int) -> HttpResponse:
    value = get_object_or_404(DataValue.objects.select_related("element", "unit", "option_combo"), pk=pk)
    if not scope.can_view_data(request.user, value.unit_id):
        raise Http404
    return render(
        request, "datavalues/value_history.html", {"value": value, "changes": value_history_rows(value=value)}
    )
