"""HTML pages of plans added after the foundation: a unit's own targets (a commune's own plan)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kehoach.accounts.scope import can_set_unit_target
from kehoach.audit.choices import Channel
from kehoach.core.exceptions import KehoachError, NotFound, ValidationFailed
from kehoach.core.formatting import vn_number
from kehoach.orgunits.models import OrgUnit
from kehoach.plans import choices as c
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_for
from kehoach.plans.selectors_unit_targets import UnitTargetRow, area_units_for, unit_target_rows
from kehoach.plans.services_unit_targets import UnitTargetInput, save_unit_targets


def _plan_and_unit(request: HttpRequest, code: str) -> tuple[Plan, OrgUnit, list[OrgUnit]]:
    """The visible plan and the chosen unit of its area (default: the first the user may see)."""
    try:
        plan = plan_for(user=request.user, code=code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    units = area_units_for(user=request.user, plan=plan)
    wanted = request.GET.get("don_vi")
    unit = next((u for u in units if str(u.pk) == wanted), None) if wanted else (units[0] if units else None)
    if unit is None:
        raise Http404(_("Không tìm thấy đơn vị."))
    return plan, unit, units


def _typed(row: UnitTargetRow) -> tuple[str, str, str]:
    """What the form shows for a row (value the Vietnamese way, year, comparator), to see what changed."""
    own = row.own
    if own is None:
        return "", str(row.target.milestone_year), ""
    return vn_number(own.value), str(own.milestone_year), own.comparator


def _decision_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError as exc:
        raise ValidationFailed(_("Ngày văn bản không hợp lệ.")) from exc


def _posted(request: HttpRequest, row: UnitTargetRow) -> tuple[str, str, str]:
    code, post = row.target.code, request.POST
    return (
        post.get(f"value-{code}", "").strip(),
        post.get(f"year-{code}", str(row.target.milestone_year)),
        post.get(f"comparator-{code}", ""),
    )


def _changes(request: HttpRequest, rows: list[UnitTargetRow]) -> dict[str, UnitTargetInput | None]:
    """Rows whose inputs differ from what was shown: a blank value clears, others are set with the
    deciding document typed once for the page (a commune's plan is one document)."""
    post = request.POST
    number, note = post.get("decision_number", ""), post.get("note", "")
    date = _decision_date(post.get("decision_date", "").strip())
    changed: dict[str, UnitTargetInput | None] = {}
    for row in rows:
        value, year, comparator = typed = _posted(request, row)
        if typed == _typed(row):
            continue
        if not value:
            if row.own is not None:
                changed[row.target.code] = None
            continue
        changed[row.target.code] = UnitTargetInput(
            value=value,
            milestone_year=int(year) if year.isdigit() else None,
            comparator=comparator,
            note=note,
            decision_number=number,
            decision_date=date,
        )
    return changed


@login_required
def unit_targets(request: HttpRequest, code: str) -> HttpResponse:
    """View, set and clear a unit's own targets, the plan's value beside each input."""
    plan, unit, units = _plan_and_unit(request, code)
    may_set = can_set_unit_target(request.user, plan, unit.pk)
    rows = unit_target_rows(plan=plan, unit=unit)
    errors: list[str] = []
    if request.method == "POST":
        if not may_set:
            return render(request, "web/forbidden.html", status=403)
        try:
            changed = save_unit_targets(
                actor=request.user, plan=plan, unit=unit, rows=_changes(request, rows), channel=Channel.WEB
            )
        except KehoachError as exc:
            errors = exc.messages
        else:
            messages.success(
                request,
                _("Đã lưu %(n)s mục tiêu.") % {"n": changed} if changed else _("Không có gì thay đổi."),
            )
            url = reverse("plans:unit-targets", kwargs={"code": plan.code})
            return redirect(f"{url}?don_vi={unit.pk}")
    return render(
        request,
        "plans/unit_targets.html",
        {
            "plan": plan,
            "unit": unit,
            "units": units,
            # What each input shows: the stored target, or what was typed when saving failed.
            "rows": [(row, *(_posted(request, row) if errors else _typed(row))) for row in rows],
            "may_set": may_set,
            "errors": errors,
            "comparators": c.Comparator.choices,
            "decision": request.POST if errors else {},
        },
    )
