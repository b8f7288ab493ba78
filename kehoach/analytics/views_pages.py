"""Indicator page, unit scorecard, performance table (and its Excel file), minority comparison.

Every view resolves the plan and unit through `access.plan_and_unit` (scope predicates): a plan,
unit or indicator outside the user's scope is 404, on the pages and on the download alike.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.analytics import comparison
from kehoach.analytics.access import plan_and_unit
from kehoach.analytics.indicator_page import indicator_page, plan_indicator
from kehoach.analytics.indicator_units import unit_rows
from kehoach.analytics.page_labels import status_symbol, status_text
from kehoach.analytics.performance import PerformanceTable, filter_choices, parse_filters, performance_table
from kehoach.analytics.performance_excel import performance_xlsx
from kehoach.analytics.selectors import counted_statuses
from kehoach.analytics.services import counted_label, target_progress
from kehoach.analytics.targets import Status
from kehoach.core.exceptions import NotFound
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.choices import Sector
from kehoach.plans.models import Plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _resolve(request: HttpRequest, code: str, unit_id: str | None) -> tuple[Plan, OrgUnit, list[OrgUnit]]:
    try:
        return plan_and_unit(user=request.user, code=code, unit_id=unit_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@login_required
def indicator(request: HttpRequest, code: str, indicator: str) -> HttpResponse:
    """Actual vs trajectory vs target by year (chart and the same numbers in a table), by unit,
    by breakdown, and the ethnic-minority comparison where there is one."""
    plan, unit, choices = _resolve(request, code, request.GET.get("don_vi"))
    try:
        page = indicator_page(user=request.user, plan=plan, unit=unit, code=indicator, with_units=False)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(
        request,
        "analytics/indicator.html",
        {
            "plan": plan,
            "unit": unit,
            "units": choices,
            "page": page,
            "counted": counted_label(page.progress.statuses),
            "statuses": [
                (line, status_symbol(line.row.judgement.status), status_text(line.row.judgement.status))
                for line in page.lines
            ],
        },
    )


@login_required
def indicator_units(request: HttpRequest, code: str, indicator: str) -> HttpResponse:
    """The indicator at the units below the chosen one: loaded into the indicator page by htmx
    (it judges every unit, so the page does not wait for it), or a page of its own without script."""
    plan, unit, choices = _resolve(request, code, request.GET.get("don_vi"))
    try:
        found = plan_indicator(plan, indicator)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    context = {
        "plan": plan,
        "unit": unit,
        "units": choices,
        "indicator": found,
        "rows": unit_rows(user=request.user, plan=plan, unit=unit, indicator=found),
    }
    partial = request.headers.get("HX-Request") == "true"
    return render(
        request, "analytics/_indicator_units.html" if partial else "analytics/indicator_units.html", context
    )


@login_required
def scorecard(request: HttpRequest, code: str, unit_id: int) -> HttpResponse:
    """Every target of the plan at one unit, compact and printable."""
    plan, unit, _choices = _resolve(request, code, str(unit_id))
    progress = target_progress(plan, unit)
    rows = [(r, status_symbol(r.judgement.status), status_text(r.judgement.status)) for r in progress.rows]
    return render(
        request,
        "analytics/scorecard.html",
        {
            "plan": plan,
            "unit": unit,
            "progress": progress,
            "rows": rows,
            "counted": counted_label(progress.statuses),
        },
    )


def _performance(request: HttpRequest, code: str) -> tuple[Plan, OrgUnit, list[OrgUnit], PerformanceTable]:
    plan, unit, choices = _resolve(request, code, request.GET.get("don_vi"))
    filters = parse_filters(request.GET.get("linh_vuc"), request.GET.get("moc"), request.GET.get("danh_gia"))
    return plan, unit, choices, performance_table(plan, unit, filters)


@login_required
def performance(request: HttpRequest, code: str) -> HttpResponse:
    """Target × year: level to be at, actual, percent of target, status; filters by GET."""
    plan, unit, choices, table = _performance(request, code)
    return render(
        request,
        "analytics/performance.html",
        {
            "plan": plan,
            "unit": unit,
            "units": choices,
            "table": table,
            "choices": filter_choices(table.progress),
            "counted": counted_label(table.progress.statuses),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def performance_excel(request: HttpRequest, code: str) -> HttpResponse:
    """Exactly the filtered table of the page with the same query string."""
    plan, unit, _choices, table = _performance(request, code)
    f = table.filters
    described = ", ".join(
        part
        for part in (
            f.sector and _("lĩnh vực %(v)s") % {"v": Sector(f.sector).label},
            f.milestone and _("mốc %(v)s") % {"v": f.milestone},
            f.status and _("đánh giá %(v)s") % {"v": status_text(Status(f.status))},
        )
        if part
    )
    data = performance_xlsx(table, described or _("không lọc"))
    response = HttpResponse(data, content_type=XLSX)
    # The plan code is ASCII by construction, the unit id a number.
    response["Content-Disposition"] = f'attachment; filename="bang-chi-tieu-{plan.code}-{unit.pk}.xlsx"'
    return response


@login_required
def minority(request: HttpRequest, code: str) -> HttpResponse:
    """Ethnic-minority vs whole-population figures, year by year, where the data allow it."""
    plan, unit, choices = _resolve(request, code, request.GET.get("don_vi"))
    return render(
        request,
        "analytics/comparison.html",
        {
            "plan": plan,
            "unit": unit,
            "units": choices,
            "tables": comparison.tables(plan, unit.pk),
            "counted": counted_label(counted_statuses()),
            "as_of": timezone.localdate(),
        },
    )
