"""Writing audit events. Callers are services already inside a transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent


def _jsonable(value: Any) -> Any:
    """Audit rows keep exact values: decimals as strings, dates ISO, model instances by key."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return getattr(value, "code", None) or str(value.pk)
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def record_event(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    changes: dict[str, Any] | None = None,
    channel: Channel | str,
    reason: str = "",
) -> AuditEvent:
    """Append one audit event. Must run inside the transaction of the change it records."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_event must be called inside the transaction of the change")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    user = actor if getattr(actor, "pk", None) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_name=(user.get_username() if user else str(actor or "hệ thống"))[:150],
        action=action,
        object_type=object_type or "",
        object_id=object_id or "",
        object_repr=(str(obj) if obj is not None else "")[:300],
        changes={k: _jsonable(v) for k, v in (changes or {}).items()},
        channel=str(channel),
        reason=reason,
    )


def diff_fields(obj: models.Model, new_values: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changes; unchanged fields are left out."""
    changed: dict[str, list[Any]] = {}
    for name, new in new_values.items():
        old = getattr(obj, name)
        if old != new:
            changed[name] = [_jsonable(old), _jsonable(new)]
    return changed
