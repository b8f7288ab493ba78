"""Reads for the analytics wiring: issue #3's models converted into the engine's dataclasses.

Mapping: docs/domain/analytics.md ("Inputs"). Nothing here computes; `services.py` does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q

from kehoach.analytics.definitions import (
    TOTAL,
    AggregationType,
    Catalogue,
    CellKey,
    DataElement,
    DataValue,
    Indicator,
    IndicatorType,
    IndicatorValue,
    Term,
    ValueStatus,
)
from kehoach.analytics.evaluate import SeriesSum as SumRow
from kehoach.analytics.evaluate import SumKey
from kehoach.analytics.formulas import Compiled, Series, SeriesKind, compile_catalogue
from kehoach.analytics.geography import Geography, Succession, Unit, build_geography
from kehoach.analytics.models import ResultCell, ResultTableState, SeriesSum
from kehoach.core.recent import Recent
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


STATUS_ORDER = (ValueStatus.DRAFT, ValueStatus.SUBMITTED, ValueStatus.APPROVED)


def value_status(submission_status: str) -> ValueStatus:
    """What a form's status means for its values (returned: draft again)."""
    return _STATUS[SubmissionStatus(submission_status)]


def most_advanced(statuses: Iterable[ValueStatus]) -> ValueStatus:
    """A value listed in several forms has the status of the most advanced one (none: draft)."""
    return max(statuses, key=_RANK.__getitem__, default=ValueStatus.DRAFT)


def counted_statuses() -> frozenset[ValueStatus]:
    """Setting KEHOACH_ANALYTICS_STATUSES: which submission statuses count (approved only by default)."""
    names: Iterable[str] = getattr(settings, "KEHOACH_ANALYTICS_STATUSES", ("approved",))
    return frozenset(ValueStatus(name) for name in names)


def _term(element: str, combo: str | None) -> tuple[Term, ...]:
    return (Term(element, cocs=frozenset({combo}) if combo and combo != TOTAL else None),)


@dataclass(frozen=True)
class Definitions:
    """Rows the catalogue and the geography are built from, as plain tuples (hashable, comparable)."""

    elements: tuple[tuple[str, str], ...]
    disaggregations: tuple[tuple[str, str], ...]
    indicators: tuple[tuple[Any, ...], ...]
    option_combos: tuple[tuple[str, str], ...]
    forms: tuple[tuple[str, int], ...]
    units: tuple[tuple[int, str, dt.date | None, dt.date | None], ...]
    links: tuple[tuple[int, int, dt.date | None, dt.date | None], ...]
    successions: tuple[tuple[int, int, bool], ...]

    def signature(self, as_of: dt.date) -> str:
        """Digest of every definition and of the stretch of days around `as_of` whose geography is the
        same (between two dates where a unit or parent link begins or ends): equal digests, equal
        catalogue and geography, so a stored table computed for one day serves the whole stretch."""
        days: set[dt.date] = set()
        for _unit, _x, start, end in (*self.units, *self.links):
            days |= {d for d in (start, end, end and end + dt.timedelta(days=1)) if d is not None}
        before = max((d for d in days if d <= as_of), default=None)
        after = min((d for d in days if d > as_of), default=None)
        digest = hashlib.sha256(repr((self, before, after)).encode())
        return digest.hexdigest()


def load_definitions() -> Definitions:
    indicators = im.Indicator.objects.order_by("code").values_list(
        "code",
        "type",
        "numerator__code",
        "numerator_combo__code",
        "denominator__code",
        "denominator_combo__code",
        "factor",
    )
    through = im.DataElement.disaggregations.through.objects.order_by("id")
    return Definitions(
        elements=tuple(im.DataElement.objects.order_by("code").values_list("code", "aggregation")),
        disaggregations=tuple(through.values_list("dataelement__code", "categorycombo__code")),
        indicators=tuple(tuple(row) for row in indicators),
        option_combos=tuple(
            im.CategoryOptionCombo.objects.exclude(code=TOTAL)
            .order_by("code")
            .values_list("code", "combo__code")
        ),
        forms=tuple(im.DataSetElement.objects.order_by("id").values_list("element__code", "data_set_id")),
        units=tuple(OrgUnit.objects.order_by("id").values_list("id", "name", "valid_from", "valid_to")),
        links=tuple(
            UnitParent.objects.order_by("id").values_list("unit_id", "parent_id", "valid_from", "valid_to")
        ),
        successions=tuple(
            UnitLineage.objects.order_by("id").values_list("predecessor_id", "successor_id", "partial")
        ),
    )


