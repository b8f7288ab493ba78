"""HTML pages: parse the request, call one selector or service, render. Access goes through scope."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from kehoach.accounts import scope
from kehoach.agencies.models import Agency
from kehoach.agencies.selectors import search_agencies
from kehoach.audit.choices import Channel
from kehoach.audit.selectors import events_for
from kehoach.core.exceptions import NotFound, ValidationFailed
from kehoach.orgunits.models import OrgUnit, UnitLevel
from kehoach.orgunits.selectors import search_units, units_with_details
from kehoach.orgunits.services import add_village
from kehoach.plans import filters
from kehoach.plans import models as m
from kehoach.plans.selectors import default_plan_for, plan_counts, plan_findings, plan_for, plans_visible_to
from kehoach.plans.services import update_plan_element
from kehoach.web import forms


def _plan(request: HttpRequest, code: str) -> m.Plan:
    try:
        return plan_for(user=request.user, code=code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def home(request: HttpRequest) -> HttpResponse:
    """Visitors land on the public portal (officials sign in from there); officials on their plan."""
    if not request.user.is_authenticated:
        return redirect("portal:home")
    plan = default_plan_for(user=request.user)
    if plan is None:
        return render(request, "web/no_plan.html")
    return redirect("web:plan", code=plan.code)


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "web/plan_list.html", {"plans": plans_visible_to(user=request.user)})


@login_required
def plan_overview(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(request, code)
    sections = list(plan.sections.all())
    children: dict[int | None, list[m.Section]] = defaultdict(list)
    for s in sections:
        children[s.parent_id].append(s)
    findings = plan_findings(plan=plan)
    return render(
        request,
        "web/plan_overview.html",
        {
            "plan": plan,
            "counts": plan_counts(plan=plan),
            "tree": _flatten(children, None),
            "findings": findings,
            "can_edit": scope.can_change_plan(request.user, plan),
            "implements": plan.implements.all(),
            "signer_line": _signer_line(plan.signer),
        },
    )


def _signer_line(signer: object) -> str:
    """ "TM. ỦY BAN NHÂN DÂN · KT. CHỦ TỊCH · PHÓ CHỦ TỊCH · Kiều Hải Nam" from the plan's signer block."""
    if not isinstance(signer, dict):
        return ""
    parts = (signer.get(k) for k in ("authority", "deputy_prefix", "title", "name"))
    return " · ".join(str(p).strip() for p in parts if p and str(p).strip())


def _flatten(children: dict[int | None, list[m.Section]], parent: int | None) -> list[m.Section]:
    """Sections in document order (depth-first), for a flat template loop with indentation."""
    out: list[m.Section] = []
    for s in children.get(parent, []):
        out.append(s)
        out.extend(_flatten(children, s.pk))
    return out


