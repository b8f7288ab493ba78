"""Writes of the stored result table and its series sums: the full recompute (repairs) and the
incremental refresh (by differences, decision 0008 §5).

The datavalues services call `refresh_values` (after a save, once per batch) and
`refresh_submission` (after a status transition) inside their own transaction, so a figure is
never served older than the data it counts (decision 0008). Both lock the state row first: two
approvals reaching the same province cell then refresh one after the other, the second reading
the first's committed values (PostgreSQL's READ COMMITTED takes a new snapshot per statement), so
neither overwrites the other's figure with one computed without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import polars as pl
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.analytics import delta, selectors, upserts
from kehoach.analytics.columnar import recompute
from kehoach.analytics.columnar_frames import to_indicator_values, to_series_sums, values_frame
from kehoach.analytics.columnar_geo import GeographyTables
from kehoach.analytics.definitions import (
    TOTAL,
    AnalyticsSettings,
    CellKey,
    DataValue,
    IndicatorValue,
    ValueKey,
    ValueStatus,
)
from kehoach.analytics.evaluate import SeriesSum as SumRow
from kehoach.analytics.evaluate import SumKey
from kehoach.analytics.formulas import Series, SeriesKind
from kehoach.analytics.models import ResultCell, ResultTableState, SeriesSum
from kehoach.analytics.services import counted_label
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.formatting import vn_number
from kehoach.core.recent import definitions_max_age
from kehoach.datavalues.models import Submission
from kehoach.indicators import models as im

IdKey = tuple[int, int, str, int]  # (element id, unit id, period, option combo id), as datavalues keys it
_BATCH = 2000


_CELL_FIELDS = (
    "indicator",
    "unit",
    "period",
    "coc",
    "numerator",
    "denominator",
    "value",
    "approximate",
    "reasons",
)
_CELL_KEY = ("unit", "indicator", "period", "coc")
_SUM_FIELDS = ("kind", "element", "weight", "unit", "period", "coc", "total", "entries", "approximate")
_SUM_KEY = ("unit", "period", "element", "kind", "weight", "coc")


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)  # ExactDecimalField keeps the exact text


def _row(cell: IndicatorValue) -> tuple[object, ...]:
    return (
        cell.indicator,
        cell.unit,
        cell.period,
        cell.coc,
        _text(cell.numerator),
        _text(cell.denominator),
        _text(cell.value),
        cell.approximate,
        upserts.json_param(list(cell.reasons)),
    )


def _write(
    computed: Mapping[CellKey, IndicatorValue | None], stored: Mapping[CellKey, IndicatorValue]
) -> tuple[int, int]:
    """Upsert the cells that differ from the table, delete those that disappeared: (written, deleted)."""
    changed = [c for key, c in computed.items() if c is not None and stored.get(key) != c]
    gone = [key for key, c in computed.items() if c is None and key in stored]
    for start in range(0, len(changed), _BATCH):
        upserts.upsert(
            ResultCell, _CELL_FIELDS, _CELL_KEY, [_row(c) for c in changed[start : start + _BATCH]]
        )
    by_unit: dict[int, set[CellKey]] = {}
    for key in gone:
        by_unit.setdefault(key[1], set()).add(key)
    for unit, keys in by_unit.items():
        rows = ResultCell.objects.filter(
            unit_id=unit, indicator__in={k[0] for k in keys}, period__in={k[2] for k in keys}
        ).values_list("pk", "indicator", "unit_id", "period", "coc")
        doomed = [pk for pk, *key in rows if tuple(key) in keys]
        for start in range(0, len(doomed), _BATCH):
            ResultCell.objects.filter(pk__in=doomed[start : start + _BATCH]).delete()
    return len(changed), len(gone)


def _write_moved(moved: Mapping[CellKey, IndicatorValue | None]) -> tuple[int, int]:
    """Write the cells a refresh moved, without reading them first (the sums decided that they
    moved): upsert the present ones, delete the vanished ones by key. (written, deleted)."""
    present = [_row(c) for c in moved.values() if c is not None]
    gone = [(key[1], key[0], key[2], key[3]) for key, c in moved.items() if c is None]  # _CELL_KEY order
    upserts.upsert(ResultCell, _CELL_FIELDS, _CELL_KEY, present)
    upserts.delete_keys(ResultCell, _CELL_KEY, gone)
    return len(present), len(gone)


@transaction.atomic
def recompute_results(*, actor: object = None, say: Callable[[str], None] | None = None) -> dict[str, int]:
    """Rebuild the whole table for today and the current setting with the columnar engine.

    Idempotent: only cells that differ are written, so a second run writes nothing. Audited with
    the counts (what a repair corrected).
    """
    today = timezone.localdate()
    statuses = selectors.counted_statuses()
    ResultTableState.objects.select_for_update().filter(pk=1).first()  # wait for running refreshes
    prep = selectors.prepared(as_of=today)
    frame = values_frame(selectors.load_values(units=None))
    settings = AnalyticsSettings(counted_statuses=statuses, as_of=today)
    result = recompute(prep.compiled, GeographyTables.of(prep.geography), settings, frame)
    fresh: dict[CellKey, IndicatorValue | None] = dict(
        to_indicator_values(result.cells, result.reasons, result.compiled)
    )
    stored = selectors.stored_cells(indicators=None, areas=None)
    for key in stored.keys() - fresh.keys():
        fresh[key] = None
    written, deleted = _write(fresh, stored)
    sums_written, sums_deleted = _write_all_sums(result.sums)
    ResultTableState.objects.update_or_create(
        pk=1,
        defaults={
            "statuses": selectors.statuses_text(statuses),
            "signature": prep.signature,
            "as_of": today,
            "computed_at": timezone.now(),
        },
    )
    counts = {
        "cells": len(fresh) - deleted,
        "written": written,
        "deleted": deleted,
        "sums": len(result.sums),
        "sums_written": sums_written,
        "sums_deleted": sums_deleted,
    }
    record_event(
        actor=actor,
        action="analytics.recompute",
        object_type="analytics.resultcell",
        changes={**counts, "statuses": selectors.statuses_text(statuses), "as_of": today},
        channel=Channel.SYSTEM,
    )
    if say:
        text = _(
            "Bảng kết quả chỉ số: %(cells)s ô; ghi %(written)s ô khác trước, xóa %(deleted)s ô. %(counted)s"
        )
        say(text % {**{k: vn_number(v) for k, v in counts.items()}, "counted": counted_label(statuses)})
    return counts


def _sum_row(key: SumKey, found: SumRow) -> tuple[object, ...]:
    series, unit, period, coc = key
    total, entries, approximate = found
    ids = ",".join(str(u) for u in sorted(approximate))
    return (series.kind.value, series.element, series.weight, unit, period, coc, str(total), entries, ids)


def _write_sums(moved: Mapping[SumKey, SumRow | None], stored: Mapping[SumKey, SumRow]) -> tuple[int, int]:
    """Upsert the sums that moved, delete those that no longer exist: (written, deleted)."""
    changed = [_sum_row(key, s) for key, s in moved.items() if s is not None and stored.get(key) != s]
    for start in range(0, len(changed), _BATCH):
        upserts.upsert(SeriesSum, _SUM_FIELDS, _SUM_KEY, changed[start : start + _BATCH])
    gone = {key for key, s in moved.items() if s is None and key in stored}
    if gone:
        rows = SeriesSum.objects.filter(
            unit_id__in={k[1] for k in gone}, period__in={k[2] for k in gone}
        ).values_list("pk", "kind", "element", "weight", "unit_id", "period", "coc")
        doomed = [pk for pk, kind, e, w, *rest in rows if (Series(SeriesKind(kind), e, w), *rest) in gone]
        SeriesSum.objects.filter(pk__in=doomed).delete()
    return len(changed), len(gone)


def _write_all_sums(frame: pl.DataFrame) -> tuple[int, int]:
    """The full recompute's sums against the table: write those that differ, delete stray ones."""
    fresh: dict[SumKey, SumRow | None] = dict(to_series_sums(frame))
    stored = selectors.stored_sums(areas=None, periods=None, elements=None)
    for key in stored.keys() - fresh.keys():
        fresh[key] = None
    return _write_sums(fresh, stored)


