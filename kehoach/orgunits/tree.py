"""An in-memory view of the unit hierarchy (pure; built from rows by selectors).

The tree is small (a province has about a thousand villages), so holding it in memory is cheaper
and simpler than nested sets. Parent links are dated; descendant queries can ignore dates (scope:
a commune officer reaches every village ever under the commune) or ask for one day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    unit: int
    parent: int
    valid_from: dt.date | None
    valid_to: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class OrgTree:
    def __init__(self, links: Iterable[Link]) -> None:
        self._children: dict[int, list[Link]] = defaultdict(list)
        self._parents: dict[int, list[Link]] = defaultdict(list)
        for link in links:
            self._children[link.parent].append(link)
            self._parents[link.unit].append(link)

    def parents(self, unit: int, on: dt.date | None = None) -> list[int]:
        return [lk.parent for lk in self._parents.get(unit, []) if on is None or lk.active_on(on)]

    def children(self, unit: int, on: dt.date | None = None) -> list[int]:
        return [lk.unit for lk in self._children.get(unit, []) if on is None or lk.active_on(on)]

    def descendants(self, roots: Iterable[int], on: dt.date | None = None) -> set[int]:
        """Every unit below the roots (not the roots themselves)."""
        seen: set[int] = set()
        stack = list(roots)
        while stack:
            for child in self.children(stack.pop(), on):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return seen

    def ancestors(self, units: Iterable[int], on: dt.date | None = None) -> set[int]:
        seen: set[int] = set()
        stack = list(units)
        while stack:
            for parent in self.parents(stack.pop(), on):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen
