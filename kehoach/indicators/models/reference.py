"""Standards, baselines, reporting rounds and validation rules: data an administrator maintains."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kehoach.indicators import choices as c
from kehoach.indicators.models.catalogue import DataElement, DataSet, Indicator
from kehoach.orgunits.models import OrgUnit


class MeasurementStandard(models.Model):
    """A legal standard a figure depends on (e.g. the poverty standard); years are inclusive."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    topic = models.CharField(_("chủ đề"), max_length=20, choices=c.StandardTopic.choices)
    name = models.CharField(_("tên"), max_length=250)
    legal_basis = models.CharField(_("văn bản quy định"), max_length=250)
    first_year = models.PositiveSmallIntegerField(_("áp dụng từ năm"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("áp dụng đến năm"), null=True, blank=True)

    class Meta:
        verbose_name = _("chuẩn đo lường")
        verbose_name_plural = _("chuẩn đo lường")
        ordering = ["topic", "first_year"]

    def __str__(self) -> str:
        return self.name


class Baseline(models.Model):
    """The starting value of an indicator for one unit, with the standard it was measured under."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="baselines")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm gốc"))
    value = models.DecimalField(_("giá trị"), max_digits=24, decimal_places=6)
    numerator = models.DecimalField(_("tử số"), max_digits=24, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=24, decimal_places=6, null=True, blank=True)
    standard = models.ForeignKey(
        MeasurementStandard, verbose_name=_("chuẩn áp dụng"), null=True, blank=True, on_delete=models.PROTECT
    )
    source = models.CharField(_("nguồn"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("giá trị năm gốc")
        verbose_name_plural = _("giá trị năm gốc")
        ordering = ["indicator", "unit", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "year"], name="baseline_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.unit} {self.year}"


class ReportingRound(models.Model):
    """When a period of a data set may be entered (opens_on..closes_on) and when it is due."""

    data_set = models.ForeignKey(DataSet, on_delete=models.CASCADE, related_name="rounds")
    period = models.CharField(_("kỳ"), max_length=10)
    opens_on = models.DateField(_("mở nhập từ ngày"))
    due_on = models.DateField(_("hạn gửi"))
    closes_on = models.DateField(_("khóa sổ sau ngày"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("đợt báo cáo")
        verbose_name_plural = _("đợt báo cáo")
        ordering = ["data_set", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["data_set", "period"], name="reportinground_unique"),
            models.CheckConstraint(
                condition=Q(opens_on__lte=F("due_on")) & Q(due_on__lte=F("closes_on")),
                name="reportinground_date_order",
                violation_error_message=_("Phải có: ngày mở ≤ hạn gửi ≤ ngày khóa sổ."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.data_set.code} {self.period}"


class ValidationRule(models.Model):
    """A check on entered values, declared as data; the pure engine (datavalues.validation) runs it."""

    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=250)
    kind = models.CharField(_("loại"), max_length=30, choices=c.RuleKind.choices)
    severity = models.CharField(_("mức"), max_length=10, choices=c.Severity.choices)
    element = models.ForeignKey(
        DataElement, verbose_name=_("số liệu"), on_delete=models.CASCADE, related_name="rules"
    )
    other = models.ForeignKey(
        DataElement,
        verbose_name=_("số liệu so sánh"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    min_value = models.DecimalField(_("nhỏ nhất"), max_digits=24, decimal_places=6, null=True, blank=True)
    max_value = models.DecimalField(_("lớn nhất"), max_digits=24, decimal_places=6, null=True, blank=True)
    threshold = models.DecimalField(
        _("ngưỡng (điểm lệch chuẩn hóa)"), max_digits=8, decimal_places=3, null=True, blank=True
    )
    min_history = models.PositiveSmallIntegerField(_("số kỳ trước tối thiểu"), default=3)
    explanation = models.TextField(_("giải thích cho người nhập"))
    active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