def _locked_state() -> ResultTableState | None:
    """The state row, locked until the end of the transaction (None: no table built)."""
    return ResultTableState.objects.select_for_update().filter(pk=1).first()


def _prepared_for(state: ResultTableState) -> selectors.Prepared | None:
    """Today's definitions if the table was built for them. Asked only once a change does count
    (loading them is the costly part of a skipped save). A table whose definitions or geography
    changed since it was built stops being maintained: its state is dropped, so reads compute on
    demand until the next full recompute.

    The definitions may be reused for `KEHOACH_DEFINITIONS_MAX_AGE` seconds, as pages do (reading
    them is most of a refresh): a change made within that delay is maintained under the signature
    the table carries, which stays consistent, and stops the table at the next look. A reused
    signature that differs is read again first: a table rebuilt since must not be dropped.
    """
    today = timezone.localdate()
    prep = selectors.prepared(as_of=today, max_age=definitions_max_age())
    if prep.signature != state.signature:
        prep = selectors.prepared(as_of=today)
        if prep.signature != state.signature:
            state.delete()
            return None
    return prep


def _statuses(state: ResultTableState) -> frozenset[ValueStatus]:
    return frozenset(ValueStatus(s) for s in state.statuses.split(",") if s)


def _refresh(
    state: ResultTableState,
    prep: selectors.Prepared,
    changed: Iterable[ValueKey],
    load: Callable[[delta.Needs], tuple[list[DataValue], dict[ValueKey, DataValue | None]]],
) -> int:
    """Move the stored sums of the changed values' areas by the change and rewrite the cells they
    reach (decision 0008 §5). `load` gives the values of the needed groups as they counted before
    the change, and each changed key's value now."""
    needs = delta.needs(prep.compiled, prep.geography, changed)
    if not needs.indicators:
        return 0  # no indicator reads these elements
    before, after = load(needs)
    sums = selectors.stored_sums(areas=needs.areas, periods=needs.periods, elements=needs.elements)
    cells = selectors.stored_cells(indicators=needs.bases, areas=needs.areas, periods=needs.cell_periods)
    settings = AnalyticsSettings(counted_statuses=_statuses(state), as_of=timezone.localdate())
    moved = delta.apply(
        prep.compiled, prep.geography, settings, sums=sums, cells=cells, before=before, after=after
    )
    written, deleted = _write_moved(moved.cells)
    sums_written, sums_deleted = _write_sums(moved.sums, sums)
    return written + deleted + sums_written + sums_deleted


