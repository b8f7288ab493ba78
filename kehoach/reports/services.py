"""Writes of reports: create a draft, edit it, issue it (number, date, frozen figures). Audited.

Issuing is one transaction: the figures are collected, stored as JSON, the next number of the
issuer's year is taken, and the audit event is written; a race for the same number is stopped by
the database (unique issuer, year, number) and answered with a Conflict, never a duplicate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.accounts import scope
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import Conflict, NotFound, PermissionDenied, ValidationFailed
from kehoach.core.text import nfc
from kehoach.plans.models import Plan
from kehoach.reports import snapshot
from kehoach.reports.choices import ReportKind, ReportStatus
from kehoach.reports.collect import collect
from kehoach.reports.defaults import cut_off, defaults
from kehoach.reports.document import has_control_characters
from kehoach.reports.models import Report
from kehoach.reports.narrative import prefill, sections_for

MAX_SECTION = 20_000
MAX_LINE = 500


def _require(actor: Any, plan: Plan) -> None:
    if not scope.can_view_plan(actor, plan):
        raise NotFound(_("Không tìm thấy kế hoạch."))
    if not scope.can_issue_report(actor, plan):
        raise PermissionDenied(_("Chỉ cơ quan chủ trì kế hoạch được lập và ban hành báo cáo."))


def _check_text(label: str, text: str, limit: int) -> str:
    if has_control_characters(text):
        raise ValidationFailed(
            _(
                "“{label}” có ký tự điều khiển không in được (thường do dán từ Word); hãy xóa rồi nhập lại."
            ).format(label=label)
        )
    if len(text) > limit:
        raise ValidationFailed(_("“{label}” dài quá {n} ký tự.").format(label=label, n=limit))
    return nfc(text.replace("\r\n", "\n"))


@transaction.atomic
def create_report(
    *, actor: Any, plan: Plan, kind: str, year: int, as_of: dt.date | None = None, channel: Channel | str
) -> Report:
    _require(actor, plan)
    if kind not in ReportKind.values:
        raise ValidationFailed(_("Loại báo cáo không hợp lệ."))
    if not plan.period_start <= year <= plan.period_end:
        raise ValidationFailed(
            _("Năm báo cáo phải trong thời kỳ của kế hoạch ({start} - {end}).").format(
                start=plan.period_start, end=plan.period_end
            )
        )
    today = timezone.localdate()
    as_of = as_of or cut_off(year, today)
    _check_as_of(as_of, today)
    fields = defaults(plan=plan, kind=kind, year=year)
    data = collect(plan=plan, kind=kind, year=year, as_of=as_of, reader=actor)
    report = Report.objects.create(
        plan=plan,
        kind=kind,
        year=year,
        as_of=as_of,
        sections=prefill(data),
        created_by=_user(actor),
        **fields,
    )
    record_event(
        actor=actor,
        action="reports.report.create",
        obj=report,
        changes={"kind": kind, "year": year, "as_of": as_of, "issuer": fields["issuer"].code},
        channel=channel,
    )
    return report


def _check_as_of(as_of: dt.date, today: dt.date) -> None:
    if as_of > today:
        raise ValidationFailed(_("Ngày tính số liệu không được sau hôm nay."))


@dataclass(frozen=True)
class ReportEdit:
    """What the officer may change on a draft (every text is checked for control characters)."""

    as_of: dt.date
    subject: str
    place: str
    symbol: str
    parent_body: str
    issuing_body: str
    recipients: list[str]
    archive: str
    signer_lines: list[str]
    signer_name: str
    sections: dict[str, str]


def _draft(report: Report) -> Report:
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.status != ReportStatus.DRAFT:
        raise Conflict(_("Báo cáo đã ban hành thì không sửa được nữa."))
    return locked


@transaction.atomic
def update_report(*, actor: Any, report: Report, edit: ReportEdit, channel: Channel | str) -> Report:
    _require(actor, report.plan)
    report = _draft(report)
    keys = [k for k, _h in sections_for(report.kind)]
    values: dict[str, Any] = {
        "as_of": edit.as_of,
        "subject": _check_text(_("Trích yếu"), edit.subject, 1000),
        "place": _check_text(_("Địa danh"), edit.place, 100),
        "symbol": _check_text(_("Ký hiệu"), edit.symbol, 40).upper(),
        "parent_body": _check_text(_("Cơ quan chủ quản"), edit.parent_body, 200),
        "issuing_body": _check_text(_("Cơ quan ban hành"), edit.issuing_body, 200),
        "recipients": [_check_text(_("Nơi nhận"), r, MAX_LINE) for r in edit.recipients if r.strip()],
        "archive": _check_text(_("Lưu"), edit.archive, 120),
        "signer_lines": [_check_text(_("Người ký"), r, MAX_LINE) for r in edit.signer_lines if r.strip()],
        "signer_name": _check_text(_("Người ký"), edit.signer_name, 120),
        "sections": {k: _check_text(k, edit.sections.get(k, ""), MAX_SECTION) for k in keys},
    }
    if not values["subject"].strip() or not values["symbol"].strip():
        raise ValidationFailed(_("Trích yếu và ký hiệu không được để trống."))
    if not (report.plan.period_start <= edit.as_of.year <= report.year + 1):
        raise ValidationFailed(_("Ngày tính số liệu không phù hợp với năm báo cáo."))
    _check_as_of(edit.as_of, timezone.localdate())
    changed = {k: [getattr(report, k), v] for k, v in values.items() if getattr(report, k) != v}
    for key, value in values.items():
        setattr(report, key, value)
    report.save()
    if changed:
        record_event(
            actor=actor, action="reports.report.update", obj=report, changes=changed, channel=channel
        )
    return report


@transaction.atomic
def issue_report(
    *, actor: Any, report: Report, issued_on: dt.date | None = None, channel: Channel | str
) -> Report:
    """Freeze the figures, give the next number of the issuer's year, and mark the report issued."""
    _require(actor, report.plan)
    report = _draft(report)
    today = timezone.localdate()
    issued_on = issued_on or today
    if issued_on < report.as_of:
        raise ValidationFailed(_("Ngày ban hành không được trước ngày tính số liệu."))
    if issued_on > today:
        # Numbers run in the order of issue within the calendar year: a future date would take a
        # number out of a sequence that has not happened yet.
        raise ValidationFailed(_("Ngày ban hành không được sau hôm nay."))
    data = collect(plan=report.plan, kind=report.kind, year=report.year, as_of=report.as_of, reader=actor)
    taken = Report.objects.filter(
        issuer=report.issuer, number_year=issued_on.year, status=ReportStatus.ISSUED
    )
    report.number = (taken.aggregate(n=Max("number"))["n"] or 0) + 1
    report.number_year = issued_on.year
    report.issued_on = issued_on
    report.status = ReportStatus.ISSUED
    report.data = snapshot.dump(data)
    report.issued_by = _user(actor)
    report.issued_at = timezone.now()
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as exc:
        raise Conflict(_("Số báo cáo vừa được cấp cho báo cáo khác; hãy ban hành lại.")) from exc
    record_event(
        actor=actor,
        action="reports.report.issue",
        obj=report,
        changes={
            "number": report.number_text,
            "issued_on": issued_on,
            "as_of": report.as_of,
            "targets": len(data.targets),
        },
        channel=channel,
    )
    return report


@transaction.atomic
def delete_draft(*, actor: Any, report: Report, channel: Channel | str) -> None:
    _require(actor, report.plan)
    report = _draft(report)
    record_event(
        actor=actor,
        action="reports.report.delete",
        obj=report,
        changes={"kind": report.kind, "year": report.year},
        channel=channel,
    )
    report.delete()


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None
