"""The audit trail: one append-only row per change, written in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.audit.choices import Channel


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("Nhật ký thay đổi không được sửa.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Nhật ký thay đổi không được xóa.")


class AuditEvent(models.Model):
    """Who changed what, when, from where, old and new values. Never updated, never deleted."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too, so the trail still names the person after the account is deleted.
    actor_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=60, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=60, db_index=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, db_index=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    reason = models.TextField(_("lý do"), blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Nhật ký thay đổi không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Nhật ký thay đổi không được xóa.")
