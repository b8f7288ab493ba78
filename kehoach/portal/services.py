"""Writes of the portal: a citizen's comment, and its moderation by the responsible agency.

Every write is audited in its transaction. The audit of a comment never carries the sender's contact
details (personal data kept for the reply only). Rate limits count per address in the cache so a
flood is refused before anything touches the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.accounts import scope
from kehoach.accounts.models import User
from kehoach.agencies.models import Agency
from kehoach.assignments.selectors import active_successors
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from kehoach.core.text import nfc
from kehoach.indicators.models import IndicatorTarget
from kehoach.plans.models import Plan, Target, Task
from kehoach.portal import conf
from kehoach.portal.choices import FeedbackStatus, SubjectKind
from kehoach.portal.models import MAX_CONTACT, MAX_NAME, MAX_TEXT, Feedback, FeedbackNotice

Subject = Any  # a Target, Task, BudgetLine, an OrgUnit for a commune, or None for the plan itself


def responsible_agency(*, plan: Plan, kind: str, subject: Subject, on: dt.date) -> Agency:
    """Who must answer: the task's lead, the agency responsible for the target's indicator, and
    otherwise the body that issued the plan. A body that ceased in the 2025 reorganisation stays
    named; its successors' officers handle the comment (scope: inherited agencies) and are told."""
    agency: Agency | None = None
    if kind == SubjectKind.TASK and isinstance(subject, Task):
        agency = subject.lead
    elif kind == SubjectKind.TARGET and isinstance(subject, Target):
        link = (
            IndicatorTarget.objects.filter(target=subject)
            .select_related("indicator__agency")
            .order_by("role", "indicator__order", "indicator__code")
            .first()
        )
        agency = link.indicator.agency if link else None
    return agency or plan.issuer


def _rate_key(address: str, window: str) -> str:
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]  # the address itself is not kept
    return f"portal:feedback:{window}:{digest}"


def check_rate(address: str) -> None:
    """Refuse more than the hourly or daily number of comments from one address."""
    for window, limit, seconds in (
        ("h", conf.feedback_per_hour(), 3600),
        ("d", conf.feedback_per_day(), 86400),
    ):
        key = _rate_key(address, window)
        cache.add(key, 0, seconds)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds)
            count = 1
        if count > limit:
            raise PermissionDenied(_("Bạn đã gửi quá nhiều ý kiến. Xin vui lòng thử lại sau."))


def _clean(value: str, limit: int, label: str, *, required: bool = False) -> str:
    text = nfc(value or "").strip()
    if required and not text:
        raise ValidationFailed(_("Xin vui lòng nhập %(field)s.") % {"field": label})
    if len(text) > limit:
        raise ValidationFailed(
            _("%(field)s dài quá %(limit)s ký tự.") % {"field": label.capitalize(), "limit": limit}
        )
    return text


@transaction.atomic
def submit_feedback(
    *, plan: Plan, kind: str, subject: Subject, text: str, name: str = "", contact: str = "", today: dt.date
) -> Feedback:
    """Store a comment as pending and tell the responsible agency. Limits are checked by the view."""
    agency = responsible_agency(plan=plan, kind=kind, subject=subject, on=today)
    feedback = Feedback.objects.create(
        plan=plan,
        subject_kind=kind,
        target=subject if kind == SubjectKind.TARGET else None,
        task=subject if kind == SubjectKind.TASK else None,
        budget_line=subject if kind == SubjectKind.BUDGET_LINE else None,
        commune=subject if kind == SubjectKind.COMMUNE else None,
        text=_clean(text, MAX_TEXT, _("nội dung ý kiến"), required=True),
        name=_clean(name, MAX_NAME, _("tên")),
        contact=_clean(contact, MAX_CONTACT, _("thông tin liên hệ")),
        agency=agency,
        due_on=today + dt.timedelta(days=conf.response_days()),
    )
    record_event(
        actor=None,
        action="portal.feedback.submit",
        obj=feedback,
        changes={"plan": plan.code, "subject": kind, "agency": agency.code, "due_on": feedback.due_on},
        channel="web",
    )
    _notify(feedback)
    return feedback


