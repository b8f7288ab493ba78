"""Plan dashboard of target progress and the explanation of one judgement."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kehoach.analytics.access import plan_and_unit
from kehoach.analytics.labels import STATUS_TEXT
from kehoach.analytics.services import counted_label, target_progress
from kehoach.analytics.targets import Status
from kehoach.core.exceptions import NotFound


@login_required
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    """Targets by milestone year with status counts, and every target's figures."""
    try:
        plan, unit, choices = plan_and_unit(user=request.user, code=code, unit_id=request.GET.get("don_vi"))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    progress = target_progress(plan, unit)
    return render(
        request,
        "analytics/dashboard.html",
        {
            "plan": plan,
            "unit": unit,
            "units": choices,
            "progress": progress,
            "counted": counted_label(progress.statuses),
            "groups": [
                {"group": g, "counts": [(STATUS_TEXT[s], g.counts[s]) for s in Status]}
                for g in progress.milestones()
            ],
            "status_headers": [STATUS_TEXT[s] for s in Status],
            "sectors": [(g.label, [g.counts[s] for s in Status]) for g in progress.sectors()],
        },
    )


@login_required
def explain(request: HttpRequest, code: str, target: str) -> HttpResponse:
    """The rule and every number behind one target's judgement at one unit."""
    try:
        plan, unit, _choices = plan_and_unit(user=request.user, code=code, unit_id=request.GET.get("don_vi"))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    progress = target_progress(plan, unit)
    row = progress.row(target)
    if row is None:
        raise Http404("Không tìm thấy chỉ tiêu.")
    return render(
        request,
        "analytics/explain.html",
        {
            "plan": plan,
            "unit": unit,
            "row": row,
            "status": STATUS_TEXT[row.judgement.status],
            "counted": counted_label(progress.statuses),
        },
    )
