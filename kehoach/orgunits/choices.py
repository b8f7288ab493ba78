from django.db import models
from django.utils.translation import gettext_lazy as _


class LineageKind(models.TextChoices):
    MERGED_INTO = "merged_into", _("nhập vào")
    SPLIT_INTO = "split_into", _("tách một phần vào")
    RENAMED = "renamed", _("đổi tên thành")
