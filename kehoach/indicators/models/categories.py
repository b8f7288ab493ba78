"""Disaggregation, the DHIS2 way: categories (sex, ethnic group, area) with options, combined into
category combos whose option combos key the stored values.

Every data element has the total (the option combo `default`, shown as "Tổng số") and, for each
disaggregation it declares, one value per option combo of that combo. Disaggregations are kept
separate (ethnic group, sex) rather than crossed, so a commune form stays short; a crossed combo
(ethnic group × sex) can be declared when a source really gives it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_COMBO = "default"


class EthnicGroup(models.Model):
    """One of the 54 ethnic groups of the official GSO list (Danh mục các dân tộc Việt Nam)."""

    code = models.CharField(_("mã GSO"), max_length=4, unique=True)
    name = models.CharField(_("tên dân tộc"), max_length=60)
    aliases = models.JSONField(_("tên gọi khác"), default=list, blank=True)
    is_minority = models.BooleanField(_("dân tộc thiểu số"), default=True)

    class Meta:
        verbose_name = _("dân tộc")
        verbose_name_plural = _("dân tộc")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Category(models.Model):
    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí phân tổ")
        verbose_name_plural = _("tiêu chí phân tổ")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class CategoryOption(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="options")
    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    ethnic_group = models.ForeignKey(
        EthnicGroup,
        verbose_name=_("dân tộc (danh mục GSO)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="options",
    )

    class Meta:
        verbose_name = _("nhóm phân tổ")
        verbose_name_plural = _("nhóm phân tổ")
        ordering = ["category", "order"]

    def __str__(self) -> str:
        return self.name


class CategoryCombo(models.Model):
    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    categories = models.ManyToManyField(Category, verbose_name=_("tiêu chí"), blank=True)

    class Meta:
        verbose_name = _("cách phân tổ")
        verbose_name_plural = _("cách phân tổ")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class CategoryOptionCombo(models.Model):
    """One cell of a disaggregation (e.g. "Nữ", or "Hà Nhì"); `default` is the total."""

    combo = models.ForeignKey(CategoryCombo, on_delete=models.CASCADE, related_name="option_combos")
    code = models.CharField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    options = models.ManyToManyField(CategoryOption, verbose_name=_("nhóm"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("ô phân tổ")
        verbose_name_plural = _("ô phân tổ")
        ordering = ["combo", "order"]

    def __str__(self) -> str:
        return self.name
