"""The stored result table: one row per indicator cell, kept fresh inside every counting change.

Decision 0008. The table holds the figures "as of today" for one setting of counted statuses; its
state row records what it was computed for (statuses, the definitions and geography signature), so
a read for another day or setting, or after units or indicators changed, computes on demand.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models.expressions import Combinable
from django.utils.translation import gettext_lazy as _

from kehoach.orgunits.models import OrgUnit


class _ExactText:
    """A Decimal kept as its exact text: SQLite stores DECIMAL columns as 15-digit floats, and a
    figure must read back identical on SQLite and PostgreSQL (28 significant digits, exact sums)."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Decimal | None:
        return None if value is None else Decimal(value)

    def to_python(self, value: Any) -> Decimal | None:
        return None if value is None or value == "" else Decimal(value)

    def get_prep_value(self, value: Any) -> str | None:
        return None if value is None else str(Decimal(value))


class ExactDecimalField(_ExactText, models.TextField[Decimal | str | Combinable, Decimal]):
    pass


class NullableExactDecimalField(
    _ExactText, models.TextField[Decimal | str | Combinable | None, Decimal | None]
):
    pass


class ResultCell(models.Model):
    """IndicatorValue as a row: N and D exact, value = factor × N / D (28 significant digits)."""

    indicator = models.CharField(_("chỉ số"), max_length=80)  # hidden levels "<code>__muc" included
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    period = models.CharField(_("kỳ"), max_length=10)
    coc = models.CharField(_("ô phân tổ"), max_length=80)
    numerator = ExactDecimalField(_("tử số"))
    denominator = NullableExactDecimalField(_("mẫu số"), null=True)
    value = ExactDecimalField(_("giá trị"))
    approximate = models.BooleanField(_("gần đúng"), default=False)
    reasons = models.JSONField(_("lý do gần đúng"), default=list)

    class Meta:
        verbose_name = _("kết quả chỉ số")
        verbose_name_plural = _("kết quả chỉ số")
        constraints = [
            # Unit first: every read asks for a few areas (the key's index serves it).
            models.UniqueConstraint(fields=["unit", "indicator", "period", "coc"], name="resultcell_key"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}/{self.unit_id}/{self.period}/{self.coc}={self.value}"


class SeriesSum(models.Model):
    """One series summed over an area (decision 0008 §5): total, entries counted, and the entry units
    that count only approximately. Kept beside the cells so that an approval moves the sums of its
    unit's few areas by a difference instead of re-reading every value of the province."""

    kind = models.CharField(_("loại chuỗi"), max_length=10)  # formulas.SeriesKind
    element = models.CharField(_("phần tử dữ liệu"), max_length=80)
    weight = models.CharField(_("phần tử trọng số"), max_length=80, blank=True)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    period = models.CharField(_("kỳ"), max_length=10)
    coc = models.CharField(_("ô phân tổ"), max_length=80)
    total = ExactDecimalField(_("tổng"))
    entries = models.PositiveIntegerField(_("số đơn vị nhập"))
    # Ids of the entry units counting only approximately, comma-separated ("" for none): plain
    # text, so the refresh's multi-row upsert passes it as is on SQLite and PostgreSQL.
    approximate = models.TextField(_("đơn vị tính gần đúng"), blank=True, default="")

    class Meta:
        verbose_name = _("tổng chuỗi số liệu")
        verbose_name_plural = _("tổng chuỗi số liệu")
        constraints = [
            # Unit and period first: a refresh asks for the few areas of one unit in one year.
            models.UniqueConstraint(
                fields=["unit", "period", "element", "kind", "weight", "coc"], name="seriessum_key"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.kind}:{self.element}:{self.weight}/{self.unit_id}/{self.period}/{self.coc}={self.total}"
        )


class ResultTableState(models.Model):
    """What the stored table was computed for (one row, pk 1; absent: not built, compute on demand)."""

    statuses = models.CharField(_("trạng thái được tính"), max_length=60)  # sorted, comma-separated
    signature = models.CharField(_("dấu định nghĩa và địa giới"), max_length=64)
    as_of = models.DateField(_("tính cho ngày"))
    computed_at = models.DateTimeField(_("tính lại toàn bộ lúc"))

    class Meta:
        verbose_name = _("trạng thái bảng kết quả")
        verbose_name_plural = _("trạng thái bảng kết quả")

    def __str__(self) -> str:
        return f"{self.statuses} @ {self.as_of}"
