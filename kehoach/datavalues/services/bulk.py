"""Plain multi-row INSERT/UPDATE for saving values in bulk.

Why not bulk_create/bulk_update: on a 50,000-value import Django spends most of its time preparing
each field of each object, while the rows here are already checked and typed. Multi-row
`INSERT ... VALUES (...), (...)` statements, each as large as the backend's parameter limit allows,
cost SQLite about two thirds of the same rows sent one by one through `executemany`. Values go
through the backend's own adapters (connection.ops), so they stay exact, and the SQL (`RETURNING`,
`ON CONFLICT DO NOTHING`, `TRUE`/`FALSE`) is the same on SQLite (3.35 and later) and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import connection, models
from django.db.backends.base.operations import BaseDatabaseOperations

from kehoach.datavalues.choices import ValueAction
from kehoach.datavalues.models import DataValue, DataValueAudit, Submission

Row = Sequence[Any]
Key = tuple[int, int, str, int]  # (element id, unit id, period, option combo id)
_MAX_ROWS = 1000  # per statement where the backend sets no parameter limit (PostgreSQL)


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _columns(model: type[models.Model], names: Sequence[str]) -> list[str]:
    fields = [model._meta.get_field(n) for n in names]
    return [_q(str(f.column)) for f in fields if isinstance(f, models.Field)]


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


def _rows_per_statement(params_per_row: int) -> int:
    """As many rows as the backend's parameter limit allows (999 on older SQLite builds)."""
    limit = connection.features.max_query_params
    return max(1, limit // params_per_row) if limit else _MAX_ROWS


def _insert_many(
    head: str, row_sql: str, width: int, params: Sequence[Any], tail: str = "", returning: bool = False
) -> list[tuple[Any, ...]]:
    """`head VALUES row_sql, row_sql, ... tail` in as few statements as the limit allows, `params`
    being every row's `width` parameters one after the other (slicing one flat list is cheaper
    than flattening each chunk of rows); with `returning`, the rows its RETURNING tail gives
    back, in no promised order."""
    size = _rows_per_statement(width)
    step = size * width
    full_sql = f"{head} VALUES {', '.join([row_sql] * size)}{tail}"
    returned: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for start in range(0, len(params), step):
            chunk = params[start : start + step]
            count = len(chunk) // width
            sql = full_sql if count == size else f"{head} VALUES {', '.join([row_sql] * count)}{tail}"
            cursor.execute(sql, chunk)
            if returning:
                returned.extend(cursor.fetchall())
    return returned


def _flat(rows: Iterable[Row]) -> list[Any]:
    return [value for row in rows for value in row]


def insert(model: type[models.Model], names: Sequence[str], rows: Sequence[Row]) -> None:
    if not rows:
        return
    head = f"INSERT INTO {_q(model._meta.db_table)} ({', '.join(_columns(model, names))})"
    row_sql = f"({', '.join(['%s'] * len(names))})"
    _insert_many(head, row_sql, len(names), _flat(_adapt(model, names, rows)))


def update(model: type[models.Model], names: Sequence[str], rows: Sequence[Row]) -> None:
    """Each row: the new values of `names`, then the primary key."""
    if not rows:
        return
    table = _q(model._meta.db_table)
    sets = ", ".join(f"{c} = %s" for c in _columns(model, names))
    sql = f"UPDATE {table} SET {sets} WHERE {_q('id')} = %s"
    adapted = _adapt(model, [*names, "id"], rows)
    with connection.cursor() as cursor:
        cursor.executemany(sql, adapted)


NEW_VALUE_FIELDS = ("element", "unit", "period", "option_combo", "value", "comment")
NEW_VALUE_CONSTANTS = ("version", "deleted", "is_demo", "created_at", "updated_at", "updated_by")
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


def insert_values(
    rows: Sequence[tuple[int, int, str, int, Decimal | None, str]],
    *,
    stamp: Any,
    user_id: int | None,
    is_demo: bool,
) -> list[int]:
    """New values (element, unit, period, option combo, value, comment) at version 1; their ids.

    The columns that are the same for every row of a save are literals, or the save's timestamp,
    so a row binds eight parameters instead of twelve."""
    if not rows:
        return []
    columns = _columns(DataValue, (*NEW_VALUE_FIELDS, *NEW_VALUE_CONSTANTS))
    head = f"INSERT INTO {_q(DataValue._meta.db_table)} ({', '.join(columns)})"
    demo = "TRUE" if is_demo else "FALSE"
    user = "NULL" if user_id is None else str(int(user_id))
    row_sql = f"(%s, %s, %s, %s, %s, %s, 1, FALSE, {demo}, %s, %s, {user})"
    params: list[Any] = []
    extend, stamps = params.extend, (stamp, stamp)
    for row in _adapt(DataValue, NEW_VALUE_FIELDS, rows):
        extend(row)
        extend(stamps)
    if not connection.features.can_return_rows_from_bulk_insert:
        _insert_many(head, row_sql, 8, params)
        return list(_ids_of({row[:4] for row in rows}))
    returned = _insert_many(head, row_sql, 8, params, f" RETURNING {_q('id')}", returning=True)
    return [pk for (pk,) in returned]


def _ids_of(keys: set[Key]) -> Iterable[int]:
    """Ids of stored values by key, where the backend cannot return them from the insert."""
    found = DataValue.objects.filter(
        unit_id__in={k[1] for k in keys}, period__in={k[2] for k in keys}
    ).values_list("element_id", "unit_id", "period", "option_combo_id", "id")
    return (pk for e, u, p, c, pk in found if (e, u, p, c) in keys)


def id_ranges(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted ids as runs of consecutive numbers: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for pk in sorted(ids):
        if runs and pk == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], pk)
        else:
            runs.append((pk, pk))
    return runs


