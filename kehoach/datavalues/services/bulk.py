"""Plain multi-row INSERT/UPDATE for saving values in bulk.

Why not bulk_create/bulk_update: on a 50,000-value import Django spends most of its time preparing
each field of each object (and SQLite's 999-parameter limit cuts inserts into ~1,200 statements),
while the rows here are already checked and typed. `executemany` with the backend's own adapters
(connection.ops) keeps values exact and the SQL portable between SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import connection, models
from django.db.backends.base.operations import BaseDatabaseOperations

from kehoach.datavalues.models import DataValue, DataValueAudit

Row = Sequence[Any]


def _columns(model: type[models.Model], names: Sequence[str]) -> list[str]:
    fields = [model._meta.get_field(n) for n in names]
    return [connection.ops.quote_name(str(f.column)) for f in fields if isinstance(f, models.Field)]


def _adapt(model: type[models.Model], names: Sequence[str], rows: Iterable[Row]) -> list[Sequence[Any]]:
    """Only decimals need the backend's adapter; datetimes are adapted once by the caller."""
    decimals = [
        (i, f.max_digits, f.decimal_places)
        for i, f in enumerate(model._meta.get_field(n) for n in names)
        if isinstance(f, models.DecimalField)
    ]
    if not decimals or _adapter_is_identity():
        return rows if isinstance(rows, list) else list(rows)
    adapt = connection.ops.adapt_decimalfield_value
    out: list[Sequence[Any]] = []
    for row in rows:
        values = list(row)
        for i, digits, places in decimals:
            if values[i] is not None:
                values[i] = adapt(values[i], digits, places)
        out.append(values)
    return out


def _adapter_is_identity() -> bool:
    """Django's own backends keep Decimals as they are (the drivers store them exactly); skipping
    the per-value call saves a Python loop over every row of a large import."""
    method = type(connection.ops).adapt_decimalfield_value
    return method is BaseDatabaseOperations.adapt_decimalfield_value


def adapt_now(now: dt.datetime) -> Any:
    """The timestamp of a save as the backend stores it (the same for every row)."""
    return connection.ops.adapt_datetimefield_value(now)


def insert(model: type[models.Model], names: Sequence[str], rows: Sequence[Row]) -> None:
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    placeholders = ", ".join(["%s"] * len(names))
    sql = f"INSERT INTO {table} ({', '.join(_columns(model, names))}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, _adapt(model, names, rows))


def update(model: type[models.Model], names: Sequence[str], rows: Sequence[Row]) -> None:
    """Each row: the new values of `names`, then the primary key."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    sets = ", ".join(f"{c} = %s" for c in _columns(model, names))
    sql = f"UPDATE {table} SET {sets} WHERE {connection.ops.quote_name('id')} = %s"
    adapted = _adapt(model, [*names, "id"], rows)
    with connection.cursor() as cursor:
        cursor.executemany(sql, adapted)


VALUE_FIELDS = (
    "element",
    "unit",
    "period",
    "option_combo",
    "value",
    "comment",
    "version",
    "deleted",
    "is_demo",
    "created_at",
    "updated_at",
    "updated_by",
)
AUDIT_FIELDS = (
    "value",
    "event",
    "at",
    "actor",
    "actor_name",
    "action",
    "old_value",
    "new_value",
    "old_comment",
    "new_comment",
    "channel",
    "reason",
)


def new_value_ids(
    keys: set[tuple[int, int, str, int]], unit_ids: set[int], periods: set[str]
) -> dict[tuple[int, int, str, int], int]:
    """Ids of the values just inserted, by key (one query for the whole save)."""
    rows = DataValue.objects.filter(unit_id__in=unit_ids, period__in=periods).values_list(
        "element_id", "unit_id", "period", "option_combo_id", "id"
    )
    return {(e, u, p, c): pk for e, u, p, c, pk in rows if (e, u, p, c) in keys}


def insert_values(rows: Sequence[Row]) -> None:
    insert(DataValue, VALUE_FIELDS, rows)


def insert_audits(rows: Sequence[Row]) -> None:
    insert(DataValueAudit, AUDIT_FIELDS, rows)


def update_values(rows: Sequence[tuple[Decimal, str, int, bool, dt.datetime, int | None, int]]) -> None:
    update(DataValue, ("value", "comment", "version", "deleted", "updated_at", "updated_by"), rows)
