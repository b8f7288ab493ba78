"""Administrative units with history.

Levels are rows, not classes (the 2025 reform removed a level). A unit is one real-world body over
time: it keeps its identity when only its parent or code changes (Mù Cả lost its district in 2025
but is the same commune), and a merged unit ends and is linked to its successor through lineage.
Codes are stored with their scheme because GSO reused numbers with new meanings in 2025.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kehoach.orgunits.choices import LineageKind


class UnitLevel(models.Model):
    code = models.SlugField(_("mã cấp"), max_length=20, unique=True)
    name = models.CharField(_("tên cấp"), max_length=100)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), unique=True, help_text=_("1 là cấp cao nhất"))

    class Meta:
        verbose_name = _("cấp hành chính")
        verbose_name_plural = _("cấp hành chính")
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.name


class CodeScheme(models.Model):
    code = models.SlugField(_("mã hệ mã"), max_length=30, unique=True)
    name = models.CharField(_("tên hệ mã"), max_length=200)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("hệ mã đơn vị")
        verbose_name_plural = _("hệ mã đơn vị")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class OrgUnit(models.Model):
    """An administrative unit (province, district, commune, village) over its lifetime."""

    key = models.CharField(
        _("khóa"), max_length=60, unique=True, help_text=_("Khóa ổn định, ví dụ gso-legacy:3433")
    )
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=40, blank=True, help_text=_("Xã, Phường, Thị trấn, Bản..."))
    level = models.ForeignKey(
        UnitLevel, verbose_name=_("cấp"), on_delete=models.PROTECT, related_name="units"
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    search_text = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level__rank", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="orgunit_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class UnitCode(models.Model):
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.CASCADE, related_name="codes", verbose_name=_("đơn vị")
    )
    scheme = models.ForeignKey(
        CodeScheme, on_delete=models.PROTECT, related_name="codes", verbose_name=_("hệ mã")
    )
    code = models.CharField(_("mã"), max_length=20)

    class Meta:
        verbose_name = _("mã đơn vị")
        verbose_name_plural = _("mã đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "code"],
                name="unitcode_unique_in_scheme",
                violation_error_message=_("Mã này đã dùng cho đơn vị khác trong cùng hệ mã."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.scheme.code}:{self.code}"


class UnitParent(models.Model):
    """A dated parent link: the unit belonged to `parent` from valid_from to valid_to."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="child_links")
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("quan hệ trực thuộc")
        verbose_name_plural = _("quan hệ trực thuộc")
        constraints = [
            models.CheckConstraint(condition=~Q(unit=F("parent")), name="unitparent_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} ⊂ {self.parent}"


class UnitLineage(models.Model):
    """Predecessor -> successor across a reorganisation, with its effective date."""

    predecessor = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="successor_links")
    successor = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="predecessor_links")
    kind = models.CharField(_("loại"), max_length=20, choices=LineageKind.choices)
    date = models.DateField(_("ngày hiệu lực"))
    partial = models.BooleanField(_("một phần"), default=False)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("quan hệ kế thừa")
        verbose_name_plural = _("quan hệ kế thừa")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unitlineage_unique_pair"),
            models.CheckConstraint(condition=~Q(predecessor=F("successor")), name="unitlineage_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