def _indicators(
    code: str, kind: str, num: str, num_combo: str | None, den: str | None, den_combo: str | None, factor: Any
) -> list[Indicator]:
    numerator = _term(num, num_combo)
    denominator = _term(den, den_combo) if den else ()
    if IndicatorType(kind) is not IndicatorType.RATE_OF_CHANGE:
        return [Indicator(code, IndicatorType(kind), numerator, denominator, factor=factor)]
    level = Indicator(
        code + LEVEL_SUFFIX,
        IndicatorType.RATIO if denominator else IndicatorType.COUNT,
        numerator,
        denominator,
    )
    return [level, Indicator(code, IndicatorType.RATE_OF_CHANGE, factor=factor, base=level.code)]


def build_catalogue(defs: Definitions) -> Catalogue:
    combos: dict[str, list[str]] = defaultdict(list)
    for element, combo in defs.disaggregations:
        combos[element].append(combo)
    elements = [
        DataElement(code, AggregationType(aggregation), tuple(combos.get(code, ())))
        for code, aggregation in defs.elements
    ]
    indicators = [indicator for row in defs.indicators for indicator in _indicators(*row)]
    return Catalogue.of(elements, indicators, dict(defs.option_combos))


def build_geography_of(defs: Definitions, *, as_of: dt.date) -> Geography:
    return build_geography(
        [Unit(*row) for row in defs.units],
        [Link(*row) for row in defs.links],
        [Succession(*row) for row in defs.successions],
        as_of=as_of,
    )


def load_catalogue() -> Catalogue:
    """Every data element and indicator; a rate of change gets its level as a hidden indicator."""
    return build_catalogue(load_definitions())


def load_geography(*, as_of: dt.date) -> Geography:
    """Units with their dated parent links and lineage (`partial` marks approximate figures)."""
    return build_geography_of(load_definitions(), as_of=as_of)


def load_values(
    *,
    units: Collection[int] | None,
    elements: Collection[str] | None = None,
    periods: Collection[str] | None = None,
    overrides: Mapping[tuple[int, int, str], ValueStatus] | None = None,
) -> list[DataValue]:
    """Stored values (not deleted) of these units, each with the status of its form's submission.

    A value belongs to every form of the plan listing its element; the most advanced submission
    of those forms for the unit and period gives its status (none yet: draft). `overrides`:
    (form id, unit id, period) → the status to assume instead (a form's status before a change).
    """
    return load_values_twice(units=units, elements=elements, periods=periods, overrides=overrides or {})[1]


Lookups = tuple[dict[int, str], dict[int, str], dict[int, list[int]]]  # element and combo codes, forms
_LOOKUPS: Recent[Lookups] = Recent(size=1)


def _read_lookups() -> Lookups:
    forms: dict[int, list[int]] = defaultdict(list)
    for element, form in im.DataSetElement.objects.values_list("element_id", "data_set_id"):
        forms[element].append(form)
    return (
        dict(im.DataElement.objects.values_list("pk", "code")),
        dict(im.CategoryOptionCombo.objects.values_list("pk", "code")),
        dict(forms),
    )


def load_values_twice(
    *,
    units: Collection[int] | None,
    elements: Collection[str] | None,
    periods: Collection[str] | None,
    overrides: Mapping[tuple[int, int, str], ValueStatus],
) -> tuple[list[DataValue], list[DataValue]]:
    """`load_values` as it stands and with `overrides`, from one read: (now, with overrides)."""
    codes, combos, forms = _LOOKUPS.get("lookups", _read_lookups)
    rows = StoredValue.objects.filter(deleted=False)
    if units is not None:  # None: every unit (the full recompute)
        rows = rows.filter(unit_id__in=list(units))
    if elements is not None:
        wanted = set(elements)
        rows = rows.filter(element_id__in=[pk for pk, code in codes.items() if code in wanted])
    if periods is not None:
        rows = rows.filter(period__in=list(periods))
    # Ids, not joined codes: the join costs more than the two small lookups (a province-wide refresh).
    data = list(rows.values_list("element_id", "unit_id", "period", "option_combo_id", "value"))
    decided = {
        (form, unit, period): _STATUS[SubmissionStatus(status)]
        for form, unit, period, status in _submissions(units, periods).values_list(
            "data_set_id", "unit_id", "period", "status"
        )
    }

    def with_statuses(decided: Mapping[tuple[int, int, str], ValueStatus]) -> list[DataValue]:
        status_of: dict[tuple[int, int, str], ValueStatus] = {}
        values = []
        for element, unit, period, coc, value in data:
            status = status_of.get((element, unit, period))
            if status is None:
                found = [
                    decided.get((form, unit, period), ValueStatus.DRAFT) for form in forms.get(element, ())
                ]
                status = status_of[(element, unit, period)] = most_advanced(found)
            values.append(DataValue(codes[element], unit, period, combos[coc], value, status))
        return values

    now = with_statuses(decided)
    return now, (with_statuses({**decided, **overrides}) if overrides else now)


