"""Reads over entered data: the area of a form, values of a unit and period, history, submissions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from kehoach.accounts import scope
from kehoach.datavalues.models import DataValue, DataValueAudit, Submission
from kehoach.indicators.models import DataSet, ReportingRound
from kehoach.indicators.periods import Period
from kehoach.orgunits.models import OrgUnit, UnitLineage
from kehoach.orgunits.selectors import org_tree
from kehoach.plans.models import Plan

StoredValue = tuple[int, Decimal, str, int, bool]  # pk, value, comment, version, deleted


def area_units(*, plan: Plan) -> frozenset[int]:
    """Units of the plan's area over time: everything ever below its unit, plus the units formed
    from those in a reorganisation and what lies below them (the 2025 communes of a 2022 district)."""
    tree = org_tree()
    if plan.admin_unit_id is None:
        return frozenset()
    units = {plan.admin_unit_id} | tree.descendants([plan.admin_unit_id])
    successors = set(UnitLineage.objects.filter(predecessor__in=units).values_list("successor_id", flat=True))
    return frozenset(units | successors | tree.descendants(successors))


def active_during(unit: Any, start: dt.date, end: dt.date) -> bool:
    """Whether the unit existed on at least one day of [start, end]."""
    return (unit.valid_from is None or unit.valid_from <= end) and (
        unit.valid_to is None or unit.valid_to >= start
    )


def expected_units(*, data_set: DataSet, period: Period) -> QuerySet[OrgUnit]:
    """Units that owe this form for this period: of its level, in its area, existing on the last
    day of the data window (a unit merged during the period reports through its successor)."""
    _, end = period.window(data_set.window)
    qs = OrgUnit.objects.filter(id__in=area_units(plan=data_set.plan), level_id=data_set.level_id)
    return qs.exclude(valid_from__gt=end).exclude(valid_to__lt=end).order_by("name")


def round_for(*, data_set: DataSet, period: str) -> ReportingRound | None:
    return ReportingRound.objects.filter(data_set=data_set, period=period).first()


def stored_values(
    *, element_ids: Iterable[int], unit_ids: Iterable[int], periods: Iterable[str]
) -> dict[tuple[int, int, str, int], StoredValue]:
    """(element, unit, period, option combo) -> stored row, including soft-deleted ones."""
    rows = DataValue.objects.filter(
        element_id__in=list(element_ids), unit_id__in=list(unit_ids), period__in=list(periods)
    ).values_list(
        "element_id", "unit_id", "period", "option_combo_id", "id", "value", "comment", "version", "deleted"
    )
    return {(e, u, p, c): (pk, v, cm, ver, d) for e, u, p, c, pk, v, cm, ver, d in rows}


def value_history(
    *, element_ids: Iterable[int], unit_ids: Iterable[int], before: Period
) -> dict[tuple[int, int, int], list[Decimal]]:
    """(element, unit, option combo) -> values of earlier periods of the same kind, oldest first."""
    elements, units = list(element_ids), list(unit_ids)
    # Which periods count is decided here, not by the database's string order (a PostgreSQL
    # collation need not be Python's); asking for the units' periods first (the (unit, period)
    # index answers it) spares loading the values of later periods, which a re-import has.
    stored = DataValue.objects.filter(unit_id__in=units).values_list("period", flat=True).distinct()
    earlier = [p for p in stored if len(p) == len(before.code) and p < before.code]
    if not earlier:
        return {}
    rows = (
        DataValue.objects.filter(
            element_id__in=elements, unit_id__in=units, period__in=earlier, deleted=False
        )
        .values_list("element_id", "unit_id", "option_combo_id", "value")
        .order_by("period")
    )
    out: dict[tuple[int, int, int], list[Decimal]] = defaultdict(list)
    for e, u, c, v in rows:
        out[(e, u, c)].append(v)
    return out


def submissions_for(
    *, data_set: DataSet, unit_ids: Iterable[int], periods: Iterable[str]
) -> dict[tuple[int, str], Submission]:
    qs = Submission.objects.filter(data_set=data_set, unit_id__in=list(unit_ids), period__in=list(periods))
    return {(s.unit_id, s.period): s for s in qs}


def value_history_rows(*, value: DataValue) -> QuerySet[DataValueAudit]:
    return DataValueAudit.objects.filter(value=value).order_by("-at", "-id")


def unit_history(*, unit: OrgUnit, user: Any, limit: int = 200) -> QuerySet[DataValueAudit]:
    """Recent changes of every value of a unit (empty when the user may not read the unit's data)."""
    if not scope.can_view_data(user, unit.pk):
        return DataValueAudit.objects.none()
    return (
        DataValueAudit.objects.filter(value__unit=unit)
        .select_related("value__element", "value__option_combo")
        .order_by("-at", "-id")[:limit]
    )
