"""Citizen feedback on a public plan, and the notices that bring it to the responsible agency."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.models import Agency
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import BudgetLine, Plan, Target, Task
from kehoach.portal.choices import FeedbackStatus, SubjectKind

MAX_TEXT = 2000
MAX_NAME = 100
MAX_CONTACT = 150


class Feedback(models.Model):
    """One citizen comment. `contact` is for the agency's reply only and is never published."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="feedback")
    subject_kind = models.CharField(_("về"), max_length=20, choices=SubjectKind.choices)
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    budget_line = models.ForeignKey(
        BudgetLine, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    commune = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("nội dung"), max_length=MAX_TEXT)
    name = models.CharField(_("tên người gửi"), max_length=MAX_NAME, blank=True)
    contact = models.CharField(_("liên hệ (không công khai)"), max_length=MAX_CONTACT, blank=True)
    contact_erased_at = models.DateTimeField(_("đã xóa thông tin liên hệ lúc"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING
    )
    reject_reason = models.TextField(_("lý do không công khai"), blank=True)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan trả lời"), on_delete=models.PROTECT, related_name="feedback"
    )
    due_on = models.DateField(_("hạn trả lời"))
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("ý kiến người dân")
        verbose_name_plural = _("ý kiến người dân")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["plan", "status"]), models.Index(fields=["agency", "status"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_subject_kind_display()}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)


class FeedbackNotice(models.Model):
    """In-app notice to the responsible agency's officers (e-mail goes out as well when they have one)."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="notices")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    emailed = models.PositiveSmallIntegerField(_("số thư đã gửi"), default=0)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.agency} · #{self.feedback_id}"
