"""Hypothesis strategies: small unit trees with a 2025-style reform, a catalogue of every type, values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

from kehoach.analytics.definitions import (
    TOTAL,
    AggregationType,
    Catalogue,
    DataElement,
    DataValue,
    Indicator,
    IndicatorType,
    Term,
    ValueStatus,
)
from kehoach.analytics.geography import Succession, Unit
from kehoach.orgunits.tree import Link

JUNE_30, JULY_1 = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
AS_OF = dt.date(2026, 1, 1)
PERIODS = ["2023", "2024", "2025"]
OPTIONS = ["a", "b", "x", "y"]
BREAKDOWNS = {"a": "ab", "b": "ab", "x": "xy", "y": "xy"}
HUNDRED = Decimal(100)


def catalogue() -> Catalogue:
    """One indicator of every kind, including a restricted term, coefficients and rates of change."""
    elements = [
        DataElement("N"),
        DataElement("D"),
        DataElement("NS", category_combos=("ab", "xy")),  # two breakdowns of one total (issue #3)
        DataElement("DS", category_combos=("ab",)),
        DataElement("X", AggregationType.NONE),
        DataElement("XS", AggregationType.NONE, category_combos=("ab",)),
    ]
    ratio = IndicatorType.RATIO
    indicators = [
        Indicator("ratio", ratio, (Term("N"),), (Term("D"),), HUNDRED),
        Indicator("split_ratio", ratio, (Term("NS"),), (Term("DS"),), HUNDRED),
        Indicator("share_a", ratio, (Term("NS", frozenset({"a"})),), (Term("NS"),), HUNDRED),
        Indicator("share_x", ratio, (Term("NS", frozenset({"x"})),), (Term("NS", frozenset({"x", "y"})),)),
        Indicator(
            "mixed", ratio, (Term("N"), Term("NS", coefficient=Decimal("0.5"))), (Term("DS"),), Decimal(1000)
        ),
        Indicator("count", IndicatorType.COUNT, (Term("D"),)),
        Indicator("split_count", IndicatorType.COUNT, (Term("DS"),)),
        Indicator("amount", IndicatorType.AMOUNT, (Term("D"), Term("N", coefficient=Decimal(-2)))),
        Indicator("average", IndicatorType.AVERAGE, (Term("X"),), weight="D"),
        Indicator("split_average", IndicatorType.AVERAGE, (Term("XS"),), weight="DS"),
        Indicator("index", IndicatorType.INDEX, (Term("X"),)),
        Indicator("growth", IndicatorType.RATE_OF_CHANGE, base="count", factor=HUNDRED),
        Indicator("ratio_change", IndicatorType.RATE_OF_CHANGE, base="split_ratio"),
    ]
    return Catalogue.of(elements, indicators, BREAKDOWNS)


@dataclass(frozen=True)
class World:
    units: list[Unit]
    links: list[Link]
    lineage: list[Succession]


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """Nation 1 > districts > communes > villages; on 1/7/2025 districts end and communes regroup.

    New communes may take former communes from two districts (Hua Bum), a former commune may stay
    unchanged (Mù Cả) or be split between two new communes (partial lineage, villages shared out).
    """
    units = [Unit(1, "Quốc gia")]
    links: list[Link] = []
    lineage: list[Succession] = []
    next_id = iter(range(2, 1000))
    communes: list[tuple[int, list[int]]] = []
    for _ in range(draw(st.integers(1, 2))):
        district = next(next_id)
        units.append(Unit(district, f"Huyện {district}", valid_to=JUNE_30))
        links.append(Link(district, 1, None, JUNE_30))
        for _ in range(draw(st.integers(1, 3))):
            commune = next(next_id)
            links.append(Link(commune, district, None, JUNE_30))
            villages = [next(next_id) for _ in range(draw(st.integers(0, 3)))]
            communes.append((commune, villages))
    order = draw(st.permutations(communes))
    while order:
        size = draw(st.integers(1, min(3, len(order))))
        group, order = order[:size], order[size:]
        if size == 1 and draw(st.booleans()):
            ((commune, villages),) = group
            units.append(Unit(commune, f"Xã {commune}"))
            links.append(Link(commune, 1, JULY_1, None))
            for village in villages:
                units.append(Unit(village, f"Bản {village}"))
                links.append(Link(village, commune, None, None))
            continue
        new = next(next_id)
        units.append(Unit(new, f"Xã mới {new}", valid_from=JULY_1))
        links.append(Link(new, 1, JULY_1, None))
        split_to = next(next_id) if draw(st.booleans()) else None
        if split_to is not None:
            units.append(Unit(split_to, f"Xã mới {split_to}", valid_from=JULY_1))
            links.append(Link(split_to, 1, JULY_1, None))
        for index, (commune, villages) in enumerate(group):
            units.append(Unit(commune, f"Xã {commune}", valid_to=JUNE_30))
            splits = split_to is not None and index == 0
            lineage.append(Succession(commune, new, partial=splits))
            if splits:
                lineage.append(Succession(commune, split_to, partial=True))
            for village in villages:
                units.append(Unit(village, f"Bản {village}"))
                links.append(Link(village, commune, None, JUNE_30))
                target = split_to if splits and draw(st.booleans()) else new
                links.append(Link(village, target, JULY_1, None))
    return World(units, links, lineage)


@st.composite
def values_for(draw: st.DrawFn, world: World, *, totals: bool = True) -> list[DataValue]:
    """Distinct keys at a few units; split elements by option, and (if `totals`) sometimes as a total.

    Values are dense on purpose (few units, mostly approved, weights drawn beside averages) so that
    ratios, combos, weighted averages and rates of change all occur in most examples.
    """
    entry_units = sorted(u.id for u in world.units if u.id != 1)
    if not entry_units:
        return []
    # Units touched by the reform twice as likely: that is where approximate figures come from.
    reformed = sorted({x for s in world.lineage for x in (s.predecessor, s.successor)})
    units = draw(st.lists(st.sampled_from(entry_units + reformed), min_size=1, max_size=4, unique=True))
    amount = st.decimals(min_value=0, max_value=500, places=draw(st.sampled_from([0, 1, 2])))
    keys = st.tuples(
        st.sampled_from(["N", "D", "NS", "DS", "X", "XS"]),
        st.sampled_from(units),
        st.sampled_from(PERIODS),
        st.sampled_from([TOTAL, *OPTIONS] if totals else OPTIONS),
    )
    statuses = st.sampled_from([ValueStatus.APPROVED] * 4 + [ValueStatus.SUBMITTED, ValueStatus.DRAFT])
    result: dict[tuple[str, int, str, str], DataValue] = {}
    for element, unit, period, coc in draw(st.lists(keys, min_size=1, max_size=30)):
        if element in ("N", "D", "X"):
            coc = TOTAL
        result[(element, unit, period, coc)] = DataValue(
            element, unit, period, coc, draw(amount), draw(statuses)
        )
        weight = {"X": "D", "XS": "DS", "N": "D", "NS": "DS"}.get(element)
        if weight and draw(st.booleans()):
            result[(weight, unit, period, coc)] = DataValue(
                weight, unit, period, coc, draw(amount), draw(statuses)
            )
    return list(result.values())
