"""Tracking of the plan's tasks: the plan (kehoach.plans.Task) defines a task, this app follows it.

plans.Task stays the definition as the document states it (title, text, lead, coordinating, parent);
everything that changes while the plan is carried out lives here, referencing it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.models import Agency
from kehoach.assignments import choices as c
from kehoach.plans.models import BudgetLine, Target, Task

PERCENT_VALIDATORS = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class TaskTracking(models.Model):
    """Deadline, expected output, status and percent of one plan task. Absent = not started, 0 %."""

    task = models.OneToOneField(Task, on_delete=models.CASCADE, related_name="tracking")
    period_start = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    due_year = models.PositiveSmallIntegerField(_("hoàn thành trong năm"), null=True, blank=True)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    # The date the task is judged against: the deadline, else 31/12 of the due year. Stored so the
    # overdue list is one indexed query instead of a computation over every task.
    due_on = models.DateField(_("hạn hoàn thành"), null=True, blank=True, editable=False, db_index=True)
    expected_output = models.TextField(_("sản phẩm dự kiến"), blank=True)
    guiding_documents = models.JSONField(_("văn bản chỉ đạo, hướng dẫn"), default=list, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=c.STORED_STATUS_CHOICES, default=c.TaskStatus.NOT_STARTED
    )
    percent_complete = models.DecimalField(
        _("tỷ lệ hoàn thành (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=PERCENT_VALIDATORS,
    )
    weight = models.DecimalField(
        _("trọng số trong nhiệm vụ cha"),
        max_digits=7,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("theo dõi nhiệm vụ")
        verbose_name_plural = _("theo dõi nhiệm vụ")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in c.STORED_STATUSES]),
                name="tasktracking_status_stored",
                violation_error_message=_("Trạng thái “quá hạn” được tính từ thời hạn, không lưu trực tiếp."),
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__gte=0) & Q(percent_complete__lte=100),
                name="tasktracking_percent_range",
                violation_error_message=_("Tỷ lệ hoàn thành phải từ 0 đến 100%."),
            ),
            models.CheckConstraint(condition=Q(weight__gte=0), name="tasktracking_weight_not_negative"),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(percent_complete=100),
                name="tasktracking_done_is_complete",
                violation_error_message=_("Nhiệm vụ hoàn thành phải đạt 100%."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.task.code)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.due_on = self.compute_due_on()
        super().save(*args, **kwargs)

    def compute_due_on(self) -> dt.date | None:
        if self.deadline:
            return self.deadline
        return dt.date(self.due_year, 12, 31) if self.due_year else None


class ProgressReport(models.Model):
    """A dated progress report (Decidim's timeline entry): narrative, optional new status/percent."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress_reports")
    reported_on = models.DateField(_("ngày báo cáo"))
    narrative = models.TextField(_("nội dung báo cáo"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=c.STORED_STATUS_CHOICES, blank=True)
    percent_complete = models.DecimalField(
        _("tỷ lệ hoàn thành (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT_VALIDATORS,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text too: the report still names its author (and their agency) after accounts change.
    author_name = models.CharField(_("người báo cáo"), max_length=150, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return f"{self.task.code} {self.reported_on:%d/%m/%Y}"


class Evidence(models.Model):
    """A file attached to a progress report. Stored under a random name; the user's name is display only."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="evidence_files")
    stored_name = models.CharField(max_length=120, unique=True, editable=False)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("loại nội dung"), max_length=120)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = _("tệp minh chứng")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class Reassignment(models.Model):
    """One move of a task's lead or coordinating role from one agency to another (history)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reassignments")
    role = models.CharField(_("vai trò"), max_length=20, choices=c.AssignmentRole.choices)
    from_agency = models.ForeignKey(
        Agency, verbose_name=_("từ cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    to_agency = models.ForeignKey(
        Agency, verbose_name=_("sang cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=c.ReassignmentKind.choices)
    reason = models.TextField(_("lý do"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("chuyển giao nhiệm vụ")
        verbose_name_plural = _("lịch sử chuyển giao nhiệm vụ")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.task.code}: {self.from_agency} → {self.to_agency}"


class TaskTargetLink(models.Model):
    """The task serves the target."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="target_links")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="task_links")
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("liên kết nhiệm vụ - chỉ tiêu")
        verbose_name_plural = _("liên kết nhiệm vụ - chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["task", "target"], name="tasktargetlink_unique")]

    def __str__(self) -> str:
        return f"{self.task.code} → {self.target.code}"


class TaskBudgetLink(models.Model):
    """The budget line (as the plan states it) funds the task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="budget_links")
    budget_line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="task_links")
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("liên kết nhiệm vụ - nguồn lực")
        verbose_name_plural = _("liên kết nhiệm vụ - nguồn lực")
        constraints = [models.UniqueConstraint(fields=["task", "budget_line"], name="taskbudgetlink_unique")]

    def __str__(self) -> str:
        return f"{self.task.code} → {self.budget_line.code}"