def _submissions(units: Collection[int] | None, periods: Collection[str] | None) -> Any:
    rows = Submission.objects.all() if units is None else Submission.objects.filter(unit_id__in=list(units))
    return rows if periods is None else rows.filter(period__in=list(periods))


@dataclass(frozen=True)
class Prepared:
    """Catalogue (compiled) and geography for a day, with the signature they were built from."""

    signature: str
    catalogue: Catalogue
    compiled: Compiled
    geography: Geography


_PREPARED: dict[str, Prepared] = {}  # by signature: rebuilt only when units or indicators change


_RECENT: dict[dt.date, tuple[float, str]] = {}  # as_of -> (when its signature was read, signature)


def prepared(*, as_of: dt.date, max_age: float = 0.0) -> Prepared:
    """The definitions as of `as_of`, built once per signature and process (a few queries a call).

    Reading every definition to compute the signature is half of a page's time at province scale,
    so reads and refreshes may reuse a signature read less than `max_age` seconds ago: an edit to
    units or indicators then reaches pages within that delay (decision 0008).
    """
    recent = _RECENT.get(as_of)
    if max_age > 0 and recent and time.monotonic() - recent[0] < max_age and recent[1] in _PREPARED:
        return _PREPARED[recent[1]]
    defs = load_definitions()
    signature = defs.signature(as_of)
    _RECENT[as_of] = (time.monotonic(), signature)
    if len(_RECENT) > 8:
        _RECENT.clear()
    found = _PREPARED.get(signature)
    if found is None:
        catalogue = build_catalogue(defs)
        geography = build_geography_of(defs, as_of=as_of)
        found = Prepared(signature, catalogue, compile_catalogue(catalogue), geography)
        if len(_PREPARED) >= 8:  # a few days or settings at most; never grow without bound
            _PREPARED.clear()
        _PREPARED[signature] = found
    return found


def statuses_text(statuses: frozenset[ValueStatus]) -> str:
    return ",".join(sorted(s.value for s in statuses))


def table_state() -> ResultTableState | None:
    return ResultTableState.objects.filter(pk=1).first()


def stored_table_serves(prep: Prepared, statuses: frozenset[ValueStatus]) -> bool:
    """Was the stored table built for these definitions, this geography and these statuses?"""
    state = table_state()
    return (
        state is not None and state.signature == prep.signature and state.statuses == statuses_text(statuses)
    )


def stored_sums(
    *, areas: Collection[int] | None, periods: Collection[str] | None, elements: Collection[str] | None
) -> dict[SumKey, SumRow]:
    """Rows of the stored sums table of series reading these elements (as value, x or weight);
    None: every area, period or element."""
    rows = SeriesSum.objects.all() if areas is None else SeriesSum.objects.filter(unit_id__in=list(areas))
    if periods is not None:
        rows = rows.filter(period__in=list(periods))
    if elements is not None:
        rows = rows.filter(Q(element__in=list(elements)) | Q(weight__in=list(elements)))
    fields = ("kind", "element", "weight", "unit_id", "period", "coc", "total", "entries", "approximate")
    series: dict[
        tuple[str, str, str], Series
    ] = {}  # one object per series, not per row (an approval reads ~1.000)
    found: dict[SumKey, SumRow] = {}
    for kind, element, weight, unit, period, coc, total, entries, approx in rows.values_list(*fields):
        one = series.get((kind, element, weight))
        if one is None:
            one = series[(kind, element, weight)] = Series(SeriesKind(kind), element, weight)
        found[(one, unit, period, coc)] = (total, entries, _entries(approx))
    return found


_NO_ENTRIES: frozenset[int] = frozenset()


def _entries(text: str) -> frozenset[int]:
    return frozenset(int(u) for u in text.split(",")) if text else _NO_ENTRIES


def stored_cells(
    *,
    indicators: Collection[str] | None,
    areas: Collection[int] | None,
    periods: Collection[str] | None = None,
) -> dict[CellKey, IndicatorValue]:
    """Rows of the stored table as IndicatorValues (None: every indicator, area or period)."""
    rows = ResultCell.objects.all() if areas is None else ResultCell.objects.filter(unit_id__in=list(areas))
    if indicators is not None:
        rows = rows.filter(indicator__in=list(indicators))
    if periods is not None:
        rows = rows.filter(period__in=list(periods))
    fields = ("indicator", "unit_id", "period", "coc", "numerator", "denominator", "value", "approximate")
    cells = {}
    for indicator, unit, period, coc, num, den, value, approx, reasons in rows.values_list(
        *fields, "reasons"
    ):
        cells[(indicator, unit, period, coc)] = IndicatorValue(
            indicator, unit, period, coc, num, den, value, approx, tuple(reasons)
        )
    return cells
