"""Money of a plan as it happens: programme structures, allocations (giao vốn) and disbursements
(giải ngân). The plan's stated figures stay in kehoach.plans.BudgetLine, untouched; differences
between the stages are findings (kehoach.budget.checks), never corrections.

Amounts are exact Decimals in million VND (triệu đồng), the unit of Vietnamese budget tables.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.models import Agency
from kehoach.budget.choices import Kind, Source
from kehoach.core.text import fold
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan, Programme


class ProgrammeComponent(models.Model):
    """A project (dự án), sub-project (tiểu dự án) or component (nội dung thành phần) of a programme.

    Loaded from kehoach/budget/data/programme-structures.yaml, so a later programme is data, not code."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("chương trình"), on_delete=models.CASCADE, related_name="components"
    )
    code = models.CharField(_("mã"), max_length=40)
    name = models.CharField(_("tên"), max_length=400)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    note = models.CharField(_("ghi chú (độ tin cậy của thông tin)"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("dự án, tiểu dự án")
        verbose_name_plural = _("dự án, tiểu dự án")
        ordering = ["programme", "order"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="component_code_unique_in_programme"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="component_not_own_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


def allocation_key(
    *,
    programme_id: int,
    component_id: int | None,
    source: str,
    kind: str,
    year: int,
    commune_id: int | None,
    agency_id: int | None,
    decision_number: str,
    carried_from_year: int | None,
) -> str:
    """The identity of an allocation within its plan: what an import matches rows on.

    The same line can be allocated twice in a year by two decisions (a supplement), so the
    decision number is part of it; it is folded so "123/QĐ-UBND" and "123/qd-ubnd" are one."""
    parts = [programme_id, component_id, source, kind, year, commune_id, agency_id]
    parts += [fold(decision_number), carried_from_year]
    return "|".join("-" if p is None else str(p) for p in parts)


class Allocation(models.Model):
    """Money assigned to a line for one year by a decision (giao vốn), possibly carried over."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="allocations"
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT, related_name="allocations"
    )
    component = models.ForeignKey(
        ProgrammeComponent,
        verbose_name=_("dự án, tiểu dự án"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    source = models.CharField(_("nguồn vốn"), max_length=20, choices=Source.choices)
    kind = models.CharField(_("loại vốn"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    commune = models.ForeignKey(
        OrgUnit, verbose_name=_("xã"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    amount_million_vnd = models.DecimalField(_("số tiền (triệu đồng)"), max_digits=20, decimal_places=3)
    decision_number = models.CharField(_("số quyết định giao vốn"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    carried_from_year = models.PositiveSmallIntegerField(
        _("chuyển nguồn từ năm"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu là vốn giao mới trong năm; ghi năm trước nếu là vốn chuyển nguồn."),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    natural_key = models.CharField(max_length=300, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("giao vốn")
        verbose_name_plural = _("giao vốn")
        ordering = ["plan", "year", "programme", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_million_vnd__gte=0),
                name="allocation_amount_not_negative",
                violation_error_message=_("Số tiền giao vốn không được âm."),
            ),
            models.CheckConstraint(condition=Q(year__gte=1990, year__lte=2100), name="allocation_year_range"),
            models.CheckConstraint(
                condition=Q(carried_from_year__isnull=True) | Q(carried_from_year__lt=F("year")),
                name="allocation_carry_over_from_earlier_year",
                violation_error_message=_("Năm chuyển nguồn phải trước năm giao vốn."),
            ),
            models.CheckConstraint(condition=Q(source__in=Source.values), name="allocation_source_valid"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="allocation_kind_valid"),
            models.UniqueConstraint(fields=["plan", "natural_key"], name="allocation_unique_line"),
        ]

    def __str__(self) -> str:
        where = f" · {self.commune}" if self.commune_id else ""
        return f"{self.ref} · {self.year} · {self.get_source_display()} · {self.get_kind_display()}{where}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Every path (services, admin, import) keeps the identity in step with the fields.
        self.natural_key = self.compute_key()
        super().save(*args, **kwargs)

    @property
    def ref(self) -> str:
        """How findings and messages point at it ("GV-12")."""
        return f"GV-{self.pk}"

    @property
    def is_carry_over(self) -> bool:
        return self.carried_from_year is not None

    def compute_key(self) -> str:
        return allocation_key(
            programme_id=self.programme_id,
            component_id=self.component_id,
            source=self.source,
            kind=self.kind,
            year=self.year,
            commune_id=self.commune_id,
            agency_id=self.agency_id,
            decision_number=self.decision_number,
            carried_from_year=self.carried_from_year,
        )


class Disbursement(models.Model):
    """Money actually paid out of an allocation (giải ngân), on a date, with its voucher."""

    allocation = models.ForeignKey(
        Allocation, verbose_name=_("dòng giao vốn"), on_delete=models.PROTECT, related_name="disbursements"
    )
    date = models.DateField(_("ngày giải ngân"))
    amount_million_vnd = models.DecimalField(_("số tiền (triệu đồng)"), max_digits=20, decimal_places=3)
    reference = models.CharField(_("số chứng từ"), max_length=60)
    note = models.TextField(_("ghi chú"), blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("giải ngân")
        verbose_name_plural = _("giải ngân")
        ordering = ["allocation", "date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_million_vnd__gt=0),
                name="disbursement_amount_positive",
                violation_error_message=_("Số tiền giải ngân phải lớn hơn 0."),
            ),
            models.CheckConstraint(condition=~Q(reference=""), name="disbursement_reference_required"),
            models.UniqueConstraint(
                fields=["allocation", "date", "reference"], name="disbursement_unique_voucher"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ref} · {self.date:%d/%m/%Y} · {self.reference}"

    @property
    def ref(self) -> str:
        return f"GN-{self.pk}"


class AlertPolicy(models.Model):
    """When a lag in disbursement becomes an alert (AMP checks 25 days after each quarter).

    One row; without it the defaults below apply. Expected shares are cumulative at quarter end."""

    q1_percent = models.DecimalField(_("kỳ vọng hết quý I (%)"), max_digits=5, decimal_places=2, default=25)
    q2_percent = models.DecimalField(_("kỳ vọng hết quý II (%)"), max_digits=5, decimal_places=2, default=50)
    q3_percent = models.DecimalField(_("kỳ vọng hết quý III (%)"), max_digits=5, decimal_places=2, default=75)
    q4_percent = models.DecimalField(_("kỳ vọng hết quý IV (%)"), max_digits=5, decimal_places=2, default=100)
    tolerance_points = models.DecimalField(
        _("ngưỡng chậm cho phép (điểm %)"), max_digits=5, decimal_places=2, default=10
    )
    grace_days = models.PositiveSmallIntegerField(_("số ngày chờ sau cuối quý"), default=25)

    class Meta:
        verbose_name = _("ngưỡng cảnh báo giải ngân")
        verbose_name_plural = _("ngưỡng cảnh báo giải ngân")
        constraints = [
            models.CheckConstraint(
                condition=Q(q1_percent__lte=F("q2_percent"), q2_percent__lte=F("q3_percent"))
                & Q(q3_percent__lte=F("q4_percent"), q4_percent__lte=100, q1_percent__gte=0),
                name="alertpolicy_expected_shares_ordered",
                violation_error_message=_("Tỷ lệ kỳ vọng phải tăng dần theo quý và không quá 100%."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Ngưỡng cảnh báo giải ngân"))
