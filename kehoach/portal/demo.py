"""Demo comments for `kehoach init --demo`: a few published comments with answers, one pending.

Generic: subjects are taken from whatever plan is given (its first targets, tasks and commune).
Marked `is_demo`; idempotent (nothing is added when the plan already has demo comments).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kehoach.audit.services import record_event
from kehoach.plans.models import Plan
from kehoach.portal import selectors, services
from kehoach.portal.choices import FeedbackStatus, SubjectKind
from kehoach.portal.models import Feedback

_COMMENTS = [
    (
        SubjectKind.TARGET,
        "Xin hỏi chỉ tiêu này ở xã tôi đã đạt đến đâu? Bản tôi vẫn còn nhiều hộ khó khăn.",
        "Cảm ơn ý kiến của bà con. Số liệu của xã được cập nhật sau mỗi kỳ báo cáo đã phê duyệt; "
        "cơ quan sẽ phối hợp với UBND xã rà soát và thông báo tại buổi họp bản gần nhất.",
    ),
    (
        SubjectKind.TASK,
        "Đề nghị cho biết thời gian triển khai nhiệm vụ này tại các bản vùng cao.",
        "Nhiệm vụ được triển khai theo kế hoạch năm; lịch cụ thể được niêm yết tại trụ sở UBND xã.",
    ),
    (
        SubjectKind.COMMUNE,
        "Đường vào bản bị sạt lở sau mưa lũ, đề nghị sớm sửa chữa.",
        "UBND xã đã ghi nhận và báo cáo cấp trên; dự kiến khắc phục trong quý tới.",
    ),
]
_PENDING = "Bản tôi chưa được phổ biến về chính sách hỗ trợ nhà ở, đề nghị cán bộ xuống hướng dẫn."


@transaction.atomic
def create_demo_feedback(plan: Plan) -> int:
    """Returns how many comments were created (0 if the plan already has demo comments)."""
    if Feedback.objects.filter(plan=plan, is_demo=True).exists():
        return 0
    today = timezone.localdate()
    subjects = {
        SubjectKind.TARGET: plan.targets.filter(quantified=True).order_by("order").first(),
        SubjectKind.TASK: plan.tasks.exclude(lead=None).order_by("order").first(),
        SubjectKind.COMMUNE: next(iter(selectors.communes(plan)), None),
    }
    created = []
    for days, (kind, text, answer) in enumerate(_COMMENTS):
        subject = subjects.get(kind)
        if subject is None:
            continue
        when = today - dt.timedelta(days=20 - 5 * days)
        feedback = services.submit_feedback(
            plan=plan, kind=kind, subject=subject, text=text, name="Người dân (minh họa)", today=when
        )
        feedback.status = FeedbackStatus.PUBLISHED
        feedback.answer = answer
        feedback.answered_at = timezone.now()
        feedback.moderated_at = timezone.now()
        created.append(feedback)
    pending = services.submit_feedback(
        plan=plan, kind=SubjectKind.PLAN, subject=None, text=_PENDING, today=today
    )
    created.append(pending)
    for feedback in created:
        feedback.is_demo = True
        feedback.save()
    record_event(
        actor=None,
        action="portal.feedback.demo",
        object_type="portal.feedback",
        object_id=plan.code,
        changes={"created": len(created)},
        channel="cli",
    )
    return len(created)
