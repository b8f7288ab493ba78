"""Agencies (cơ quan) named in plans, with history: a body can cease and hand its duties on."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.choices import AgencyKind
from kehoach.orgunits.models import OrgUnit


class Agency(models.Model):
    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=250)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    kind = models.CharField(_("loại"), max_length=30, choices=AgencyKind.choices, default=AgencyKind.OTHER)
    sector = models.CharField(_("lĩnh vực"), max_length=30, blank=True)
    admin_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("chấm dứt hoạt động"), null=True, blank=True)
    aliases = models.JSONField(_("tên gọi khác"), default=list, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="agency_valid_range",
                violation_error_message=_("Ngày chấm dứt phải sau ngày bắt đầu hoạt động."),
            )
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class AgencySuccession(models.Model):
    """`successor` took over (some of) `predecessor`'s duties on `date`."""

    predecessor = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="successor_links")
    successor = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="predecessor_links")
    date = models.DateField(_("ngày tiếp nhận"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("quan hệ kế thừa nhiệm vụ")
        verbose_name_plural = _("quan hệ kế thừa nhiệm vụ")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="agencysuccession_unique_pair"),
            models.CheckConstraint(
                condition=~Q(predecessor=F("successor")), name="agencysuccession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
