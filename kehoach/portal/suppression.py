"""Small-count protection of disaggregated figures (pure; docs/domain/portal.md).

A cell is the numerator and denominator behind one published figure (e.g. poor households and all
households of one ethnic group in one commune). Ethnicity is sensitive personal data, so a cell whose
numerator or denominator is below the threshold is hidden (primary suppression).

Hiding one cell is not enough when the cells of a group add up to a figure that is shown (the
total of a commune, or the district's cell of that ethnic group): the hidden one would be the shown
total minus the others. So every group must hide either nothing or at least two cells, and the
hidden cells of a group must not add up to zero (with non-negative counts a zero sum would give
each of them away). Complementary cells are the smallest visible cells of the group, so as little as
possible is lost. Groups overlap (rows and columns of a unit × group table), so the rule is applied
until nothing changes. A group that still cannot be protected (all its cells sum to zero) is
withheld: its total is hidden as well.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
DEFAULT_MIN_COUNT = 10


@dataclass(frozen=True)
class Counts:
    numerator: Decimal
    denominator: Decimal | None = None  # None for counts and amounts

    def below(self, min_count: int) -> bool:
        if self.numerator < min_count:
            return True
        return self.denominator is not None and self.denominator < min_count

    @property
    def size(self) -> Decimal:
        return self.denominator if self.denominator is not None else self.numerator


@dataclass(frozen=True)
class Protection(Generic[K]):
    hidden: frozenset[K]
    withheld: frozenset[int]  # indexes of the groups whose total must be hidden too

    def shows(self, key: K) -> bool:
        return key not in self.hidden


def _sums(cells: Mapping[K, Counts], keys: Collection[K]) -> tuple[Decimal, Decimal | None]:
    numerator = sum((cells[k].numerator for k in keys), Decimal(0))
    denominators = [cells[k].denominator for k in keys]
    if any(d is None for d in denominators):
        return numerator, None
    return numerator, sum((d for d in denominators if d is not None), Decimal(0))


def group_is_safe(cells: Mapping[K, Counts], hidden: Collection[K]) -> bool:
    """No hidden cell of one group can be worked out from the group's total and its visible cells."""
    if not hidden:
        return True
    if len(hidden) < 2:
        return False
    numerator, denominator = _sums(cells, hidden)
    return numerator > 0 and (denominator is None or denominator > 0)


def _complement(cells: Mapping[K, Counts], group: Sequence[K], hidden: set[K]) -> K | None:
    """The visible cell to hide next: one that makes a zero sum positive first, then the smallest."""
    visible = [k for k in group if k not in hidden]
    if not visible:
        return None
    numerator, denominator = _sums(cells, [k for k in group if k in hidden])

    def rank(k: K) -> tuple[int, Decimal, Decimal, int]:
        c = cells[k]
        fixes = (numerator > 0 or c.numerator > 0) and (
            denominator is None or c.denominator is None or denominator > 0 or c.denominator > 0
        )
        return (0 if fixes else 1, c.size, c.numerator, group.index(k))

    return min(visible, key=rank)


def protect(
    cells: Mapping[K, Counts], groups: Sequence[Sequence[K]], min_count: int = DEFAULT_MIN_COUNT
) -> Protection[K]:
    """Which cells to hide. `groups` are the sets of cells whose sum is shown (keys of `cells`)."""
    hidden = {k for k, c in cells.items() if c.below(min_count)}
    withheld: set[int] = set()
    changed = bool(hidden)
    while changed:
        changed = False
        for index, group in enumerate(groups):
            present = [k for k in group if k in cells]
            while not group_is_safe(cells, [k for k in present if k in hidden]):
                extra = _complement(cells, present, hidden)
                if extra is None:
                    withheld.add(index)
                    break
                hidden.add(extra)
                changed = True
    return Protection(frozenset(hidden), frozenset(withheld))


def protect_one(cells: Mapping[K, Counts], min_count: int = DEFAULT_MIN_COUNT) -> Protection[K]:
    """One group whose total is shown (e.g. the ethnic groups of one commune in one year)."""
    return protect(cells, [list(cells)], min_count)
