"""Pages for the level above: reports awaiting approval, decisions, and completeness per form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kehoach.accounts import scope
from kehoach.audit.choices import Channel
from kehoach.core.exceptions import KehoachError, NotFound
from kehoach.datavalues.choices import SubmissionStatus
from kehoach.datavalues.completeness import completeness
from kehoach.datavalues.forms import DecisionForm
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import approve_submission, reopen_submission, return_submission
from kehoach.datavalues.views.common import period_of
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import Period
from kehoach.orgunits.selectors import parent_names
from kehoach.plans.models import Plan
from kehoach.plans.selectors import default_plan_for, plan_for

DECISIONS = ("approve", "return", "reopen")
LIST_LIMIT = 200


@login_required
def approvals(request: HttpRequest) -> HttpResponse:
    """Reports waiting for this user's decision, and recent decisions (which can be reopened)."""
    sc = scope.scope_for(request.user)
    qs = Submission.objects.select_related("data_set", "unit", "submitted_by", "decided_by").exclude(
        status=SubmissionStatus.DRAFT
    )
    if not sc.everything:
        qs = qs.filter(unit_id__in=sc.own_units)
    waiting = list(qs.filter(status=SubmissionStatus.SUBMITTED).order_by("submitted_at")[:LIST_LIMIT])
    decided = list(qs.exclude(status=SubmissionStatus.SUBMITTED).order_by("-decided_at", "-pk")[:50])
    can_decide = {s.pk for s in waiting + decided if scope.can_approve_data(request.user, s.unit_id)}
    places = parent_names(s.unit_id for s in waiting + decided)
    for s in waiting + decided:
        s.place = places.get(s.unit_id, "")  # type: ignore[attr-defined]  # for the template only
    return render(
        request,
        "datavalues/approvals.html",
        {"waiting": waiting, "decided": decided, "can_decide": can_decide, "form": DecisionForm()},
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    sub = get_object_or_404(Submission.objects.select_related("data_set", "unit"), pk=pk)
    if action not in DECISIONS or not scope.can_view_data(request.user, sub.unit_id):
        raise Http404
    form = DecisionForm(request.POST)
    form.is_valid()
    text = form.cleaned_data.get("comment") or ""
    version = form.cleaned_data.get("version")
    try:
        if action == "approve":
            approve_submission(
                actor=request.user,
                submission=sub,
                channel=Channel.WEB,
                comment=text,
                expected_version=version,
            )
        elif action == "return":
            return_submission(
                actor=request.user,
                submission=sub,
                comment=text,
                channel=Channel.WEB,
                expected_version=version,
            )
        else:
            reopen_submission(
                actor=request.user, submission=sub, reason=text, channel=Channel.WEB, expected_version=version
            )
    except KehoachError as exc:
        messages.error(request, exc.message)
    else:
        done = {"approve": "Đã phê duyệt", "return": "Đã trả lại", "reopen": "Đã mở lại"}[action]
        messages.success(request, f"{done} báo cáo “{sub.data_set.name}” của {sub.unit.name}, {sub.period}.")
    back = request.POST.get("next") or reverse("datavalues:approvals")
    return redirect(
        back if back.startswith("/") and not back.startswith("//") else reverse("datavalues:approvals")
    )


def _default_period(ds: DataSet) -> Period:
    """The latest period whose round has opened; the current year when there is none."""
    today = timezone.localdate()
    rnd = ds.rounds.filter(opens_on__lte=today).order_by("-period").first()
    return period_of(ds, rnd.period if rnd else str(today.year))


@login_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    """Plan tab "Số liệu": each form of the plan, its periods, and every unit's state for one."""
    try:
        plan = plan_for(user=request.user, code=code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    data_sets = list(DataSet.objects.filter(plan=plan).select_related("level").order_by("code"))
    if not data_sets:
        return render(request, "datavalues/overview.html", {"plan": plan, "data_sets": []})
    ds = next((d for d in data_sets if d.code == request.GET.get("bieu")), data_sets[0])
    period = period_of(ds, request.GET["ky"]) if request.GET.get("ky") else _default_period(ds)
    report = completeness(data_set=ds, period=period, user=request.user)
    return render(
        request,
        "datavalues/overview.html",
        {
            "plan": plan,
            "data_sets": data_sets,
            "data_set": ds,
            "period": period,
            "periods": list(ds.rounds.order_by("-period").values_list("period", flat=True)),
            "report": report,
            "can_enter": {u.unit.pk for u in report.units if scope.can_enter_data(request.user, u.unit.pk)},
            "template_unit": _template_unit(request.user, plan),
        },
    )


def _template_unit(user: Any, plan: Plan) -> int | None:
    """Where the "every unit you may enter" template starts: the plan's unit for those who see
    all of it, else the user's own unit within it (a commune officer's commune)."""
    if plan.admin_unit_id is not None and scope.can_view_data(user, plan.admin_unit_id):
        return plan.admin_unit_id
    return next((pk for pk in user.units.values_list("pk", flat=True) if scope.can_view_data(user, pk)), None)


@login_required
def completeness_page(request: HttpRequest) -> HttpResponse:
    """Main-menu entry: the overview of the user's default plan (same filters)."""
    plan = default_plan_for(user=request.user)
    if plan is None:
        return render(request, "web/no_plan.html")
    url = reverse("datavalues:overview", args=[plan.code])
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
