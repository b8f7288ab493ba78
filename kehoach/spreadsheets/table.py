"""A sheet as a table: a header row mapped to known columns, then data rows with Excel numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kehoach.core.text import fold

from .errors import Problem, column_letter
from .reader import Sheet
from .values import Cell, clean_text, is_blank


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as written in the template, Vietnamese
    required: bool = True  # the header must be present (a value may still be optional)
    aliases: tuple[str, ...] = ()
    informative: bool = False  # written on export for people, ignored on import


@dataclass(frozen=True)
class Row:
    number: int  # Excel row number
    values: dict[str, Cell]
    letters: dict[str, str]  # column key -> letter, for messages

    def problem(self, sheet: str, key: str, message: str) -> Problem:
        return Problem(message, sheet=sheet, row=self.number, column=self.letters.get(key, ""))


@dataclass
class Table:
    sheet: str
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_table(sheet: Sheet, columns: Sequence[Column], *, header_row: int = 1) -> Table:
    """Headers are matched without diacritics or case ("Ma xa" finds "Mã xã"); blank rows skipped."""
    table = Table(sheet=sheet.name)
    wanted = {fold(name): col for col in columns for name in (col.header, *col.aliases)}
    header = sheet.rows[header_row - 1] if len(sheet.rows) >= header_row else []
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        text, _ = clean_text(cell)
        if not text:
            continue
        col = wanted.get(fold(text))
        letter = column_letter(index)
        if col is None:
            table.problems.append(
                Problem(
                    f"cột “{text[:60]}” không có trong mẫu, được bỏ qua",
                    sheet.name,
                    header_row,
                    letter,
                    "warning",
                )
            )
        elif col.key in positions:
            message = (
                f"cột “{col.header}” xuất hiện hai lần (cột {column_letter(positions[col.key])} và {letter})"
            )
            table.problems.append(Problem(message, sheet.name, header_row, letter))
        elif not col.informative:
            positions[col.key] = index
    for col in columns:
        if col.required and not col.informative and col.key not in positions:
            message = f"thiếu cột “{col.header}” ở dòng tiêu đề"
            table.problems.append(Problem(message, sheet.name, header_row))
    letters = {key: column_letter(i) for key, i in positions.items()}
    items = list(positions.items())
    width = max(positions.values(), default=-1) + 1
    append = table.rows.append
    for offset, cells in enumerate(sheet.rows[header_row:], start=header_row + 1):
        # The hot loop of a 50.000-row import: full-width rows skip the bounds check.
        if len(cells) >= width:
            values = {key: cells[i] for key, i in items}
        else:
            values = {key: (cells[i] if i < len(cells) else None) for key, i in items}
        if any(not is_blank(v) for v in values.values()):
            append(Row(number=offset, values=values, letters=letters))
    return table
