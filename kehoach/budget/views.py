"""Read pages of a plan's money: overview, per commune, per project, alerts. Scope decides access
(out of scope = 404); every figure comes from the pure cores (aggregate, checks, alerts)."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kehoach.accounts.scope import can_record_money
from kehoach.budget.aggregate import Group, group_money, overview, timeline, years_of
from kehoach.budget.alerts import lag_alerts
from kehoach.budget.choices import Source
from kehoach.budget.facts import AllocationFact
from kehoach.budget.models import ProgrammeComponent
from kehoach.budget.selectors import PlanMoney, alert_schedule, budget_findings, parse_as_of, plan_money
from kehoach.core.exceptions import NotFound
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_for


def plan_or_404(request: HttpRequest, code: str) -> Plan:
    try:
        return plan_for(user=request.user, code=code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _source_label(code: str) -> str:
    return str(Source(code).label) if code in Source.values else code


def _context(request: HttpRequest, plan: Plan, money: PlanMoney, page: str) -> dict[str, Any]:
    unit = "ty" if request.GET.get("don-vi") == "ty" else "trieu"
    return {
        "plan": plan,
        "page": page,
        "unit": unit,
        "has_demo": money.has_demo,
        "can_record": can_record_money(request.user, plan),
    }


@login_required
def overview_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    money = plan_money(plan=plan, user=request.user)
    groups = overview(money.planned, money.allocations, money.disbursements, _source_label)
    years = years_of(money.allocations)
    per_year = {id(g): g.cells(years) for g in groups}
    points = timeline(money.allocations, money.disbursements)
    chart = {
        "labels": [p.label for p in points],
        "disbursed": [str(p.cumulative_disbursed) for p in points],
        "allocated": [str(p.cumulative_allocated) for p in points],
    }
    alerts = lag_alerts(
        money.allocations, money.disbursements, today=timezone.localdate(), schedule=alert_schedule()
    )
    return render(
        request,
        "budget/overview.html",
        {
            **_context(request, plan, money, "overview"),
            "rows": [(g, list(zip(years, per_year[id(g)], strict=True))) for g in groups],
            "points": points,
            "chart": chart,
            "findings": budget_findings(money=money),
            "alert_count": len(alerts.allocations),
        },
    )


def _commune_key(a: AllocationFact) -> tuple[str, str]:
    return (a.commune_key or "", a.commune or "Cấp huyện, không chia theo xã")


@login_required
def communes_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    money = plan_money(plan=plan, user=request.user)
    ordered = sorted(money.allocations, key=lambda a: (a.commune_key == "", a.commune, a.commune_key))
    groups = group_money(ordered, money.disbursements, _commune_key)
    years = years_of(money.allocations)
    return render(
        request,
        "budget/communes.html",
        {
            **_context(request, plan, money, "communes"),
            "years": years,
            "rows": [(g, g.cells(years)) for g in groups],
        },
    )


@login_required
def components_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    money = plan_money(plan=plan, user=request.user)
    names = {
        (c.programme.code, c.code): c.name for c in ProgrammeComponent.objects.select_related("programme")
    }
    rows: list[Group] = []
    ordered = sorted(money.allocations, key=lambda a: a.programme)
    for programme in group_money(ordered, money.disbursements, lambda a: (a.programme, a.programme_name)):
        rows.append(programme)
        mine = [a for a in money.allocations if a.programme == programme.key]
        # A project's row adds up its own allocations and its sub-projects' (parents are totals).
        projects = group_money(
            sorted(mine, key=lambda a: _order(a.component_parent or a.component)),
            money.disbursements,
            lambda a: (a.component_parent or a.component, ""),
        )
        for project in projects:
            name = names.get((str(programme.key), str(project.key)), "")
            project.label = f"{project.key}. {name}" if project.key else "Chưa ghi dự án"
            project.depth = 1
            rows.append(project)
            subs = sorted(
                (a for a in mine if a.component_parent == project.key), key=lambda a: _order(a.component)
            )
            for sub in group_money(subs, money.disbursements, lambda a: (a.component, a.component_name)):
                sub.label, sub.depth = f"{sub.key}. {sub.label}", 2
                rows.append(sub)
    return render(
        request, "budget/components.html", {**_context(request, plan, money, "components"), "rows": rows}
    )


def _order(code: str) -> tuple[int, ...]:
    """ "DA10.TDA2" after "DA9": compare the numbers in the code, not the text."""
    return tuple(int(n) for n in re.findall(r"\d+", code))


@login_required
def alerts_page(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    money = plan_money(plan=plan, user=request.user)
    today = parse_as_of(request.GET.get("ngay"), timezone.localdate())
    schedule = alert_schedule()
    report = lag_alerts(
        money.allocations,
        money.disbursements,
        today=today,
        schedule=schedule,
        rollup=lambda a: f"{a.programme_name or a.programme} · {_source_label(a.source)} · {a.year}",
    )
    return render(
        request,
        "budget/alerts.html",
        {**_context(request, plan, money, "alerts"), "report": report, "today": today, "schedule": schedule},
    )