@login_required
def targets(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(request, code)
    fs = filters.TargetFilter(request.GET, queryset=plan.targets.select_related("section", "parent"))
    rows = list(fs.qs.order_by("order"))
    milestones = sorted(set(plan.targets.values_list("milestone_year", flat=True)))
    return render(
        request,
        "web/targets.html",
        {
            "plan": plan,
            "filter": fs,
            "targets": rows,
            "milestones": milestones,
            "can_edit": scope.can_change_plan(request.user, plan),
        },
    )


@login_required
def tasks(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(request, code)
    qs = plan.tasks.select_related("section", "lead", "parent").prefetch_related("coordinating")
    fs = filters.TaskFilter(request.GET, queryset=qs)
    rows = list(fs.qs.order_by("order"))
    return render(
        request,
        "web/tasks.html",
        {
            "plan": plan,
            "filter": fs,
            "tasks": rows,
            "editable": {t.pk for t in rows if scope.can_change_task(request.user, t)},
            "agencies": Agency.objects.filter(led_tasks__plan=plan).distinct(),
        },
    )


@login_required
def budget(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(request, code)
    lines = list(plan.budget_lines.select_related("programme", "parent").order_by("order"))
    depth: dict[int, int] = {}
    for line in lines:  # parents come before their components in document order
        depth[line.pk] = depth.get(line.parent_id or 0, -1) + 1 if line.parent_id else 0
        line.depth = depth[line.pk]  # type: ignore[attr-defined]
    by_programme: dict[Any, list[m.BudgetLine]] = defaultdict(list)
    for line in lines:
        by_programme[line.programme].append(line)
    findings = [
        f
        for f in plan_findings(plan=plan)
        if f["location"] in {b.code for b in lines} or f["code"].startswith("budget")
    ]
    return render(
        request,
        "web/budget.html",
        {
            "plan": plan,
            "programmes": dict(by_programme),
            "findings": findings,
            "can_edit": scope.can_change_budget(request.user, plan)
            or scope.can_change_plan(request.user, plan),
        },
    )


@login_required
def organisation(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(request, code)
    return render(
        request,
        "web/organisation.html",
        {
            "plan": plan,
            "responsibilities": plan.responsibilities.select_related("agency"),
            "obligations": plan.obligations.select_related("agency").prefetch_related("recipients"),
        },
    )


@login_required
def findings(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(request, code)
    return render(request, "web/findings.html", {"plan": plan, "findings": plan_findings(plan=plan)})


_EDITABLE: dict[str, tuple[type[Any], type[Any], str]] = {
    "target": (m.Target, forms.TargetForm, "web:targets"),
    "task": (m.Task, forms.TaskForm, "web:tasks"),
    "budget": (m.BudgetLine, forms.BudgetLineForm, "web:budget"),
    "section": (m.Section, forms.SectionForm, "web:plan"),
}


def _may_edit(user: Any, kind: str, obj: Any) -> bool:
    if kind == "task":
        return scope.can_change_task(user, obj)
    if kind == "budget":
        return scope.can_change_budget(user, obj.plan) or scope.can_change_plan(user, obj.plan)
    return scope.can_change_plan(user, obj.plan)


@login_required
def edit_element(request: HttpRequest, code: str, kind: str, element: str) -> HttpResponse:
    plan = _plan(request, code)
    if kind not in _EDITABLE:
        raise Http404
    model, form_class, back = _EDITABLE[kind]
    obj = get_object_or_404(model, plan=plan, code=element)
    if not _may_edit(request.user, kind, obj):
        return render(request, "web/forbidden.html", status=403)
    form = form_class(request.POST or None, instance=model.objects.get(pk=obj.pk))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "reason"}
        try:
            changed = update_plan_element(
                obj=obj,
                changes=data,
                actor=request.user,
                channel=Channel.WEB,
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationFailed as exc:
            for msg in exc.messages:
                form.add_error(None, msg)
        else:
            messages.success(request, "Đã lưu thay đổi." if changed else "Không có gì thay đổi.")
            return redirect(reverse(back, kwargs={"code": plan.code}) + f"#{kind}-{obj.code}")
    return render(
        request,
        "web/edit.html",
        {
            "plan": plan,
            "obj": obj,
            "form": form,
            "kind": kind,
            "history": events_for(obj=obj),
            "back": reverse(back, kwargs={"code": plan.code}),
        },
    )


@login_required
def units(request: HttpRequest) -> HttpResponse:
    qs: QuerySet[OrgUnit] = scope.visible_units(request.user)
    level = request.GET.get("level", "")
    if level:
        qs = qs.filter(level__code=level)
    text = request.GET.get("q", "")
    qs = search_units(queryset=qs, text=text)
    rows = units_with_details(queryset=qs).order_by("level__rank", "name")[:500]
    return render(
        request,
        "web/units.html",
        {"units": rows, "levels": UnitLevel.objects.all(), "level": level, "q": text},
    )


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = units_with_details(queryset=scope.visible_units(request.user)).filter(pk=pk).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    kids = scope.visible_units(request.user).filter(parent_links__parent=unit).distinct().order_by("name")
    # Villages go under communes that still exist; a former commune's villages follow its successor.
    may_add = (
        unit.level.code == "commune" and unit.valid_to is None and scope.can_add_village(request.user, unit)
    )
    error = ""
    if request.method == "POST":
        if not may_add:
            return render(request, "web/forbidden.html", status=403)
        try:
            village = add_village(
                commune=unit,
                name=request.POST.get("name", ""),
                actor=request.user,
                is_demo=request.POST.get("is_demo") == "on",
            )
        except ValidationFailed as exc:
            error = exc.message
        else:
            messages.success(request, f"Đã thêm {village.name}.")
            return redirect("web:unit", pk=unit.pk)
    return render(
        request,
        "web/unit_detail.html",
        {
            "unit": unit,
            "children": kids,
            "may_add_village": may_add,
            "village_error": error,
            "agencies": unit.agencies.prefetch_related(Prefetch("successor_links")),
        },
    )


@login_required
def agencies(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")
    qs = search_agencies(queryset=Agency.objects.select_related("parent", "admin_unit"), text=text)
    return render(
        request,
        "web/agencies.html",
        {
            "agencies": qs.prefetch_related("successor_links__successor").order_by("code"),
            "q": text,
            # The data file's notes record sources and what is still unverified (in English, for
            # whoever maintains the data): administrators see them, officials do not.
            "show_notes": scope.scope_for(request.user).everything,
        },
    )
