"""`kehoach report annual|review|indicators`: a report of the day's data written to a file.

The command line writes files only (nothing is stored or issued, so nothing to audit): a draft
with blank number and date, its narrative pre-filled, read with the administrator's scope
(the operator runs it on the server). Issuing happens in the web interface or the API.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from django.utils import timezone

from kehoach.core.exceptions import NotFound, ValidationFailed
from kehoach.plans.models import Plan
from kehoach.reports import selectors
from kehoach.reports.choices import ReportKind
from kehoach.reports.collect import SYSTEM_READER, collect
from kehoach.reports.defaults import cut_off, defaults
from kehoach.reports.models import Report
from kehoach.reports.narrative import prefill
from kehoach.reports.pdf import docx_to_pdf
from kehoach.reports.snapshot import ReportData


def _plan(code: str | None) -> Plan:
    plan = (
        Plan.objects.filter(code=code).first() if code else Plan.objects.order_by("created_at", "id").first()
    )
    if plan is None:
        raise NotFound(f"Không tìm thấy kế hoạch {code or ''}".strip() + ".")
    return plan


def draft(plan: Plan, kind: str, year: int) -> tuple[Report, ReportData]:
    """An unsaved draft report and its figures as of the reporting cut-off (or today)."""
    if not plan.period_start <= year <= plan.period_end:
        raise ValidationFailed(
            f"Năm {year} nằm ngoài thời kỳ của kế hoạch ({plan.period_start} - {plan.period_end})."
        )
    as_of = cut_off(year, timezone.localdate())
    data = collect(plan=plan, kind=kind, year=year, as_of=as_of, reader=SYSTEM_READER)
    report = Report(
        plan=plan,
        kind=kind,
        year=year,
        as_of=as_of,
        sections=prefill(data),
        **defaults(plan=plan, kind=kind, year=year),
    )
    return report, data


def _write_document(report: Report, data: ReportData, out: str, pdf: bool) -> None:
    content = selectors.render_docx(report, reader=SYSTEM_READER, data=data)
    Path(out).write_bytes(content)
    print(f"Đã ghi {out} ({len(data.targets)} chỉ tiêu, số liệu đến ngày {data.as_of:%d/%m/%Y}).")
    if pdf:
        target = Path(out).with_suffix(".pdf")
        target.write_bytes(docx_to_pdf(content))
        print(f"Đã ghi {target}.")


def cmd_annual(args: argparse.Namespace) -> int:
    report, data = draft(_plan(args.plan), ReportKind.ANNUAL, args.year)
    _write_document(report, data, args.out, args.pdf)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    plan = _plan(args.plan)
    kind = ReportKind.FINAL_REVIEW if args.milestone >= plan.period_end else ReportKind.MIDTERM_REVIEW
    report, data = draft(plan, kind, args.milestone)
    _write_document(report, data, args.out, args.pdf)
    return 0


def cmd_indicators(args: argparse.Namespace) -> int:
    report, data = draft(_plan(args.plan), ReportKind.ANNUAL, args.year)
    Path(args.out).write_bytes(selectors.render_xlsx(report, reader=SYSTEM_READER, data=data))
    print(f"Đã ghi {args.out}.")
    return 0
