"""The approval workflow of one form (data set × unit × period): draft → submitted → approved by the
level above, or returned with a comment; an approved form is locked until it is reopened with a
recorded reason. Every transition is audited in its transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from kehoach.accounts import scope
from kehoach.analytics.services_stored import refresh_submission
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import Conflict, NotFound, PermissionDenied, ValidationFailed
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.datavalues.choices import EDITABLE, SubmissionStatus
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services.resolve import round_problem
from kehoach.datavalues.state import form_issues, form_state
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import Period, parse_period
from kehoach.orgunits.models import OrgUnit

S = SubmissionStatus


def _period(data_set: DataSet, period: str) -> Period:
    try:
        return parse_period(period, expected=data_set.period_type)
    except ValueError as exc:
        raise ValidationFailed(str(exc)) from exc


def _locked(data_set: DataSet, unit: OrgUnit, period: Period) -> Submission:
    sub, _ = Submission.objects.get_or_create(data_set=data_set, unit=unit, period=period.code)
    return Submission.objects.select_for_update().get(pk=sub.pk)


def _check_version(sub: Submission, expected: int | None) -> None:
    if expected is not None and sub.version != expected:
        raise Conflict(
            "Báo cáo vừa được người khác thay đổi trạng thái: hãy tải lại trang để xem tình trạng mới."
        )


def _transition(
    sub: Submission, *, actor: Any, status: str, action: str, channel: Channel, text: str = ""
) -> Submission:
    old = sub.status
    sub.status = status
    sub.version += 1
    sub.save()
    record_event(
        actor=actor,
        action=f"submission.{action}",
        obj=sub,
        changes={
            "status": [old, status],
            "data_set": sub.data_set.code,
            "unit": sub.unit.key,
            "period": sub.period,
        },
        channel=channel,
        reason=text,
    )
    refresh_submission(submission=sub, old_status=old)  # stored figures, in this transaction (analytics)
    return sub


@transaction.atomic
def submit_submission(
    *,
    actor: Any,
    data_set: DataSet,
    unit: OrgUnit,
    period: str,
    channel: Channel,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Submission:
    """Send the form to the level above; refused while any error or unexplained warning remains."""
    p = _period(data_set, period)
    if not scope.can_view_data(actor, unit.pk):
        raise NotFound("Không tìm thấy đơn vị.")
    if not scope.can_submit_data(actor, unit.pk, data_set.agency_id):
        raise PermissionDenied("Bạn không được gửi báo cáo của biểu này cho đơn vị này.")
    problem = round_problem(data_set.rounds.filter(period=p.code).first(), p, today or timezone.localdate())
    if problem:
        raise ValidationFailed(problem)
    sub = _locked(data_set, unit, p)
    _check_version(sub, expected_version)
    if sub.status not in EDITABLE:
        raise ValidationFailed(f"Báo cáo đang ở trạng thái “{sub.get_status_display()}”, không gửi lại được.")
    cat = data_set_catalogue(data_set=data_set)
    state = form_state(cat=cat, unit_id=unit.pk, period=p)
    if not state.values:
        raise ValidationFailed("Chưa có số liệu nào: nhập số liệu trước khi gửi.")
    blocking = state.unexplained(form_issues(cat=cat, unit_id=unit.pk, period=p, state=state))
    if blocking:
        raise ValidationFailed(
            f"Chưa gửi được: còn {len(blocking)} lỗi hoặc cảnh báo chưa có ghi chú.",
            messages=[
                i.message if i.severity == "error" else f"Cảnh báo chưa có ghi chú: {i.message}"
                for i in blocking
            ],
        )
    sub.submitted_at, sub.submitted_by = timezone.now(), actor if getattr(actor, "pk", None) else None
    sub.comment = ""
    return _transition(sub, actor=actor, status=S.SUBMITTED, action="submit", channel=channel)


def _decidable(actor: Any, sub: Submission) -> None:
    if not scope.can_view_data(actor, sub.unit_id):
        raise NotFound("Không tìm thấy báo cáo.")
    if not scope.can_approve_data(actor, sub.unit_id):
        raise PermissionDenied("Chỉ cấp trên của đơn vị mới được phê duyệt, trả lại hoặc mở lại báo cáo.")


@transaction.atomic
def approve_submission(
    *,
    actor: Any,
    submission: Submission,
    channel: Channel,
    comment: str = "",
    expected_version: int | None = None,
) -> Submission:
    _decidable(actor, submission)
    sub = Submission.objects.select_for_update().select_related("data_set", "unit").get(pk=submission.pk)
    _check_version(sub, expected_version)
    if sub.status != S.SUBMITTED:
        raise ValidationFailed("Chỉ phê duyệt được báo cáo đã gửi và đang chờ phê duyệt.")
    if sub.submitted_by_id is not None and sub.submitted_by_id == getattr(actor, "pk", None):
        raise PermissionDenied("Không tự phê duyệt báo cáo do chính mình gửi.")
    sub.decided_at, sub.decided_by = timezone.now(), actor if getattr(actor, "pk", None) else None
    sub.comment = comment.strip()
    return _transition(
        sub, actor=actor, status=S.APPROVED, action="approve", channel=channel, text=sub.comment
    )


@transaction.atomic
def return_submission(
    *, actor: Any, submission: Submission, comment: str, channel: Channel, expected_version: int | None = None
) -> Submission:
    _decidable(actor, submission)
    if not comment.strip():
        raise ValidationFailed("Khi trả lại báo cáo phải ghi rõ cần sửa gì.")
    sub = Submission.objects.select_for_update().select_related("data_set", "unit").get(pk=submission.pk)
    _check_version(sub, expected_version)
    if sub.status != S.SUBMITTED:
        raise ValidationFailed("Chỉ trả lại được báo cáo đã gửi và đang chờ phê duyệt.")
    sub.decided_at, sub.decided_by = timezone.now(), actor if getattr(actor, "pk", None) else None
    sub.comment = comment.strip()
    return _transition(
        sub, actor=actor, status=S.RETURNED, action="return", channel=channel, text=sub.comment
    )


@transaction.atomic
def reopen_submission(
    *, actor: Any, submission: Submission, reason: str, channel: Channel, expected_version: int | None = None
) -> Submission:
    """Unlock approved data for correction; the reason is kept in the audit trail."""
    _decidable(actor, submission)
    if not reason.strip():
        raise ValidationFailed("Mở lại báo cáo đã phê duyệt phải ghi lý do.")
    sub = Submission.objects.select_for_update().select_related("data_set", "unit").get(pk=submission.pk)
    _check_version(sub, expected_version)
    if sub.status != S.APPROVED:
        raise ValidationFailed("Chỉ mở lại được báo cáo đã phê duyệt.")
    sub.comment = reason.strip()
    return _transition(
        sub, actor=actor, status=S.RETURNED, action="reopen", channel=channel, text=sub.comment
    )
