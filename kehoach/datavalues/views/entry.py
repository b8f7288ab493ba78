"""The web entry form of one data set × unit × period: save, save and submit, decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from kehoach.accounts import scope
from kehoach.audit.choices import Channel
from kehoach.core.exceptions import KehoachError
from kehoach.datavalues import rows as r
from kehoach.datavalues.forms import DecisionForm, ElementRow, build_rows, parse_post
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import save_data_values, submit_submission
from kehoach.datavalues.state import form_issues, form_state
from kehoach.datavalues.views.common import catalogue_for, entry_blocker, period_of, unit_in_scope
from kehoach.indicators.models import DataSet
from kehoach.orgunits.models import OrgUnit


@login_required
def entry(request: HttpRequest, data_set: str, unit: int, period: str) -> HttpResponse:
    ds = get_object_or_404(DataSet.objects.select_related("plan", "level"), code=data_set)
    ou = unit_in_scope(request.user, unit)
    p = period_of(ds, period)
    cat = catalogue_for(request.user, ds)
    sub = Submission.objects.filter(data_set=ds, unit=ou, period=p.code).first()
    blocker = entry_blocker(request.user, ds, ou, p, sub)
    typed: dict[str, str] = {}
    status = 200
    summary: r.ImportSummary | None = None
    where: dict[int, tuple[str, str]] = {}
    if request.method == "POST":
        if blocker:  # the period, the unit or the form's status, said as it is (not "no permission")
            return render(request, "web/forbidden.html", {"reason": blocker}, status=403)
        rows, where = parse_post(cat, request.POST, unit_key=ou.key, period=p.code)
        summary = save_data_values(
            actor=request.user,
            data_set=ds,
            rows=rows,
            channel=Channel.WEB,
            reason=request.POST.get("reason", "")[:500],
        )
        if summary.committed:
            _after_save(request, ds, ou, p.code, summary)
            return redirect(request.path)
        typed = {k: request.POST.get(k, "") for k in request.POST if k.startswith(("v:", "c:"))}
        status = 409 if summary.conflict else 400
        messages.error(request, _refused(summary))
    state = form_state(cat=cat, unit_id=ou.pk, period=p)
    rows_view = build_rows(cat, state, typed)
    if summary is not None:
        _place_problems(rows_view, summary, where)
    issues = form_issues(cat=cat, unit_id=ou.pk, period=p, state=state)
    return render(
        request,
        "datavalues/entry.html",
        {
            "data_set": ds,
            "plan": ds.plan,
            "unit": ou,
            "period": p,
            "submission": sub,
            "rows": rows_view,
            "sections": _sections(rows_view),
            "issues": issues,
            "blocking": state.unexplained(issues),
            "blocker": blocker,
            "can_submit": not blocker and scope.can_submit_data(request.user, ou.pk, ds.agency_id),
            "can_decide": sub is not None and scope.can_approve_data(request.user, ou.pk),
            "decision_form": DecisionForm(initial={"version": sub.version if sub else None}),
            "is_demo": ou.is_demo or (sub is not None and sub.is_demo),
            "history_url": reverse("datavalues:unit-history", args=[ou.pk]),
        },
        status=status,
    )


def _after_save(
    request: HttpRequest, ds: DataSet, ou: OrgUnit, period: str, summary: r.ImportSummary
) -> None:
    c = summary.counts
    if c["created"] or c["updated"]:
        messages.success(request, f"Đã lưu: {c['created']} giá trị mới, {c['updated']} giá trị sửa.")
    else:
        messages.info(request, "Không có giá trị nào thay đổi.")
    warnings = [p.text for _, p in summary.problems if p.severity == "warning"]
    for text in warnings:
        messages.warning(request, f"Cảnh báo đã có ghi chú: {text}")
    if request.POST.get("action") != "submit":
        return
    try:
        submit_submission(actor=request.user, data_set=ds, unit=ou, period=period, channel=Channel.WEB)
    except KehoachError as exc:
        messages.error(request, exc.message)
        for line in exc.messages if exc.messages != [exc.message] else []:
            messages.error(request, line)
    else:
        messages.success(request, "Đã gửi báo cáo lên cấp trên để phê duyệt.")


def _refused(summary: r.ImportSummary) -> str:
    if summary.conflict:
        return (
            "Chưa lưu: có giá trị đã được người khác sửa sau khi bạn mở biểu. Số bạn đã nhập vẫn còn trong ô; "
            "hãy xem giá trị mới ghi bên cạnh rồi bấm Lưu lại nếu vẫn muốn thay."
        )
    return f"Chưa lưu gì: {summary.counts['rejected']} ô có lỗi hoặc cảnh báo chưa có ghi chú (xem từng ô bên dưới)."


def _place_problems(
    rows_view: list[ElementRow], summary: r.ImportSummary, where: dict[int, tuple[str, str]]
) -> None:
    cells = {(c.element, c.coc): c for row in rows_view for c in row.cells}
    for line, problem in summary.problems:
        cell = cells.get(where.get(line, ("", "")))
        if cell is not None and problem.text not in cell.problems:
            cell.problems.append(problem.text)


def _sections(rows_view: list[ElementRow]) -> list[tuple[str, list[ElementRow]]]:
    out: list[tuple[str, list[ElementRow]]] = []
    for row in rows_view:
        if not out or out[-1][0] != row.info.section:
            out.append((row.info.section, []))
        out[-1][1].append(row)
    return out
