"""Report pages (mounted at /bao-cao/): a plan's reports, a report with its editable parts, issue,
downloads and "what changed since". Every page resolves the plan or report through the scope
layer (out of scope = 404); changing pages also ask can_issue_report (403 for readers)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kehoach.accounts.scope import can_issue_report
from kehoach.audit.choices import Channel
from kehoach.core.exceptions import KehoachError, NotFound
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_for
from kehoach.reports import selectors, services
from kehoach.reports.docx_format import date_line
from kehoach.reports.docx_report import indicator_headers, indicator_rows
from kehoach.reports.forms import EditReportForm, IssueForm, NewReportForm
from kehoach.reports.models import Report

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _plan(request: HttpRequest, code: str) -> Plan:
    try:
        return plan_for(user=request.user, code=code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _report(request: HttpRequest, pk: int) -> Report:
    try:
        return selectors.report_for(user=request.user, pk=pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/forbidden.html", status=403)


@login_required
def plan_reports(request: HttpRequest, code: str) -> HttpResponse:
    plan = _plan(request, code)
    may_issue = can_issue_report(request.user, plan)
    form = NewReportForm(request.POST or None, initial={"kind": "annual", "year": selectors.today().year})
    if request.method == "POST":
        if not may_issue:
            return _forbidden(request)
        if form.is_valid():
            try:
                report = services.create_report(
                    actor=request.user,
                    plan=plan,
                    kind=form.cleaned_data["kind"],
                    year=form.cleaned_data["year"],
                    as_of=form.cleaned_data["as_of"],
                    channel=Channel.WEB,
                )
            except KehoachError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Đã lập dự thảo báo cáo; hãy rà soát nội dung trước khi ban hành.")
                )
                return redirect("reports:detail", pk=report.pk)
    reports = selectors.reports_of(user=request.user, plan=plan)
    context = {"plan": plan, "reports": reports, "form": form if may_issue else None, "may_issue": may_issue}
    return render(request, "reports/plan_reports.html", context)


def _detail_context(request: HttpRequest, report: Report, form: EditReportForm | None) -> dict[str, Any]:
    data = selectors.data_of(report, reader=request.user)
    return {
        "plan": report.plan,
        "report": report,
        "form": form,
        "issue_form": IssueForm(initial={"issued_on": selectors.today()}) if form else None,
        "data": data,
        "headers": indicator_headers(data),
        "rows": indicator_rows(data),
        "head": selectors.head_of(report),
        "date_line": _date_line(report),
        "sections": selectors.headed_sections(report),
    }


def _date_line(report: Report) -> str:
    return date_line(report.place, report.issued_on)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    editable = not report.is_issued and can_issue_report(request.user, report.plan)
    form = EditReportForm(request.POST or None, report=report) if editable else None
    if request.method == "POST":
        if form is None and report.is_issued and can_issue_report(request.user, report.plan):
            # A tab left open on the draft: the reason is the issue, not a missing permission.
            messages.error(
                request, _("Báo cáo đã ban hành thì không sửa được nữa; nội dung vừa gửi chưa được ghi.")
            )
            return redirect("reports:detail", pk=report.pk)
        if form is None:
            return _forbidden(request)
        if form.is_valid():
            try:
                services.update_report(
                    actor=request.user, report=report, edit=form.to_edit(), channel=Channel.WEB
                )
            except KehoachError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Đã lưu dự thảo."))
                return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/detail.html", _detail_context(request, report, form))


@login_required
@require_POST
def report_issue(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not can_issue_report(request.user, report.plan):
        return _forbidden(request)
    form = IssueForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("reports:detail", pk=report.pk)
    try:
        issued = services.issue_report(
            actor=request.user, report=report, issued_on=form.cleaned_data["issued_on"], channel=Channel.WEB
        )
    except KehoachError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ban hành báo cáo số {number}.").format(number=issued.number_text))
    return redirect("reports:detail", pk=report.pk)


@login_required
@require_POST
def report_delete(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not can_issue_report(request.user, report.plan):
        return _forbidden(request)
    plan_code = report.plan.code
    try:
        services.delete_draft(actor=request.user, report=report, channel=Channel.WEB)
    except KehoachError as exc:
        messages.error(request, exc.message)
        return redirect("reports:detail", pk=report.pk)
    messages.success(request, _("Đã xóa dự thảo."))
    return redirect("reports:plan", code=plan_code)


@login_required
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404(_("Không có định dạng này."))
    try:
        if fmt == "docx":
            content = selectors.render_docx(report, reader=request.user)
        elif fmt == "xlsx":
            content = selectors.render_xlsx(report, reader=request.user)
        else:
            content = selectors.render_pdf(report, reader=request.user)
    except KehoachError as exc:
        messages.error(request, exc.message)
        return redirect("reports:detail", pk=report.pk)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{selectors.file_name(report, fmt)}"'
    return response


@login_required
def report_changes(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    changes = selectors.what_changed(report, reader=request.user)
    return render(
        request, "reports/changes.html", {"plan": report.plan, "report": report, "changes": changes}
    )
