"""Second half of saving: write the checked changes, their history and one audit event."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kehoach.analytics.services_stored import refresh_values
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.datavalues.choices import ValueAction
from kehoach.datavalues.selectors import StoredValue
from kehoach.datavalues.services import bulk
from kehoach.datavalues.services.resolve import Resolved
from kehoach.indicators.models import DataSet


@dataclass(slots=True)  # one per row of an import
class Change:
    item: Resolved
    stored: StoredValue | None  # pk, value, comment, version, deleted
    comment: str  # the comment the value will carry

    @property
    def key(self) -> tuple[int, int, str, int]:
        return self.item.key


def write_changes(
    *,
    actor: Any,
    data_set: DataSet,
    changes: list[Change],
    groups: set[tuple[int, str]],
    channel: Channel,
    reason: str,
    counts: dict[str, int],
    is_demo: bool,
) -> None:
    """Every change is a real change (unchanged rows were dropped by the caller)."""
    stamp = bulk.adapt_now(timezone.now())
    user_id = getattr(actor, "pk", None)
    bulk.ensure_submissions(data_set_id=data_set.pk, groups=sorted(groups), is_demo=is_demo)
    new = [ch for ch in changes if ch.stored is None]
    created = bulk.insert_values(
        [(*ch.key, ch.item.row.value, ch.comment) for ch in new],
        stamp=stamp,
        user_id=user_id,
        is_demo=is_demo,
    )
    if len(created) != len(new):  # pragma: no cover - the insert either fails or returns every id
        raise RuntimeError("the database did not return an id for every value inserted")
    stored = [ch for ch in changes if ch.stored is not None]
    bulk.update_values([_update_row(ch, stamp, user_id) for ch in stored])
    event = record_event(
        actor=actor,
        action="datavalues.save",
        object_type="indicators.dataset",
        object_id=data_set.code,
        changes={
            **counts,
            "units": len({c.item.unit_id for c in changes}),
            "periods": sorted({c.item.key[2] for c in changes}),
        },
        channel=channel,
        reason=reason,
    )
    name = (actor.get_username() if user_id else str(actor or "hệ thống"))[:150]
    written = bulk.audit_created(
        created,
        event_id=event.pk,
        stamp=stamp,
        user_id=user_id,
        name=name,
        channel=str(channel),
        reason=reason,
    )
    if written != len(new):  # pragma: no cover - the id ranges hold exactly the values inserted
        raise RuntimeError("history rows do not match the values created")
    bulk.insert_audits([_audit_row(ch, event.pk, stamp, user_id, name, channel, reason) for ch in stored])
    # Stored figures, in this transaction (analytics): each changed key with its counted value
    # before the save (None: none), so the stored series sums move by the difference.
    refresh_values(changes={ch.key: _before(ch) for ch in changes})


def _update_row(ch: Change, stamp: Any, user_id: int | None) -> tuple[Any, ...]:
    """A stored value's new state: a deletion keeps the old figure and sets the flag."""
    assert ch.stored is not None
    pk, old, _comment, version, _deleted = ch.stored
    deleting = ch.item.row.value is None
    return (old if deleting else ch.item.row.value, ch.comment, version + 1, deleting, stamp, user_id, pk)


def _audit_row(
    ch: Change, event_id: int, stamp: Any, user_id: int | None, name: str, channel: Channel, reason: str
) -> tuple[Any, ...]:
    """The history row of a change to a value that was already stored (live or deleted)."""
    cur = ch.stored
    assert cur is not None
    live = not cur[4]
    value = ch.item.row.value
    action = ValueAction.DELETE if value is None else ValueAction.UPDATE if live else ValueAction.CREATE
    old = cur[1] if live else None
    return (
        cur[0],
        event_id,
        stamp,
        user_id,
        name,
        action,
        old,
        value,
        cur[2],
        ch.comment,
        str(channel),
        reason,
    )


def _before(change: Change) -> Decimal | None:
    stored = change.stored
    return None if stored is None or stored[4] else stored[1]
