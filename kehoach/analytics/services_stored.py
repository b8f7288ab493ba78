"""Writes of the stored result table: the full recompute (repairs) and the incremental refresh.

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

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.analytics import refresh, selectors
from kehoach.analytics.columnar import recompute
from kehoach.analytics.columnar_frames import to_indicator_values, values_frame
from kehoach.analytics.columnar_geo import GeographyTables
from kehoach.analytics.definitions import AnalyticsSettings, CellKey, IndicatorValue, ValueKey, ValueStatus
from kehoach.analytics.models import ResultCell, ResultTableState
from kehoach.analytics.services import counted_label
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.formatting import vn_number
from kehoach.datavalues.models import DataValue as StoredValue
from kehoach.datavalues.models import Submission
from kehoach.indicators import models as im

IdKey = tuple[int, int, str, int]  # (element id, unit id, period, option combo id), as datavalues keys it
_BATCH = 2000


def _row(cell: IndicatorValue) -> ResultCell:
    return ResultCell(
        indicator=cell.indicator,
        unit_id=cell.unit,
        period=cell.period,
        coc=cell.coc,
        numerator=cell.numerator,
        denominator=cell.denominator,
        value=cell.value,
        approximate=cell.approximate,
        reasons=list(cell.reasons),
    )


def _write(
    computed: Mapping[CellKey, IndicatorValue | None], stored: Mapping[CellKey, IndicatorValue]
) -> tuple[int, int]:
    """Upsert the cells that differ from the table, delete those that disappeared: (written, deleted)."""
    changed = [c for key, c in computed.items() if c is not None and stored.get(key) != c]
    gone = [key for key, c in computed.items() if c is None and key in stored]
    for start in range(0, len(changed), _BATCH):
        ResultCell.objects.bulk_create(
            [_row(c) for c in changed[start : start + _BATCH]],
            update_conflicts=True,
            unique_fields=["unit", "indicator", "period", "coc"],
            update_fields=["numerator", "denominator", "value", "approximate", "reasons"],
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
    ResultTableState.objects.update_or_create(
        pk=1,
        defaults={
            "statuses": selectors.statuses_text(statuses),
            "signature": prep.signature,
            "as_of": today,
            "computed_at": timezone.now(),
        },
    )
    counts = {"cells": len(fresh) - deleted, "written": written, "deleted": deleted}
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


def _locked_state() -> ResultTableState | None:
    """The state row, locked until the end of the transaction (None: no table built)."""
    return ResultTableState.objects.select_for_update().filter(pk=1).first()


def _prepared_for(state: ResultTableState) -> selectors.Prepared | None:
    """Today's definitions if the table was built for them. Asked only once a change does count
    (loading them is the costly part of a skipped save). A table whose definitions or geography
    changed since it was built stops being maintained: its state is dropped, so reads compute on
    demand until the next full recompute."""
    prep = selectors.prepared(as_of=timezone.localdate())
    if prep.signature != state.signature:
        state.delete()
        return None
    return prep


def _statuses(state: ResultTableState) -> frozenset[ValueStatus]:
    return frozenset(ValueStatus(s) for s in state.statuses.split(",") if s)


def _refresh(state: ResultTableState, prep: selectors.Prepared, keys: Iterable[ValueKey]) -> int:
    cells: set[CellKey] = set()
    for key in keys:
        cells |= refresh.affected_cells(prep.compiled, prep.geography, key)
    if not cells:
        return 0
    needed = refresh.inputs_for(prep.compiled, prep.geography, cells)
    values = selectors.load_values(units=needed.units, elements=needed.elements, periods=needed.periods)
    settings = AnalyticsSettings(counted_statuses=_statuses(state), as_of=timezone.localdate())
    computed = refresh.compute_cells(prep.catalogue, prep.geography, settings, cells, values)
    stored = selectors.stored_cells(
        indicators={c[0] for c in cells}, areas={c[1] for c in cells}, periods={c[2] for c in cells}
    )
    written, deleted = _write(computed, {k: v for k, v in stored.items() if k in cells})
    return written + deleted


@transaction.atomic  # joins the caller's transaction; a savepoint, never a commit of its own
def refresh_values(*, changes: Mapping[IdKey, Decimal | None]) -> int:
    """After values were written (one call per save, every changed key with its value before the
    save, None if it had none): refresh the cells they reach, if their form's status counts.
    Returns the cells written or deleted."""
    keys = changes.keys()
    if not keys:
        return 0
    state = _locked_state()
    if state is None:
        return 0
    groups = {(e, u, p) for e, u, p, _c in keys}
    counted = _counted_groups(groups, _statuses(state))
    if not counted:
        return 0  # drafts (the usual save): nothing the table counts has changed
    prep = _prepared_for(state)
    if prep is None:
        return 0
    elements = dict(im.DataElement.objects.filter(pk__in={g[0] for g in counted}).values_list("pk", "code"))
    combos = dict(
        im.CategoryOptionCombo.objects.filter(pk__in={k[3] for k in keys}).values_list("pk", "code")
    )
    return _refresh(
        state, prep, {(elements[e], u, p, combos[c]) for e, u, p, c in keys if (e, u, p) in counted}
    )


def _counted_groups(
    groups: set[tuple[int, int, str]], statuses: frozenset[ValueStatus]
) -> set[tuple[int, int, str]]:
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
    counted = set()
    for element, unit, period in groups:
        found = [decided.get((f, unit, period), ValueStatus.DRAFT) for f in forms.get(element, ())]
        if selectors.most_advanced(found) in statuses:
            counted.add((element, unit, period))
    return counted


@transaction.atomic  # joins the caller's transaction; a savepoint, never a commit of its own
def refresh_submission(*, submission: Submission, old_status: str) -> int:
    """After a form changed status (submit, approve, return, reopen): refresh the cells its values
    reach when the change can alter what counts. Returns the cells written or deleted."""
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
    rows = StoredValue.objects.filter(
        deleted=False,
        unit_id=submission.unit_id,
        period=submission.period,
        element__in=im.DataSetElement.objects.filter(data_set_id=submission.data_set_id).values("element"),
    ).values_list("element__code", "unit_id", "period", "option_combo__code")
    return _refresh(state, prep, set(rows))


def _upward_closed(statuses: frozenset[ValueStatus]) -> bool:
    """Does every status above a counted one count too? Then only crossing the line matters."""
    order = list(selectors.STATUS_ORDER)
    return all(s in statuses for c in statuses for s in order[order.index(c) :])
