"""The bulk writer: multi-row statements cut at the parameter limit, ids returned by the insert,
and the history of created values copied in SQL. Each is checked against what the save must
leave in the database whatever the statement size."""

import gc
from decimal import Decimal as D

import pytest
from django.utils import timezone

from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.datavalues.models import DataValue, DataValueAudit, Submission
from kehoach.datavalues.services import SYSTEM, bulk, collector_paused, save_data_values
from kehoach.datavalues.tests.helpers import row

pytestmark = pytest.mark.django_db


def totals(ds, value, start=1):
    cat = data_set_catalogue(data_set=ds)
    codes = [e.code for e in cat.elements.values() if e.value_type in ("integer", "number")]
    return [row(start + i, code, value, comment=f"ghi chú {i}") for i, code in enumerate(codes)]


@pytest.mark.parametrize("rows_per_statement", [1, 2, 3, 1000])
def test_every_created_value_has_exactly_its_history_row_whatever_the_statement_size(
    xa, opened, monkeypatch, rows_per_statement
):
    monkeypatch.setattr(bulk, "_rows_per_statement", lambda _params: rows_per_statement)
    rows = totals(xa, 7)
    summary = save_data_values(actor=SYSTEM, data_set=xa, rows=rows, channel=Channel.IMPORT, reason="lý do")
    assert summary.committed and summary.counts["created"] == len(rows) > 3
    values = {v.pk: v for v in DataValue.objects.all()}
    history = list(DataValueAudit.objects.all())
    assert sorted(h.value_id for h in history) == sorted(values)
    for h in history:
        v = values[h.value_id]
        assert (h.action, h.old_value, h.new_value, h.old_comment, h.new_comment) == (
            "create",
            None,
            v.value,
            "",
            v.comment,
        )
        assert (h.at, h.actor_id, h.actor_name, h.channel, h.reason) == (
            v.created_at,
            None,
            "hệ thống",
            "import",
            "lý do",
        )
    assert {(v.version, v.deleted, v.value) for v in values.values()} == {(1, False, D(7))}
    assert Submission.objects.filter(data_set=xa, status="draft").count() == 1


def test_mixed_save_writes_creates_updates_and_deletes_with_their_history(xa, opened, monkeypatch):
    monkeypatch.setattr(bulk, "_rows_per_statement", lambda _params: 2)
    first = totals(xa, 5)
    save_data_values(actor=SYSTEM, data_set=xa, rows=first[:3], channel=Channel.IMPORT)
    second = [row(1, first[0].element, 6), row(2, first[1].element, None), *first[3:]]
    summary = save_data_values(actor=SYSTEM, data_set=xa, rows=second, channel=Channel.IMPORT)
    assert summary.committed and summary.counts["created"] == len(first) - 3
    assert summary.counts["updated"] == 2 and summary.counts["deleted"] == 1
    actions = sorted(DataValueAudit.objects.values_list("action", flat=True))
    assert actions.count("create") == len(first) and actions.count("update") == 1
    assert actions.count("delete") == 1
    assert Submission.objects.filter(data_set=xa).count() == 1


def test_created_history_of_ids_with_gaps_touches_no_other_value(xa, opened):
    """On PostgreSQL another save can take ids between ours: only the ids given get a row."""
    save_data_values(actor=SYSTEM, data_set=xa, rows=totals(xa, 3), channel=Channel.IMPORT)
    ids = sorted(DataValue.objects.values_list("pk", flat=True))
    chosen = ids[::2]
    event = record_event(actor=SYSTEM, action="test", object_type="t", channel=Channel.SYSTEM)
    stamp = bulk.adapt_now(timezone.now())
    written = bulk.audit_created(
        chosen, event_id=event.pk, stamp=stamp, user_id=None, name="x", channel="import", reason=""
    )
    assert written == len(chosen) and len(chosen) < len(ids)
    assert sorted(DataValueAudit.objects.filter(event=event).values_list("value_id", flat=True)) == chosen


def test_id_ranges():
    assert bulk.id_ranges([7, 1, 3, 2]) == [(1, 3), (7, 7)]
    assert bulk.id_ranges([]) == []


def test_collector_pause_restores_the_collector_state_even_on_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one in force
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