def audit_created(
    ids: Sequence[int],
    *,
    event_id: int,
    stamp: Any,
    user_id: int | None,
    name: str,
    channel: str,
    reason: str,
) -> int:
    """The history row of each value just created, copied in SQL from the value itself (no old
    value or comment; new ones as stored). `ids` are exactly the values this save inserted, so
    the id ranges select no other row. Returns the number of history rows written."""
    if not ids:
        return 0
    audit = _q(DataValueAudit._meta.db_table)
    value = _q(DataValue._meta.db_table)
    columns = ", ".join(_columns(DataValueAudit, AUDIT_FIELDS))
    value_column, comment_column = _columns(DataValue, ("value", "comment"))
    select = (
        f"SELECT {_q('id')}, %s, %s, %s, %s, %s, NULL, {value_column}, '', {comment_column}, %s, %s "
        f"FROM {value} WHERE "
    )
    constants = [event_id, stamp, user_id, name, str(ValueAction.CREATE), channel, reason]
    runs = id_ranges(ids)
    per_statement = max(1, (_rows_per_statement(1) - len(constants)) // 2)
    written = 0
    with connection.cursor() as cursor:
        for start in range(0, len(runs), per_statement):
            chunk = runs[start : start + per_statement]
            where = " OR ".join([f"{_q('id')} BETWEEN %s AND %s"] * len(chunk))
            sql = f"INSERT INTO {audit} ({columns}) {select}{where}"
            cursor.execute(sql, [*constants, *(bound for run in chunk for bound in run)])
            written += cursor.rowcount
    return written


def insert_audits(rows: Sequence[Row]) -> None:
    insert(DataValueAudit, AUDIT_FIELDS, rows)


def update_values(rows: Sequence[tuple[Decimal, str, int, bool, dt.datetime, int | None, int]]) -> None:
    update(DataValue, ("value", "comment", "version", "deleted", "updated_at", "updated_by"), rows)


def _plain(value: Any) -> Any:
    """A choice's default (a str enum member) as the plain text the drivers expect."""
    return str(value) if isinstance(value, str) else value


def ensure_submissions(*, data_set_id: int, groups: Sequence[tuple[int, str]], is_demo: bool) -> None:
    """A draft submission for each (unit, period) that has none yet; existing ones are left as
    they are. Every other column gets the model's default, as Submission(...).save() would."""
    if not groups:
        return
    fields = [f for f in Submission._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: _plain(f.get_db_prep_save(f.get_default(), connection)) for f in fields}
    rows = []
    for unit_id, period in groups:
        own = {"data_set_id": data_set_id, "unit_id": unit_id, "period": period, "is_demo": is_demo}
        rows.append([own[f.attname] if f.attname in own else defaults[f.attname] for f in fields])
    columns = ", ".join(_q(str(f.column)) for f in fields)
    head = f"INSERT INTO {_q(Submission._meta.db_table)} ({columns})"
    row_sql = f"({', '.join(['%s'] * len(fields))})"
    _insert_many(head, row_sql, len(fields), _flat(rows), " ON CONFLICT DO NOTHING")
