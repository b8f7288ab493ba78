"""Users with one role and a scope (administrative units and/or an agency)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.choices import Role
from kehoach.agencies.models import Agency
from kehoach.orgunits.models import OrgUnit


class User(AbstractUser):
    """A person using kehoach. What they reach is decided by kehoach.accounts.scope, nowhere else."""

    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    units = models.ManyToManyField(
        OrgUnit,
        verbose_name=_("phạm vi đơn vị hành chính"),
        blank=True,
        related_name="users",
        help_text=_("Người dùng làm việc với các đơn vị này và các đơn vị trực thuộc."),
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    is_demo = models.BooleanField(_("tài khoản minh họa"), default=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
