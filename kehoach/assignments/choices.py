"""Enumerations of task tracking."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskStatus(models.TextChoices):
    """What a task's status can be shown as. OVERDUE is derived (deadline passed, not finished) and
    is never stored: storing it would go stale the day after the deadline, or disagree with it."""

    NOT_STARTED = "not_started", _("Chưa triển khai")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    OVERDUE = "overdue", _("Quá hạn")
    CANCELLED = "cancelled", _("Dừng thực hiện")


STORED_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED)
OPEN_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)
STORED_STATUS_CHOICES = [(s.value, s.label) for s in STORED_STATUSES]


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    COORDINATING = "coordinating", _("Phối hợp")


class ReassignmentKind(models.TextChoices):
    SUCCESSION = "succession", _("Chuyển cho cơ quan kế thừa")
    BULK_SUCCESSION = "bulk_succession", _("Chuyển giao toàn bộ nhiệm vụ của cơ quan đã chấm dứt")
