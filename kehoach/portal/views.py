"""Public pages: no account needed, approved figures only, every page downloadable as it is shown.

`?tai=csv|xlsx&bang=<table>` returns one table of the page exactly as shown (suppressed cells too).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.assignments.selectors import task_rows
from kehoach.core.exceptions import NotFound
from kehoach.plans.models import Plan
from kehoach.portal import pages, selectors
from kehoach.portal.caching import public_page
from kehoach.portal.disaggregation import indicator_view
from kehoach.portal.tables import Table, to_csv, xlsx_rows
from kehoach.spreadsheets.writer import SheetSpec, write_xlsx


def _plan(code: str) -> Plan:
    try:
        return selectors.public_plan(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _download(request: HttpRequest, tables: list[Table]) -> HttpResponse | None:
    kind = request.GET.get("tai")
    if kind not in ("csv", "xlsx"):
        return None
    wanted = request.GET.get("bang") or (tables[0].key if tables else "")
    table = next((t for t in tables if t.key == wanted), None)
    if table is None:
        raise Http404(_("Không có bảng này."))
    if kind == "csv":
        response = HttpResponse(to_csv(table), content_type="text/csv; charset=utf-8")
    else:
        sheet = SheetSpec(table.title[:31], [c.label for c in table.columns], xlsx_rows(table))
        response = HttpResponse(
            write_xlsx([sheet]),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{table.key}.{kind}"'
    return response


def _page(request: HttpRequest, template: str, context: dict[str, Any], tables: list[Table]) -> HttpResponse:
    params = request.GET.copy()
    for name in ("tai", "bang"):
        params.pop(name, None)
    query = params.urlencode() + "&" if params else ""  # download links keep the page's filters
    return _download(request, tables) or render(
        request, template, {**context, "tables": tables, "query": query}
    )


def _unit(request: HttpRequest, plan: Plan) -> Any:
    try:
        return selectors.public_unit(plan, request.GET.get("don-vi"))
    except NotFound as exc:
        raise Http404(exc.message) from exc


@public_page
def home(request: HttpRequest) -> HttpResponse:
    plans = list(selectors.public_plans())
    if len(plans) == 1:
        return plan_page(request, plans[0].code)
    return render(request, "portal/home.html", {"plans": plans})


@public_page
def plan_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(code)
    today = timezone.localdate()
    progress = selectors.progress(plan, selectors.area_units(plan)[0], today)
    objectives = list(plan.objectives.order_by("order"))
    tasks = task_rows(plan=plan, today=today)
    money = selectors.public_money(plan)
    context = {
        "plan": plan,
        "objectives": objectives,
        "counts": pages.status_counts(progress),
        "milestones": progress.milestones(),
        "task_counts": pages.task_counts(tasks),
        "task_total": len(tasks),
        "planned": pages.stated_total(money),
        "feedback": selectors.published_feedback(plan)[:5],
        "communes": selectors.communes(plan),
        "counted": pages.counted(),
    }
    return render(request, "portal/plan.html", context)


@public_page
def targets_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(code)
    unit = _unit(request, plan)
    progress = selectors.progress(plan, unit, timezone.localdate())
    rows = [(r, pages.plain_status(r)) for r in progress.rows]
    context = {
        "plan": plan,
        "unit": unit,
        "units": selectors.area_units(plan),
        "counts": pages.status_counts(progress),
        "rows": rows,
        "counted": pages.counted(),
    }
    return _page(request, "portal/targets.html", context, [pages.targets_table(progress)])


@public_page
def target_page(request: HttpRequest, code: str, target: str) -> HttpResponse:
    plan = _plan(code)
    unit = _unit(request, plan)
    progress = selectors.progress(plan, unit, timezone.localdate())
    row = progress.row(target)
    if row is None:
        raise Http404(_("Không tìm thấy chỉ tiêu."))
    context = {
        "plan": plan,
        "unit": unit,
        "units": selectors.area_units(plan),
        "row": row,
        "plain": pages.plain_status(row),
        "feedback": selectors.published_feedback(plan, target=row.target),
        "counted": pages.counted(),
    }
    return render(request, "portal/target.html", context)


@public_page
def indicator_page(request: HttpRequest, code: str, indicator: str) -> HttpResponse:
    plan = _plan(code)
    unit = _unit(request, plan)
    try:
        found = selectors.public_indicator(plan, indicator)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    view = indicator_view(
        indicator=found,
        area=selectors.area_units(plan),
        unit=unit,
        combo=request.GET.get("phan-to", ""),
        as_of=timezone.localdate(),
    )
    context = {"plan": plan, "unit": unit, "units": selectors.area_units(plan), "view": view}
    return _page(request, "portal/indicator.html", context, [view.table])


@public_page
def indicators_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(code)
    return render(
        request, "portal/indicators.html", {"plan": plan, "indicators": selectors.plan_indicators(plan)}
    )


@public_page
def money_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(code)
    money = selectors.public_money(plan)
    tables = [pages.programme_table(money, selectors.programme_names(plan)), pages.commune_money_table(money)]
    return _page(request, "portal/money.html", {"plan": plan, "has_demo": money.has_demo}, tables)


@public_page
def tasks_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(code)
    rows = task_rows(plan=plan, today=timezone.localdate())
    context = {"plan": plan, "counts": pages.task_counts(rows)}
    return _page(request, "portal/tasks.html", context, [pages.tasks_table(rows)])


@public_page
def commune_notice(request: HttpRequest, code: str, unit: int) -> HttpResponse:
    """The A4 notice a commune office prints for its notice board and village meetings."""
    plan = _plan(code)
    commune = next((u for u in selectors.communes(plan) if u.pk == unit), None)
    if commune is None:
        raise Http404(_("Không tìm thấy xã trong địa bàn kế hoạch."))
    today = timezone.localdate()
    progress = selectors.progress(plan, commune, today)
    money = selectors.public_money(plan)
    tables = [pages.targets_table(progress), pages.commune_money_table(money, only=commune.key)]
    context = {
        "plan": plan,
        "commune": commune,
        "commune_in_sentence": pages.in_sentence(commune, say_ended=True),
        "today": today,
        "counts": pages.status_counts(progress),
        "feedback": selectors.published_feedback(plan, commune=commune)[:5],
        "counted": pages.counted(),
    }
    return _page(request, "portal/notice.html", context, tables)


@public_page
def feedback_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(code)
    return render(
        request,
        "portal/feedback_list.html",
        {"plan": plan, "feedback": selectors.published_feedback(plan)[:200]},
    )