def _notify(feedback: Feedback) -> None:
    """An in-app notice for the agency; e-mail to its officers who have an address, after commit."""
    notice = FeedbackNotice.objects.create(feedback=feedback, agency=feedback.agency)
    today = feedback.due_on - dt.timedelta(days=conf.response_days())
    agencies = {feedback.agency_id} | {a.pk for a in active_successors(feedback.agency, on=today)}
    officers = User.objects.filter(agency_id__in=agencies, is_active=True).exclude(email="")
    addresses = sorted({u.email for u in officers})
    if not addresses:
        return
    notice.emailed = len(addresses)
    notice.save(update_fields=["emailed"])
    subject = _("Ý kiến mới của người dân về kế hoạch %(plan)s") % {"plan": feedback.plan.code}
    body = _(
        "Cơ quan nhận được một ý kiến mới (số %(id)s) cần xem xét và trả lời trước ngày %(due)s.\n"
        "Xin vui lòng đăng nhập kehoach, mục Ý kiến người dân, để duyệt và trả lời."
    ) % {"id": feedback.pk, "due": feedback.due_on.strftime("%d/%m/%Y")}
    transaction.on_commit(lambda: send_mail(subject, body, conf.from_email(), addresses, fail_silently=True))


def _moderated(actor: Any, feedback: Feedback) -> None:
    if not scope.can_view_plan(actor, feedback.plan) and not scope.can_moderate_feedback(
        actor, feedback.plan, feedback.agency_id
    ):
        raise NotFound(_("Không tìm thấy ý kiến."))
    if not scope.can_moderate_feedback(actor, feedback.plan, feedback.agency_id):
        raise PermissionDenied(_("Bạn không có quyền duyệt ý kiến này."))


def _save(actor: Any, feedback: Feedback, action: str, changes: dict[str, Any], reason: str = "") -> Feedback:
    feedback.moderated_at = timezone.now()
    feedback.moderated_by = actor if getattr(actor, "pk", None) else None
    feedback.save()
    FeedbackNotice.objects.filter(feedback=feedback, seen_at__isnull=True).update(seen_at=timezone.now())
    record_event(actor=actor, action=action, obj=feedback, changes=changes, channel="web", reason=reason)
    return feedback


@transaction.atomic
def publish_feedback(*, actor: Any, feedback: Feedback, answer: str = "") -> Feedback:
    _moderated(actor, feedback)
    before = feedback.status
    feedback.status = FeedbackStatus.PUBLISHED
    changes: dict[str, Any] = {"status": [before, FeedbackStatus.PUBLISHED.value]}
    if answer.strip():
        feedback.answer = _clean(answer, MAX_TEXT, _("trả lời"))
        feedback.answered_at = timezone.now()
        changes["answer"] = feedback.answer
    return _save(actor, feedback, "portal.feedback.publish", changes)


@transaction.atomic
def reject_feedback(*, actor: Any, feedback: Feedback, reason: str) -> Feedback:
    _moderated(actor, feedback)
    reason = _clean(reason, MAX_TEXT, _("lý do"), required=True)
    before = feedback.status
    feedback.status = FeedbackStatus.REJECTED
    feedback.reject_reason = reason
    changes = {"status": [before, FeedbackStatus.REJECTED.value]}
    return _save(actor, feedback, "portal.feedback.reject", changes, reason)


@transaction.atomic
def answer_feedback(*, actor: Any, feedback: Feedback, answer: str) -> Feedback:
    _moderated(actor, feedback)
    feedback.answer = _clean(answer, MAX_TEXT, _("trả lời"), required=True)
    feedback.answered_at = timezone.now()
    return _save(actor, feedback, "portal.feedback.answer", {"answer": feedback.answer})


@transaction.atomic
def purge_contacts(*, today: dt.date | None = None, actor: Any = None) -> int:
    """Erase the contact details of comments closed more than `contact_days()` ago: answered (from
    the answer) or not published (from that decision). They served the reply only; keeping them
    longer would keep personal data without a purpose. Audited with the comments' numbers, never
    the details. Returns how many were erased."""
    today = today or timezone.localdate()
    before = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=conf.contact_days()), dt.time())
    )
    closed = Q(answered_at__lt=before) | Q(status=FeedbackStatus.REJECTED, moderated_at__lt=before)
    rows = Feedback.objects.select_for_update().filter(closed).exclude(contact="")
    ids = sorted(rows.values_list("pk", flat=True))
    if not ids:
        return 0
    Feedback.objects.filter(pk__in=ids).update(contact="", contact_erased_at=timezone.now())
    record_event(
        actor=actor,
        action="portal.feedback.purge_contacts",
        object_type="portal.feedback",
        changes={"erased": len(ids), "feedback": ids, "days": conf.contact_days()},
        channel=Channel.SYSTEM,
    )
    return len(ids)
