"""Plain records the pure cores (checks, alerts, aggregate) work on; selectors build them from the ORM."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class PlannedLine:
    """A stated budget line of the plan (kehoach.plans.BudgetLine), as the document gives it."""

    code: str
    programme: str
    source: str  # "total" or a Source value
    kind: str  # "total" or a Kind value
    amount: Decimal
    parent: str | None = None
    phase: str = ""

    def years(self) -> tuple[int, int] | None:
        """ "2021-2025" -> (2021, 2025); None when the phase names no years."""
        found = [int(y) for y in re.findall(r"\d{4}", self.phase)]
        return (min(found), max(found)) if found else None


@dataclass(frozen=True)
class AllocationFact:
    ref: str
    programme: str
    source: str
    kind: str
    year: int
    amount: Decimal
    component: str = ""
    component_parent: str = ""
    commune_key: str = ""  # identity ("gso-legacy:03454"): two communes may share a name
    commune: str = ""  # label for people ("Xã Bum Tở")
    agency: str = ""
    carried_from_year: int | None = None
    decision_date: dt.date | None = None
    programme_name: str = ""
    component_name: str = ""

    @property
    def line(self) -> tuple[str, str, str, str, str, str]:
        """The budget line across years: what a carry-over moves from one year to the next."""
        return (self.programme, self.component, self.source, self.kind, self.commune_key, self.agency)


@dataclass(frozen=True)
class DisbursementFact:
    ref: str
    allocation_ref: str
    date: dt.date
    amount: Decimal


def rate(part: Decimal, whole: Decimal) -> Decimal | None:
    """Percent with one decimal (39,4), or None when there is nothing to divide by."""
    if whole <= 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"))
