"""Reads of reports, always through the scope layer, and their rendering to files.

Visibility: a report is seen by whoever may view its plan once it is issued; a draft only by
those who may issue reports on the plan (can_issue_report). Anything else is "not found".
An issued report is rendered from its frozen figures; a draft from today's data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.accounts import scope
from kehoach.core.exceptions import NotFound
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plans_visible_to
from kehoach.reports import snapshot
from kehoach.reports.collect import collect
from kehoach.reports.diff import Change, changes
from kehoach.reports.document import DocumentHead, Signer
from kehoach.reports.docx_report import build_report
from kehoach.reports.models import Report
from kehoach.reports.narrative import sections_for
from kehoach.reports.pdf import docx_to_pdf
from kehoach.reports.snapshot import ReportData
from kehoach.reports.xlsx import build_indicator_xlsx


def reports_of(*, user: Any, plan: Plan) -> QuerySet[Report]:
    reports = Report.objects.filter(plan=plan).select_related("plan", "issuer", "drafter")
    if scope.can_issue_report(user, plan):
        return reports
    return reports.filter(status="issued")


def reports_visible_to(*, user: Any) -> QuerySet[Report]:
    plans = list(plans_visible_to(user=user))
    issuing = [p.pk for p in plans if scope.can_issue_report(user, p)]
    reading = [p.pk for p in plans]
    qs = Report.objects.filter(plan__in=reading).select_related("plan", "issuer", "drafter")
    return qs.filter(status="issued") | qs.filter(plan__in=issuing)


def report_for(*, user: Any, pk: Any) -> Report:
    found = (
        Report.objects.select_related("plan", "issuer", "drafter").filter(pk=pk).first()
        if str(pk).isdigit()
        else None
    )
    if found is None or not scope.can_view_plan(user, found.plan):
        raise NotFound(_("Không tìm thấy báo cáo."))
    if not found.is_issued and not scope.can_issue_report(user, found.plan):
        raise NotFound(_("Không tìm thấy báo cáo."))
    return found


def head_of(report: Report) -> DocumentHead:
    return DocumentHead(
        parent_body=report.parent_body,
        issuing_body=report.issuing_body,
        issuer_name=report.issuer.short_name or report.issuer.name,
        number=report.number,
        symbol=report.symbol,
        place=report.place,
        date=report.issued_on,
        type_name="BÁO CÁO",
        subject=report.subject,
        recipients=tuple(str(r) for r in report.recipients),
        archive=report.archive,
        signer=Signer(lines=tuple(str(x) for x in report.signer_lines), name=report.signer_name),
    )


def live_data(report: Report, *, reader: Any) -> ReportData:
    return collect(plan=report.plan, kind=report.kind, year=report.year, as_of=report.as_of, reader=reader)


def data_of(report: Report, *, reader: Any) -> ReportData:
    """The frozen figures of an issued report; today's figures for a draft."""
    if report.is_issued and report.data:
        return snapshot.load(report.data)
    return live_data(report, reader=reader)


def sections_of(report: Report) -> dict[str, str]:
    return {str(k): str(v) for k, v in (report.sections or {}).items()}


def headed_sections(report: Report) -> list[tuple[str, str]]:
    """(Vietnamese heading, text) of the report's sections in document order."""
    stored = sections_of(report)
    return [(str(heading), stored.get(key, "")) for key, heading in sections_for(report.kind)]


def render_docx(report: Report, *, reader: Any, data: ReportData | None = None) -> bytes:
    return build_report(data or data_of(report, reader=reader), head_of(report), sections_of(report))


def render_xlsx(report: Report, *, reader: Any, data: ReportData | None = None) -> bytes:
    issuer = report.issuer.short_name or report.issuer.name
    figures = data or data_of(report, reader=reader)
    return build_indicator_xlsx(figures, number=report.number_text, issuer=issuer)


def render_pdf(report: Report, *, reader: Any) -> bytes:
    return docx_to_pdf(render_docx(report, reader=reader))


def what_changed(report: Report, *, reader: Any) -> list[Change]:
    """Differences between the issued figures and the same report computed from today's data."""
    if not report.is_issued or not report.data:
        return []
    return changes(snapshot.load(report.data), live_data(report, reader=reader))


KIND_SLUGS = {"annual": "nam", "midterm_review": "so-ket", "final_review": "tong-ket"}


def file_name(report: Report, extension: str) -> str:
    """ASCII Vietnamese file name without diacritics: "bao-cao-nam-2024-du-thao.docx",
    "bao-cao-so-ket-2025-03.pdf", "bieu-chi-tieu-2024-03.xlsx" (the full title is inside the file)."""
    number = f"{report.number:02d}" if report.number is not None else "du-thao"
    kind = KIND_SLUGS.get(report.kind, report.kind.replace("_", "-"))
    if extension == "xlsx":
        prefix = "bieu-chi-tieu" if report.kind == "annual" else f"bieu-chi-tieu-{kind}"
    else:
        prefix = f"bao-cao-{kind}"
    return f"{prefix}-{report.year}-{number}.{extension}"


def today() -> dt.date:
    return timezone.localdate()
