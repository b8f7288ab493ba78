"""Enumerations of data entry and approval."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi, chờ phê duyệt")
    APPROVED = "approved", _("Đã phê duyệt")
    RETURNED = "returned", _("Bị trả lại để sửa")


# Statuses whose values may still be changed by the unit (submitted and approved data are locked).
EDITABLE = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)


class ValueAction(models.TextChoices):
    CREATE = "create", _("Thêm mới")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")


class RowOutcome(models.TextChoices):
    """What an import did (or, in a dry run, would do) with one row."""

    CREATED = "created", _("Thêm mới")
    UPDATED = "updated", _("Cập nhật")
    UNCHANGED = "unchanged", _("Không đổi")
    REJECTED = "rejected", _("Bị từ chối")
