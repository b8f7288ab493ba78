from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    PUBLISHED = "published", _("Đã công khai")
    REJECTED = "rejected", _("Không công khai")


class SubjectKind(models.TextChoices):
    """What a comment is about."""

    PLAN = "plan", _("Kế hoạch")
    TARGET = "target", _("Chỉ tiêu")
    TASK = "task", _("Nhiệm vụ")
    BUDGET_LINE = "budget_line", _("Nguồn vốn, dự án")
    COMMUNE = "commune", _("Xã")
