"""Reads for the analytics wiring: issue #3's models converted into the engine's dataclasses.

Mapping: docs/domain/analytics.md ("Inputs"). Nothing here computes; `services.py` does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable

from django.conf import settings

from kehoach.analytics.definitions import (
    TOTAL,
    AggregationType,
    Catalogue,
    DataElement,
    DataValue,
    Indicator,
    IndicatorType,
    Term,
    ValueStatus,
)
from kehoach.analytics.geography import Geography, Succession, Unit, build_geography
from kehoach.datavalues.choices import SubmissionStatus
from kehoach.datavalues.models import DataValue as StoredValue
from kehoach.datavalues.models import Submission
from kehoach.indicators import models as im
from kehoach.orgunits.models import OrgUnit, UnitLineage, UnitParent
from kehoach.orgunits.tree import Link

LEVEL_SUFFIX = "__muc"  # the level indicator a rate of change is computed from
_RANK = {ValueStatus.DRAFT: 0, ValueStatus.SUBMITTED: 1, ValueStatus.APPROVED: 2}
_STATUS = {
    SubmissionStatus.DRAFT: ValueStatus.DRAFT,
    SubmissionStatus.RETURNED: ValueStatus.DRAFT,  # a returned form counts as a draft
    SubmissionStatus.SUBMITTED: ValueStatus.SUBMITTED,
    SubmissionStatus.APPROVED: ValueStatus.APPROVED,
}


def counted_statuses() -> frozenset[ValueStatus]:
    """Setting KEHOACH_ANALYTICS_STATUSES: which submission statuses count (approved only by default)."""
    names: Iterable[str] = getattr(settings, "KEHOACH_ANALYTICS_STATUSES", ("approved",))
    return frozenset(ValueStatus(name) for name in names)


def _term(element: str, combo: str | None) -> tuple[Term, ...]:
    return (Term(element, cocs=frozenset({combo}) if combo and combo != TOTAL else None),)


def _indicators(row: im.Indicator) -> list[Indicator]:
    numerator = _term(row.numerator.code, row.numerator_combo.code if row.numerator_combo else None)
    denominator = (
        _term(row.denominator.code, row.denominator_combo.code if row.denominator_combo else None)
        if row.denominator
        else ()
    )
    kind = IndicatorType(row.type)
    if kind is not IndicatorType.RATE_OF_CHANGE:
        return [Indicator(row.code, kind, numerator, denominator, factor=row.factor)]
    level = Indicator(
        row.code + LEVEL_SUFFIX,
        IndicatorType.RATIO if denominator else IndicatorType.COUNT,
        numerator,
        denominator,
    )
    return [level, Indicator(row.code, kind, factor=row.factor, base=level.code)]


def load_catalogue() -> Catalogue:
    """Every data element and indicator; a rate of change gets its level as a hidden indicator."""
    combos: dict[str, list[str]] = defaultdict(list)
    through = im.DataElement.disaggregations.through.objects.order_by("id")
    for element, combo in through.values_list("dataelement__code", "categorycombo__code"):
        combos[element].append(combo)
    elements = [
        DataElement(code, AggregationType(aggregation), tuple(combos.get(code, ())))
        for code, aggregation in im.DataElement.objects.values_list("code", "aggregation")
    ]
    rows = im.Indicator.objects.select_related(
        "numerator", "denominator", "numerator_combo", "denominator_combo"
    ).order_by("code")
    indicators = [indicator for row in rows for indicator in _indicators(row)]
    option_combos = dict(
        im.CategoryOptionCombo.objects.exclude(code=TOTAL).values_list("code", "combo__code")
    )
    return Catalogue.of(elements, indicators, option_combos)


def load_geography(*, as_of: dt.date) -> Geography:
    """Units with their dated parent links and lineage (`partial` marks approximate figures)."""
    units = [
        Unit(pk, name, valid_from, valid_to)
        for pk, name, valid_from, valid_to in OrgUnit.objects.values_list(
            "id", "name", "valid_from", "valid_to"
        )
    ]
    links = [
        Link(unit, parent, valid_from, valid_to)
        for unit, parent, valid_from, valid_to in UnitParent.objects.values_list(
            "unit_id", "parent_id", "valid_from", "valid_to"
        )
    ]
    successions = [
        Succession(predecessor, successor, partial)
        for predecessor, successor, partial in UnitLineage.objects.values_list(
            "predecessor_id", "successor_id", "partial"
        )
    ]
    return build_geography(units, links, successions, as_of=as_of)


def load_values(*, units: Collection[int], elements: Collection[str] | None = None) -> list[DataValue]:
    """Stored values (not deleted) of these units, each with the status of its form's submission.

    A value belongs to every form of the plan listing its element; the most advanced submission
    of those forms for the unit and period gives its status (none yet: draft).
    """
    rows = StoredValue.objects.filter(deleted=False, unit_id__in=list(units))
    if elements is not None:
        rows = rows.filter(element__code__in=list(elements))
    data = list(rows.values_list("element__code", "unit_id", "period", "option_combo__code", "value"))
    forms: dict[str, list[int]] = defaultdict(list)
    for element, form in im.DataSetElement.objects.values_list("element__code", "data_set_id"):
        forms[element].append(form)
    decided = {
        (form, unit, period): _STATUS[SubmissionStatus(status)]
        for form, unit, period, status in Submission.objects.filter(unit_id__in=list(units)).values_list(
            "data_set_id", "unit_id", "period", "status"
        )
    }
    values = []
    for element, unit, period, coc, value in data:
        statuses = [decided.get((form, unit, period), ValueStatus.DRAFT) for form in forms.get(element, ())]
        status = max(statuses, key=_RANK.__getitem__, default=ValueStatus.DRAFT)
        values.append(DataValue(element, unit, period, coc, value, status))
    return values
