"""What a public page shows, as tables: one structure rendered to HTML, CSV, XLSX and JSON.

Building every page from these tables is what makes a download contain exactly what the page shows
(and nothing more): the same rows, the same suppressed cells. Pure (no ORM).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kehoach.core.formatting import vn_date, vn_number, vn_percent


class Suppressed:
    """A cell hidden by small-count protection (never its value)."""

    def __repr__(self) -> str:
        return "SUPPRESSED"


SUPPRESSED = Suppressed()
HIDDEN_TEXT = "ẩn"  # shown instead of a suppressed figure; explained under every table that has one

Value = Decimal | int | str | dt.date | Suppressed | None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text | number | percent | date | year
    places: int | None = None

    @property
    def numeric(self) -> bool:
        """Figures printed the Vietnamese way (1.234,5); years and codes are not figures."""
        return self.kind in ("number", "percent")


@dataclass
class Table:
    key: str
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value]] = field(default_factory=list)
    note: str = ""
    row_notes: dict[int, str] = field(default_factory=dict)  # row index -> a note under that row

    @property
    def has_suppressed(self) -> bool:
        return any(isinstance(v, Suppressed) for row in self.rows for v in row)

    def display_rows(self) -> list[list[tuple[str, str]]]:
        """(text, css class) per cell, numbers the Vietnamese way."""
        return [[_display(v, c) for v, c in zip(row, self.columns, strict=True)] for row in self.rows]

    def display_rows_with_notes(self) -> list[tuple[list[tuple[str, str]], str]]:
        """(cells, note under the row or "") per row."""
        return [(cells, self.row_notes.get(i, "")) for i, cells in enumerate(self.display_rows())]

    def note_lines(self) -> list[str]:
        """The row notes as lines a download appends after its rows ("Ghi chú (…): …")."""
        return [
            _("Ghi chú (%(row)s): %(note)s") % {"row": _row_name(self.rows[i]), "note": note}
            for i, note in sorted(self.row_notes.items())
        ]


def _row_name(row: Sequence[Value]) -> str:
    return str(row[0]).lstrip("— ").strip() if row else ""


def _display(value: Value, column: Column) -> tuple[str, str]:
    if isinstance(value, Suppressed):
        return HIDDEN_TEXT, "num hidden"
    if value is None:
        return "", ""
    if isinstance(value, dt.date):
        return vn_date(value), ""
    if isinstance(value, Decimal | int) and not isinstance(value, bool) and column.numeric:
        if column.kind == "percent":
            return vn_percent(value, column.places), "num"
        return vn_number(value, column.places), "num"
    return str(value), ""


def _plain(value: Value, column: Column) -> Any:
    """The machine form: exact decimals as text with a dot, dates ISO, suppressed as None."""
    if isinstance(value, Suppressed) or value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        if column.places is not None:
            value = value.quantize(Decimal(1).scaleb(-column.places))
        return str(value)
    return value


def to_csv(table: Table) -> bytes:
    """UTF-8 with BOM (Excel opens Vietnamese correctly); suppressed cells read "ẩn"."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.label for c in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                HIDDEN_TEXT if isinstance(v, Suppressed) else _csv_text(_plain(v, c))
                for v, c in zip(row, table.columns, strict=True)
            ]
        )
    if table.row_notes:
        writer.writerow([])
        writer.writerows([_csv_text(line)] for line in table.note_lines())
    return ("\ufeff" + out.getvalue()).encode()


def _csv_text(value: Any) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run text starting with these as a formula (reliability.md §2.3).
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def xlsx_rows(table: Table) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for row in table.rows:
        cells: list[Any] = []
        for v, c in zip(row, table.columns, strict=True):
            if isinstance(v, Suppressed):
                cells.append(HIDDEN_TEXT)
            elif isinstance(v, Decimal) and c.places is not None:
                cells.append(v.quantize(Decimal(1).scaleb(-c.places)))
            elif isinstance(v, int) and not isinstance(v, bool) and not c.numeric:
                cells.append(str(v))  # the sheet writer gives numbers a thousands format: 2.025
            else:
                cells.append(v)
        rows.append(cells)
    if table.row_notes:
        rows.append([])
        rows += [[line] for line in table.note_lines()]
    return rows


def to_json(table: Table) -> dict[str, Any]:
    return {
        "key": table.key,
        "title": table.title,
        "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in table.columns],
        "rows": [
            {c.key: _plain(v, c) for v, c in zip(row, table.columns, strict=True)} for row in table.rows
        ],
        "suppressed": [
            [c.key for v, c in zip(row, table.columns, strict=True) if isinstance(v, Suppressed)]
            for row in table.rows
        ],
        "note": table.note,
        "row_notes": [{"row": i, "note": note} for i, note in sorted(table.row_notes.items())],
    }
