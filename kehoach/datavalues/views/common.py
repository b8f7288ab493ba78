"""Lookups shared by the pages: objects in scope or 404, and the entry form's context."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kehoach.accounts import scope
from kehoach.datavalues.catalogue import DataSetCatalogue, data_set_catalogue
from kehoach.datavalues.choices import EDITABLE
from kehoach.datavalues.models import Submission
from kehoach.datavalues.selectors import active_during, round_for
from kehoach.datavalues.services.resolve import round_problem
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import Period, parse_period
from kehoach.orgunits.models import OrgUnit


def unit_in_scope(user: Any, unit_id: int) -> OrgUnit:
    """The unit if the user may read its data; 404 otherwise (out of scope looks like missing)."""
    unit = get_object_or_404(OrgUnit.objects.select_related("level"), pk=unit_id)
    if not scope.can_view_data(user, unit.pk):
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def period_of(data_set: DataSet, code: str) -> Period:
    try:
        return parse_period(code, expected=data_set.period_type)
    except ValueError as exc:
        raise Http404(str(exc)) from exc


def catalogue_for(user: Any, data_set: DataSet) -> DataSetCatalogue:
    """The form as this user sees it: an agency officer gets only its own indicators' elements."""
    cat = data_set_catalogue(data_set=data_set)
    cat.elements = {c: e for c, e in cat.elements.items() if scope.can_handle_element(user, e.agencies)}
    return cat


def entry_blocker(user: Any, data_set: DataSet, unit: OrgUnit, period: Period, sub: Submission | None) -> str:
    """Why the form is read-only for this user now ("" when it can be edited)."""
    if not scope.can_enter_data(user, unit.pk):
        return "Bạn chỉ được xem số liệu của đơn vị này."
    if unit.level_id != data_set.level_id or not active_during(unit, *period.window(data_set.window)):
        return "Đơn vị này không báo cáo biểu này trong kỳ đã chọn."
    problem = round_problem(round_for(data_set=data_set, period=period.code), period, timezone.localdate())
    if problem:
        return problem
    if sub is not None and sub.status not in EDITABLE:
        return f"Báo cáo {sub.get_status_display().lower()}: số liệu bị khóa."
    return ""