@transaction.atomic  # joins the caller's transaction; a savepoint, never a commit of its own
def refresh_values(*, changes: Mapping[IdKey, Decimal | None]) -> int:
    """After values were written (one call per save, every changed key with its value before the
    save, None if it had none): refresh the sums and cells they reach, if their form's status
    counts. Returns how many sums and cells were written or deleted."""
    keys = changes.keys()
    if not keys:
        return 0
    state = _locked_state()
    if state is None:
        return 0
    groups = {(e, u, p) for e, u, p, _c in keys}
    counted = _counted_groups(groups, _statuses(state))  # (element, unit, period) → its status
    if not counted:
        return 0  # drafts (the usual save): nothing the table counts has changed
    prep = _prepared_for(state)
    if prep is None:
        return 0
    elements = dict(im.DataElement.objects.filter(pk__in={g[0] for g in counted}).values_list("pk", "code"))
    combos = dict(
        im.CategoryOptionCombo.objects.filter(pk__in={k[3] for k in keys}).values_list("pk", "code")
    )
    old, status = {}, {}
    for (e, u, p, c), value in changes.items():
        if (e, u, p) in counted:
            key = (elements[e], u, p, combos[c])
            old[key], status[key] = value, counted[(e, u, p)]

    def load(needs: delta.Needs) -> tuple[list[DataValue], dict[ValueKey, DataValue | None]]:
        now = {
            v.key: v
            for v in selectors.load_values(
                units={k[1] for k in old}, elements=needs.elements, periods=needs.periods
            )
        }
        # A save changes values, never statuses: before, each changed key had its old value
        # with the status its group has now.
        before = {k: v for k, v in now.items() if k not in old}
        before.update(
            {key: DataValue(*key, value, status[key]) for key, value in old.items() if value is not None}
        )
        return list(before.values()), {key: now.get(key) for key in old}

    return _refresh(state, prep, old, load)


