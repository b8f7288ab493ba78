"""Problems found in a spreadsheet, located the way a user finds them in Excel (sheet, row, column)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem. row is the Excel row number (1-based); column a letter such as "C"."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    severity: str = "error"  # "error" rejects the file; "warning" is shown and the import goes on

    def text(self) -> str:
        """“Trang «Giao vốn», dòng 5, cột C: ...” (only the parts that are known)."""
        where = []
        if self.sheet:
            where.append(f"Trang “{self.sheet}”")
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column:
            where.append(f"cột {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class FileRejected(Exception):
    """The file as a whole cannot be read safely; nothing in it was used."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CellError(ValueError):
    """A cell value that cannot be converted; the message is Vietnamese and names no location."""


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """ "A" -> 0, "AA" -> 26 (inverse of column_letter)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    return index - 1
