from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.models import Agency
from kehoach.plans.models import Plan
from kehoach.reports.choices import ReportKind, ReportStatus


class Report(models.Model):
    """An official report on a plan: a draft with editable parts, then issued and frozen.

    `data` holds the figures (kehoach.reports.snapshot, decimals as strings) from the moment the
    report is issued; a draft has none and is always rendered from today's data. `number` runs per
    issuer and calendar year (Decree 30/2020, Điều 15) and is given at issue.
    """

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("năm báo cáo / mốc"))
    as_of = models.DateField(_("số liệu tính đến ngày"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    issuer = models.ForeignKey(
        Agency, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    drafter = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan soạn thảo"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    symbol = models.CharField(_("ký hiệu"), max_length=40)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    # The year the number belongs to (the issue date's), stored so the database can keep it unique.
    number_year = models.PositiveSmallIntegerField(_("năm của số"), null=True, blank=True, editable=False)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=200)
    issuing_body = models.CharField(_("cơ quan ban hành (như trên văn bản)"), max_length=200)
    place = models.CharField(_("địa danh"), max_length=100)
    subject = models.TextField(_("trích yếu"))
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    archive = models.CharField(_("lưu"), max_length=120)
    signer_lines = models.JSONField(_("quyền hạn, chức vụ người ký"), default=list, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    sections = models.JSONField(_("nội dung các phần"), default=dict, blank=True)
    data = models.JSONField(_("số liệu đã chốt"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    issued_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-year", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number_year", "number"],
                condition=Q(status="issued"),
                name="report_unique_number_per_issuer_year",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(number__isnull=False) & Q(number_year__isnull=False) & Q(issued_on__isnull=False)),
                name="report_issued_has_number_date_data",
            ),
        ]

    def __str__(self) -> str:
        label = f"{self.number:02d}/{self.symbol}" if self.number is not None else str(_("Dự thảo"))
        return f"{self.get_kind_display()} {self.year} ({label})"

    @property
    def number_text(self) -> str:
        return f"{self.number:02d}/{self.symbol}" if self.number is not None else f"…/{self.symbol}"

    @property
    def is_issued(self) -> bool:
        return self.status == ReportStatus.ISSUED