def _counted_groups(
    groups: set[tuple[int, int, str]], statuses: frozenset[ValueStatus]
) -> dict[tuple[int, int, str], ValueStatus]:
    """(element, unit, period) groups whose values count: the most advanced form listing the
    element decides (selectors.load_values' rule)."""
    forms: dict[int, list[int]] = {}
    for element, form in im.DataSetElement.objects.filter(element_id__in={g[0] for g in groups}).values_list(
        "element_id", "data_set_id"
    ):
        forms.setdefault(element, []).append(form)
    decided = {
        (form, unit, period): selectors.value_status(status)
        for form, unit, period, status in Submission.objects.filter(
            unit_id__in={g[1] for g in groups}, period__in={g[2] for g in groups}
        ).values_list("data_set_id", "unit_id", "period", "status")
    }
    counted = {}
    for element, unit, period in groups:
        found = [decided.get((f, unit, period), ValueStatus.DRAFT) for f in forms.get(element, ())]
        status = selectors.most_advanced(found)
        if status in statuses:
            counted[(element, unit, period)] = status
    return counted


@transaction.atomic  # joins the caller's transaction; a savepoint, never a commit of its own
def refresh_submission(*, submission: Submission, old_status: str) -> int:
    """After a form changed status (submit, approve, return, reopen): refresh the sums and cells
    its values reach when the change can alter what counts. Returns how many were written or
    deleted."""
    before, after = selectors.value_status(old_status), selectors.value_status(submission.status)
    if before == after:
        return 0
    state = _locked_state()
    if state is None:
        return 0
    statuses = _statuses(state)
    if _upward_closed(statuses) and (before in statuses) == (after in statuses):
        return 0  # e.g. draft → submitted with approved values only
    prep = _prepared_for(state)
    if prep is None:
        return 0
    unit, period = submission.unit_id, submission.period
    codes = im.DataSetElement.objects.filter(data_set_id=submission.data_set_id).values_list(
        "element__code", flat=True
    )
    form = {(code, unit, period, TOTAL) for code in codes}  # `needs` reads element, unit and period

    def load(needs: delta.Needs) -> tuple[list[DataValue], dict[ValueKey, DataValue | None]]:
        then = {(submission.data_set_id, unit, period): before}
        now, before_values = selectors.load_values_twice(
            units={unit}, elements=needs.elements, periods={period}, overrides=then
        )
        counted = {v.key for v in before_values if v.status in statuses}
        # Only values whose counting changed: the form's, or those its status decides no longer.
        after = {v.key: v for v in now if (v.key in counted) != (v.status in statuses)}
        return before_values, dict(after)

    return _refresh(state, prep, form, load)


def _upward_closed(statuses: frozenset[ValueStatus]) -> bool:
    """Does every status above a counted one count too? Then only crossing the line matters."""
    order = list(selectors.STATUS_ORDER)
    return all(s in statuses for c in statuses for s in order[order.index(c) :])
