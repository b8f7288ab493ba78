"""Entered values, their per-value history, and the approval state of each unit × period × form.

A value is keyed by (data element, unit, period, option combo), like DHIS2's datavalue table, and is
never physically deleted (`deleted` flag). `version` grows by one on every change, so a form or file
that was loaded before someone else's save can be detected and refused (optimistic concurrency).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.datavalues.choices import SubmissionStatus, ValueAction
from kehoach.indicators.models import CategoryOptionCombo, DataElement, DataSet
from kehoach.orgunits.models import OrgUnit


class DataValue(models.Model):
    # No single-column indexes on the keys: the unique key (element, unit, period, combo) and the
    # (unit, period) index serve every lookup, and each extra index slows a 50,000-value import.
    element = models.ForeignKey(
        DataElement, verbose_name=_("số liệu"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    period = models.CharField(_("kỳ"), max_length=10)
    option_combo = models.ForeignKey(
        CategoryOptionCombo,
        verbose_name=_("ô phân tổ"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    value = models.DecimalField(_("giá trị"), max_digits=24, decimal_places=6)
    comment = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    deleted = models.BooleanField(_("đã xóa"), default=False)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(_("tạo lúc"))
    updated_at = models.DateTimeField(_("sửa lúc"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    class Meta:
        verbose_name = _("giá trị số liệu")
        verbose_name_plural = _("giá trị số liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["element", "unit", "period", "option_combo"],
                name="datavalue_unique_key",
                violation_error_message=_("Giá trị này đã có (cùng số liệu, đơn vị, kỳ và ô phân tổ)."),
            ),
        ]
        indexes = [models.Index(fields=["unit", "period"], name="datavalue_unit_period")]

    def __str__(self) -> str:
        return f"{self.element_id}/{self.unit_id}/{self.period}/{self.option_combo_id}={self.value}"


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("Lịch sử số liệu không được sửa.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Lịch sử số liệu không được xóa.")


class DataValueAudit(models.Model):
    """One change of one value (who, when, old → new, channel, reason). Never updated or deleted.

    Written in bulk by the save service in the transaction of the change; `event` links the batch to
    the one general audit event recorded for the save.
    """

    value = models.ForeignKey(DataValue, on_delete=models.PROTECT, related_name="history")
    event = models.ForeignKey(AuditEvent, on_delete=models.PROTECT, related_name="+", db_index=False)
    at = models.DateTimeField(_("thời điểm"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    actor_name = models.CharField(_("người thực hiện"), max_length=150)
    action = models.CharField(_("thao tác"), max_length=10, choices=ValueAction.choices)
    old_value = models.DecimalField(_("giá trị cũ"), max_digits=24, decimal_places=6, null=True)
    new_value = models.DecimalField(_("giá trị mới"), max_digits=24, decimal_places=6, null=True)
    old_comment = models.TextField(_("ghi chú cũ"), blank=True)
    new_comment = models.TextField(_("ghi chú mới"), blank=True)
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    reason = models.TextField(_("lý do"), blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("lịch sử giá trị")
        verbose_name_plural = _("lịch sử giá trị")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Lịch sử số liệu không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Lịch sử số liệu không được xóa.")


class Submission(models.Model):
    """The approval state of one form (data set) for one unit and period, DHIS2-style."""

    data_set = models.ForeignKey(DataSet, verbose_name=_("biểu"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    period = models.CharField(_("kỳ"), max_length=10)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("phê duyệt/trả lại lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("ý kiến"), blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("báo cáo số liệu")
        verbose_name_plural = _("báo cáo số liệu")
        ordering = ["data_set", "period", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["data_set", "unit", "period"], name="submission_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.data_set_id}/{self.unit_id}/{self.period}: {self.status}"
