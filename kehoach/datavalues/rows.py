"""The shapes every entry path hands to the save service and gets back. Pure dataclasses.

An edge (form, Excel reader, API parser) turns its input into ValueRows, recording what it could not
read in `problems` instead of dropping the row, so the summary always accounts for every row
received: created + updated + unchanged + rejected = received, and nothing is "ignored".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from kehoach.datavalues.choices import RowOutcome

# Field names used in messages; each edge maps them to its own vocabulary (Excel column, JSON key).
UNIT, PERIOD, ELEMENT, OPTION_COMBO, VALUE, COMMENT, VERSION = (
    "unit",
    "period",
    "element",
    "option_combo",
    "value",
    "comment",
    "version",
)


# Slots: an import holds some 50.000 of each row shape at once; without a __dict__ each they are
# smaller, quicker to build, and fewer objects for the garbage collector to walk.
@dataclass(frozen=True, slots=True)
class Problem:
    field: str  # one of the names above, or "" for the row as a whole
    text: str  # Vietnamese, complete sentence
    severity: str = "error"  # "error" rejects the row; "warning" is accepted (it had a comment)


@dataclass(frozen=True, slots=True)
class ValueRow:
    line: int  # 1-based position in the payload or file; results are reported by it
    unit: str  # unit key, e.g. "gso-legacy:03433"
    period: str
    element: str
    option_combo: str
    value: Decimal | None  # None deletes the stored value (blank cell, empty string)
    comment: str | None = None  # None keeps the stored comment
    version: int | None = None  # the version the sender loaded (0: it saw no value); None: no check
    problems: tuple[Problem, ...] = ()  # found while reading: the row is rejected with them


@dataclass(slots=True)
class RowResult:
    line: int
    outcome: str = RowOutcome.UNCHANGED
    problems: list[Problem] = field(default_factory=list)
    old_value: Decimal | None = None
    new_value: Decimal | None = None
    deleted: bool = False

    @property
    def rejected(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    @property
    def outcome_label(self) -> str:
        """The outcome as the preview shows it ("Không đổi", not "unchanged")."""
        return str(RowOutcome(self.outcome).label)


@dataclass
class ImportSummary:
    received: int
    rows: list[RowResult]
    dry_run: bool
    committed: bool = False
    conflict: bool = False  # some row was refused because someone else saved first

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(r.outcome for r in self.rows)  # one pass: an import has 50.000 rows
        out = {o.value: tally[o] for o in RowOutcome}
        out["deleted"] = sum(1 for r in self.rows if r.deleted and r.outcome == RowOutcome.UPDATED)
        return out

    @property
    def ok(self) -> bool:
        return not any(r.problems and r.rejected for r in self.rows)

    @property
    def problems(self) -> list[tuple[int, Problem]]:
        return [(r.line, p) for r in self.rows for p in r.problems]
