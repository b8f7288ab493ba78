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


@dataclass(frozen=True)
class Header:
    """Where each known column is in a sheet, and what was wrong with the header row."""

    row: int  # Excel number of the header row; data starts on the next
    positions: dict[str, int]  # column key -> 0-based index
    letters: dict[str, str]  # column key -> letter, for messages
    problems: list[Problem]

    @property
    def width(self) -> int:
        """Cells a data row needs to reach every known column."""
        return max(self.positions.values(), default=-1) + 1

    def row_of(self, number: int, cells: Sequence[Cell]) -> Row | None:
        """The known columns of one data row, or None when they are all blank."""
        if len(cells) >= self.width:
            values = {key: cells[i] for key, i in self.positions.items()}
        else:
            values = {key: (cells[i] if i < len(cells) else None) for key, i in self.positions.items()}
        if all(is_blank(v) for v in values.values()):
            return None
        return Row(number=number, values=values, letters=self.letters)


def read_header(sheet: Sheet, columns: Sequence[Column], *, header_row: int = 1) -> Header:
    """Headers are matched without diacritics or case ("Ma xa" finds "Mã xã")."""
    problems: list[Problem] = []
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
            problems.append(
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
            problems.append(Problem(message, sheet.name, header_row, letter))
        elif not col.informative:
            positions[col.key] = index
    for col in columns:
        if col.required and not col.informative and col.key not in positions:
            message = f"thiếu cột “{col.header}” ở dòng tiêu đề"
            problems.append(Problem(message, sheet.name, header_row))
    letters = {key: column_letter(i) for key, i in positions.items()}
    return Header(row=header_row, positions=positions, letters=letters, problems=problems)


def read_table(sheet: Sheet, columns: Sequence[Column], *, header_row: int = 1) -> Table:
    """The header (read_header), then every data row that is not blank, with its Excel number."""
    header = read_header(sheet, columns, header_row=header_row)
    table = Table(sheet=sheet.name, problems=list(header.problems))
    for number, cells in enumerate(sheet.rows[header_row:], start=header_row + 1):
        row = header.row_of(number, cells)
        if row is not None:
            table.rows.append(row)
    return table
