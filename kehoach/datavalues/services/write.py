"""Second half of saving: write the checked changes, their history and one audit event."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.utils import timezone

from kehoach.analytics.services_stored import refresh_values
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.datavalues.choices import ValueAction
from kehoach.datavalues.models import Submission
from kehoach.datavalues.selectors import StoredValue
from kehoach.datavalues.services import bulk
from kehoach.datavalues.services.resolve import Resolved
from kehoach.indicators.models import DataSet


@dataclass
class Change:
    item: Resolved
    stored: StoredValue | None  # pk, value, comment, version, deleted
    comment: str  # the comment the value will carry

    @cached_property  # read several times per change on a 50.000-value import
    def key(self) -> tuple[int, int, str, int]:
        x = self.item
        return (x.element_id, x.unit_id, x.period.code, x.option_combo_id)


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
    now = timezone.now()
    stamp = bulk.adapt_now(now)
    user_id = getattr(actor, "pk", None)
    Submission.objects.bulk_create(
        [Submission(data_set=data_set, unit_id=u, period=p, is_demo=is_demo) for u, p in sorted(groups)],
        ignore_conflicts=True,
    )
    new = [ch for ch in changes if ch.stored is None]
    bulk.insert_values(
        [
            (
                *ch.key[:2],
                ch.key[2],
                ch.key[3],
                ch.item.row.value,
                ch.comment,
                1,
                False,
                is_demo,
                stamp,
                stamp,
                user_id,
            )
            for ch in new
        ]
    )
    updates = []
    for ch in changes:
        if ch.stored is None:
            continue
        pk, old, _comment, version, _deleted = ch.stored
        deleting = ch.item.row.value is None
        value = old if deleting or ch.item.row.value is None else ch.item.row.value
        updates.append((value, ch.comment, version + 1, deleting, stamp, user_id, pk))
    bulk.update_values(updates)
    event = record_event(
        actor=actor,
        action="datavalues.save",
        object_type="indicators.dataset",
        object_id=data_set.code,
        changes={
            **counts,
            "units": len({c.item.unit_id for c in changes}),
            "periods": sorted({c.item.period.code for c in changes}),
        },
        channel=channel,
        reason=reason,
    )
    ids = (
        bulk.new_value_ids({ch.key for ch in new}, {ch.key[1] for ch in new}, {ch.key[2] for ch in new})
        if new
        else {}
    )
    name = (actor.get_username() if user_id else str(actor or "hệ thống"))[:150]
    audits = []
    for ch in changes:
        cur = ch.stored
        live = cur is not None and not cur[4]
        action = (
            ValueAction.DELETE
            if ch.item.row.value is None
            else ValueAction.UPDATE
            if live
            else ValueAction.CREATE
        )
        value_id = cur[0] if cur is not None else ids[ch.key]
        audits.append(
            (
                value_id,
                event.pk,
                stamp,
                user_id,
                name,
                action,
                cur[1] if live and cur else None,
                ch.item.row.value,
                cur[2] if cur else "",
                ch.comment,
                str(channel),
                reason,
            )
        )
    bulk.insert_audits(audits)
    # Stored figures, in this transaction (analytics): each changed key with its counted value
    # before the save (None: none), so the stored series sums move by the difference.
    refresh_values(changes={ch.key: _before(ch) for ch in changes})


def _before(change: Change) -> Decimal | None:
    stored = change.stored
    return None if stored is None or stored[4] else stored[1]
