"""Recall and precision of a parse against a reviewed data file of the same document.

Quantified targets match on (milestone year, value, comparator, unit) and budget lines on
(programme, source, kind, amount), as multisets: wording, codes and measure names may differ.
Used by the tests and by scripts/parser_accuracy.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from kehoach.plans.document import PlanDocument

from .numbers import to_decimal


@dataclass(frozen=True)
class Score:
    """Matches between a parse and a reference, as counts."""

    matched: int
    parsed: int
    reference: int

    @property
    def recall(self) -> float:
        """Share of the reference found by the parser."""
        return self.matched / self.reference if self.reference else 1.0

    @property
    def precision(self) -> float:
        """Share of the parser's items that are in the reference."""
        return self.matched / self.parsed if self.parsed else 1.0


def _number(value: object) -> Decimal | None:
    return to_decimal(value).normalize() if isinstance(value, int | float | str | Decimal) else None


def _score(parsed: Iterable[Hashable], reference: Iterable[Hashable]) -> Score:
    got, want = Counter(parsed), Counter(reference)
    return Score(sum((got & want).values()), sum(got.values()), sum(want.values()))


def target_score(parsed: PlanDocument, reference: PlanDocument) -> Score:
    """Quantified targets matched on milestone year, value, comparator and unit."""

    def keys(doc: PlanDocument) -> list[Hashable]:
        return [
            (t["milestone_year"], _number(t["value"]), t["comparator"], t["unit"])
            for t in doc.get("targets", [])
            if t["quantified"]
        ]

    return _score(keys(parsed), keys(reference))


def budget_score(parsed: PlanDocument, reference: PlanDocument) -> Score:
    """Budget lines matched on programme, source, kind and amount."""

    def keys(doc: PlanDocument) -> list[Hashable]:
        return [
            (b["programme"], b["source"], b["kind"], _number(b["amount_million_vnd"]))
            for b in doc.get("budget_lines", [])
        ]

    return _score(keys(parsed), keys(reference))
