from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Báo cáo năm")
    MIDTERM_REVIEW = "midterm_review", _("Sơ kết giữa kỳ")
    FINAL_REVIEW = "final_review", _("Tổng kết")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
