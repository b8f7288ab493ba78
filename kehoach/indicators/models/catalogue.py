"""What is measured: data elements (raw figures), data sets (the forms) and indicators (formulas)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.models import Agency
from kehoach.indicators import choices as c
from kehoach.indicators.models.categories import CategoryCombo, CategoryOptionCombo
from kehoach.orgunits.models import UnitLevel
from kehoach.plans.choices import Direction, Population, Sector
from kehoach.plans.models import Plan, Target


class DataElement(models.Model):
    """A raw figure entered per unit and period (e.g. "Số hộ nghèo DTTS"); indicators combine them."""

    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    description = models.TextField(_("cách tính, hướng dẫn"), blank=True)
    value_type = models.CharField(_("kiểu giá trị"), max_length=20, choices=c.ValueType.choices)
    unit_label = models.CharField(_("đơn vị tính"), max_length=60)
    aggregation = models.CharField(
        _("cách cộng dồn"), max_length=10, choices=c.AggregationType.choices, default=c.AggregationType.SUM
    )
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=0)
    disaggregations = models.ManyToManyField(
        CategoryCombo, verbose_name=_("phân tổ"), blank=True, related_name="data_elements"
    )

    class Meta:
        verbose_name = _("số liệu thu thập")
        verbose_name_plural = _("số liệu thu thập")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class DataSet(models.Model):
    """A form: data elements collected at one level with one period type and data window."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên biểu"), max_length=250)
    description = models.TextField(_("mô tả"), blank=True)
    level = models.ForeignKey(UnitLevel, verbose_name=_("cấp thu thập"), on_delete=models.PROTECT)
    period_type = models.CharField(_("kỳ báo cáo"), max_length=20, choices=c.PeriodType.choices)
    window = models.CharField(_("cách chốt số liệu"), max_length=20, choices=c.WindowKind.choices)
    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch (địa bàn)"), on_delete=models.PROTECT, related_name="data_sets"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan gửi biểu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="data_sets",
        help_text=_("Để trống nếu đơn vị hành chính (xã, bản) tự gửi biểu."),
    )
    elements = models.ManyToManyField(DataElement, through="DataSetElement", related_name="data_sets")

    class Meta:
        verbose_name = _("biểu thu thập")
        verbose_name_plural = _("biểu thu thập")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class DataSetElement(models.Model):
    data_set = models.ForeignKey(DataSet, on_delete=models.CASCADE, related_name="members")
    element = models.ForeignKey(DataElement, on_delete=models.PROTECT, related_name="memberships")
    section = models.CharField(_("nhóm trong biểu"), max_length=120, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("dòng của biểu")
        verbose_name_plural = _("dòng của biểu")
        ordering = ["data_set", "order"]
        constraints = [
            models.UniqueConstraint(fields=["data_set", "element"], name="datasetelement_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.data_set.code}/{self.element.code}"


class Indicator(models.Model):
    """How a target is measured: a formula over data elements, with its metadata.

    value = factor × numerator / denominator (ratio, average); numerator alone (count, amount,
    index); rate of change compares the level (ratio or numerator) with the previous period. The
    numerator and denominator are summed separately up the hierarchy and divided last.
    """

    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ số"), max_length=300)
    definition = models.TextField(_("khái niệm, cách tính"))
    type = models.CharField(_("loại"), max_length=20, choices=c.IndicatorType.choices)
    unit_label = models.CharField(_("đơn vị tính"), max_length=60)
    factor = models.DecimalField(_("hệ số"), max_digits=12, decimal_places=4, default=Decimal(1))
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân khi hiển thị"), default=1)
    numerator = models.ForeignKey(
        DataElement, verbose_name=_("tử số"), on_delete=models.PROTECT, related_name="as_numerator"
    )
    numerator_combo = models.ForeignKey(
        CategoryOptionCombo,
        verbose_name=_("ô phân tổ của tử số"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống: lấy tổng số."),
    )
    denominator = models.ForeignKey(
        DataElement,
        verbose_name=_("mẫu số"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="as_denominator",
    )
    denominator_combo = models.ForeignKey(
        CategoryOptionCombo,
        verbose_name=_("ô phân tổ của mẫu số"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.ForeignKey(UnitLevel, verbose_name=_("cấp thu thập"), on_delete=models.PROTECT)
    period_type = models.CharField(_("tần suất"), max_length=20, choices=c.PeriodType.choices)
    source = models.CharField(_("nguồn số liệu"), max_length=300)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan chịu trách nhiệm"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    direction = models.CharField(_("chiều mong muốn"), max_length=10, choices=Direction.choices)
    sector = models.CharField(_("lĩnh vực"), max_length=20, choices=Sector.choices, blank=True)
    population = models.CharField(_("đối tượng"), max_length=20, choices=Population.choices, blank=True)
    standard_topic = models.CharField(
        _("phụ thuộc chuẩn"), max_length=20, choices=c.StandardTopic.choices, blank=True
    )
    targets = models.ManyToManyField(Target, through="IndicatorTarget", related_name="indicators")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(type__in=["ratio", "average"]) | Q(denominator__isnull=False),
                name="indicator_ratio_has_denominator",
                violation_error_message=_("Chỉ số tỷ lệ hoặc bình quân phải có mẫu số."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="target_links")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="indicator_links")
    role = models.CharField(
        _("vai trò"), max_length=20, choices=c.TargetRole.choices, default=c.TargetRole.MEASURE
    )

    class Meta:
        verbose_name = _("chỉ tiêu được đo")
        verbose_name_plural = _("chỉ tiêu được đo")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "target"], name="indicatortarget_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} → {self.target.code}"
