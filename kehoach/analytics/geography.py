"""Which entered unit counts towards which area, across the 2025 reorganisation (pure).

Every unit is seen with one fixed area ("constant geography"): a unit that still exists as on
`as_of`, a unit that ended as on its last day. So the former Mường Tè district keeps its 2025-06-30
villages and gets figures for 2026 from them, and a new commune gets figures for 2021 from the
villages and former communes it was formed from. A unit X lies wholly within U when:

1. X = U;
2. X hangs under a unit within U by a parent link valid on the last day both existed;
3. X merged (or was renamed) wholly into a unit within U;
4. X was formed (lineage) only from units within U.

A unit that lies partly within U, because the reform cut across U's boundary (a new commune formed
from communes of two former districts, or a former commune split between new ones), counts too,
whole, and marks every figure it reaches as approximate, with a Vietnamese reason naming the units.
Without that, its data would silently vanish from U; with it, the figure says plainly what it is.
Villages are the stable unit (re-parented, not merged): data entered at villages stay exact.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from kehoach.orgunits.tree import Link


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    name: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Succession:
    """A lineage link: `partial` when only part of the predecessor went into the successor."""

    predecessor: int
    successor: int
    partial: bool = False


@dataclass(frozen=True)
class Geography:
    """For each entry unit, the areas its values count in (itself included, always exact)."""

    units: Mapping[int, Unit]
    exact: Mapping[int, tuple[int, ...]]  # entry -> areas wholly containing it, self excluded
    approx: Mapping[int, tuple[int, ...]]  # entry -> areas it lies partly within
    reasons: Mapping[tuple[int, int], str]  # (entry, area) -> why the entry counts approximately
    area_members: Mapping[int, frozenset[int]]  # area -> every entry counting towards it, itself included

    def contributions(self, entry: int) -> Iterator[tuple[int, bool]]:
        """(area, approximate) pairs; an unknown unit counts for itself only."""
        yield entry, False
        for area in self.exact.get(entry, ()):
            yield area, False
        for area in self.approx.get(entry, ()):
            yield area, True

    def pairs(self) -> Iterator[tuple[int, int, bool]]:
        """(entry, area, approximate) for every entry ≠ area, in a stable order."""
        for entry in sorted(self.exact.keys() | self.approx.keys()):
            for area in self.exact.get(entry, ()):
                yield entry, area, False
            for area in self.approx.get(entry, ()):
                yield entry, area, True

    def members(self, area: int) -> frozenset[int]:
        """Every entry unit counting towards `area` (exactly or not), `area` included."""
        return self.area_members.get(area, frozenset({area}))

    def name(self, unit: int) -> str:
        return _name(self.units, unit)


def _name(units: Mapping[int, Unit], unit: int) -> str:
    known = units.get(unit)
    return known.name if known and known.name else f"đơn vị {unit}"


class _Builder:
    def __init__(
        self,
        units: Mapping[int, Unit],
        links: Iterable[Link],
        successions: Iterable[Succession],
        as_of: dt.date,
    ):
        self.units = units
        self.as_of = as_of
        self.down: dict[int, list[int]] = defaultdict(list)
        self.whole_predecessors: dict[int, list[int]] = defaultdict(list)
        self.partial_predecessors: dict[int, list[int]] = defaultdict(list)
        self.predecessors: dict[int, list[int]] = defaultdict(list)
        self.successors: dict[int, list[int]] = defaultdict(list)
        for link in links:
            if link.active_on(min(self.reference(link.unit), self.reference(link.parent))):
                self.down[link.parent].append(link.unit)
        for s in successions:
            self.predecessors[s.successor].append(s.predecessor)
            self.successors[s.predecessor].append(s.successor)
            target = self.partial_predecessors if s.partial else self.whole_predecessors
            target[s.successor].append(s.predecessor)

    def reference(self, unit: int) -> dt.date:
        """The day whose boundaries the unit is seen with: its last day, or `as_of`."""
        known = self.units.get(unit)
        end = known.valid_to if known else None
        return min(end, self.as_of) if end else self.as_of

    def within(self, area: int) -> set[int]:
        inside = {area}
        stack = [area]
        while stack:
            unit = stack.pop()
            found = [*self.down.get(unit, ()), *self.whole_predecessors.get(unit, ())]
            for successor in self.successors.get(unit, ()):
                if successor not in inside and all(p in inside for p in self.predecessors[successor]):
                    found.append(successor)
            for other in found:
                if other not in inside:
                    inside.add(other)
                    stack.append(other)
        return inside

    def partly_within(self, area: int, inside: set[int]) -> dict[int, str]:
        partly: dict[int, str] = {}
        for unit in sorted(inside):
            for successor in self.successors.get(unit, ()):
                if successor not in inside and successor not in partly:
                    partly[successor] = self._formed_reason(successor, area, inside)
            for predecessor in self.partial_predecessors.get(unit, ()):
                if predecessor not in inside and predecessor not in partly:
                    part = self.name(area) if unit == area else f"{self.name(unit)} (thuộc {self.name(area)})"
                    partly[predecessor] = (
                        f"Chỉ một phần của {self.name(predecessor)} đã chuyển vào {part}; "
                        + self._counted_whole(predecessor, area)
                    )
        return partly

    def _formed_reason(self, unit: int, area: int, inside: set[int]) -> str:
        sources = sorted(self.predecessors[unit])
        if sources == [area] or set(sources) & inside == {area}:
            within = self.name(area)
        else:
            within = ", ".join(self.name(p) for p in sources if p in inside) + f" (thuộc {self.name(area)})"
        outside = ", ".join(self.name(p) for p in sources if p not in inside)
        return f"{self.name(unit)} được hình thành từ {within} cùng với {outside}; " + self._counted_whole(
            unit, area
        )

    def _counted_whole(self, unit: int, area: int) -> str:
        return f"số liệu nhập cho cả {self.name(unit)} được tính toàn bộ vào {self.name(area)}."

    def name(self, unit: int) -> str:
        return _name(self.units, unit)


def build_geography(
    units: Iterable[Unit], links: Iterable[Link], successions: Iterable[Succession], *, as_of: dt.date
) -> Geography:
    """Compute every (entry, area) relation once; rebuild it whenever units, links or lineage change."""
    known = {u.id: u for u in units}
    links = list(links)
    builder = _Builder(known, links, successions, as_of)
    exact: dict[int, list[int]] = defaultdict(list)
    approx: dict[int, list[int]] = defaultdict(list)
    reasons: dict[tuple[int, int], str] = {}
    members: dict[int, frozenset[int]] = {}
    every = sorted(
        known.keys()
        | {u for link in links for u in (link.unit, link.parent)}
        | builder.predecessors.keys()
        | builder.successors.keys()
    )
    for area in every:
        inside = builder.within(area)
        for entry in inside:
            if entry != area:
                exact[entry].append(area)
        partly = builder.partly_within(area, inside)
        for entry, reason in partly.items():
            approx[entry].append(area)
            reasons[(entry, area)] = reason
        members[area] = frozenset(inside | partly.keys())
    return Geography(
        units=known,
        exact={e: tuple(sorted(a)) for e, a in exact.items()},
        approx={e: tuple(sorted(a)) for e, a in approx.items()},
        reasons=reasons,
        area_members=members,
    )
