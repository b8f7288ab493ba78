"""Multi-row upserts of the stored tables (result cells, series sums).

Why not `bulk_create(update_conflicts=True)`: an approval rewrites about a thousand sums and cells,
and Django spends most of that time building and preparing one model object per row; the rows here
are already exact and typed. `INSERT … ON CONFLICT (key) DO UPDATE` is the same statement on
SQLite (≥ 3.24) and PostgreSQL, and `executemany` keeps it one prepared statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models


def upsert(
    model: type[models.Model], names: Sequence[str], key: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert `rows` (values of `names`, in that order, ready for the driver), replacing the other
    columns of a row whose `key` (a unique constraint's fields) already exists."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = [quote(str(_field(model, n).column)) for n in names]
    keys = [quote(str(_field(model, n).column)) for n in key]
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in keys)
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def delete_keys(model: type[models.Model], key: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Delete the rows whose `key` fields equal each of `rows` (absent keys are no error)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = [quote(str(_field(model, n).column)) for n in key]
    where = " AND ".join(f"{c} = %s" for c in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {quote(model._meta.db_table)} WHERE {where}", rows)


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def json_param(value: Any) -> Any:
    """A JSON column's value as the backend's driver takes it (text on SQLite, Jsonb on PostgreSQL)."""
    return connection.ops.adapt_json_value(value, None)
