"""Staff reads of citizen feedback: the moderation queue, the overdue list and the agency's notices.

Which comments an official handles is decided by `scope.can_moderate_feedback` only; comments of
plans out of the user's scope do not exist for them (404).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q
from django.utils.translation import gettext as _

from kehoach.accounts import scope
from kehoach.core.exceptions import NotFound
from kehoach.portal.choices import FeedbackStatus
from kehoach.portal.models import Feedback, FeedbackNotice


@dataclass(frozen=True)
class Queue:
    pending: list[Feedback]
    overdue: list[Feedback]
    handled: list[Feedback]
    notices: list[FeedbackNotice]


def _mine(user: Any, rows: Any) -> list[Feedback]:
    return [f for f in rows if scope.can_moderate_feedback(user, f.plan, f.agency_id)]


def feedback_queue(*, user: Any, today: dt.date) -> Queue:
    base = Feedback.objects.filter(scope.plan_filter(user, "plan__")).select_related(
        "plan", "agency", "target", "task", "budget_line", "commune"
    )
    pending = _mine(user, base.filter(status=FeedbackStatus.PENDING).order_by("due_on", "id"))
    overdue = _mine(
        user,
        base.filter(due_on__lt=today, answer="")
        .exclude(status=FeedbackStatus.REJECTED)
        .order_by("due_on", "id"),
    )
    latest = F("moderated_at").desc(nulls_last=True)  # the same order on SQLite and PostgreSQL
    handled = _mine(user, base.exclude(status=FeedbackStatus.PENDING).order_by(latest, "-id")[:50])
    agencies = scope.user_agency_lineage(user)
    notices = list(
        FeedbackNotice.objects.filter(Q(agency_id__in=agencies), seen_at__isnull=True)
        .select_related("feedback__plan")
        .order_by("-created_at")[:50]
    )
    return Queue(
        pending, overdue, handled, [n for n in notices if n.feedback in pending or n.feedback in overdue]
    )


def feedback_for(*, user: Any, pk: int) -> Feedback:
    found = Feedback.objects.filter(scope.plan_filter(user, "plan__"), pk=pk).select_related("plan").first()
    if found is None or not scope.can_moderate_feedback(user, found.plan, found.agency_id):
        raise NotFound(_("Không tìm thấy ý kiến."))
    return found
