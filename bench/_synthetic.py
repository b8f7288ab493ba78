"""Deterministic synthetic data for bench/analytics.py (numpy, seed 20250101).

Shape (../shared/docs/performance.md §2, plus the 2025 reform so the lineage path is measured):
nation > province > district > commune > village, 2021-2025. On 2025-07-01 districts end, the
communes of each province merge pairwise in order into new communes (a pair may straddle two
districts, like Xã Hua Bum; an odd one out stays unchanged, like Mù Cả) and villages are re-parented.

Elements: E01-E20 at villages without disaggregation (E11 an average income with one decimal),
P01-P30 at villages by 3 ethnic groups x 2 sexes, C01-C10 at communes (C01 = 1, the commune count;
before the reform at former communes, for 2025 at new ones). A unit reports a year with p = 0.85 and
each cell with p = 0.82 (about 70 % filled); statuses are 92 % approved, 5 % submitted, 3 % draft.
About 1 % of disaggregated cells are entered as a total only and 0.5 % as a total besides the split.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import polars as pl
from _synthetic_values import ELEMENTS, OPTIONS, Columns, commune_values, village_values

from kehoach.analytics.definitions import (
    AggregationType,
    Catalogue,
    DataElement,
    Indicator,
    IndicatorType,
    Term,
)
from kehoach.analytics.geography import Succession, Unit
from kehoach.orgunits.tree import Link

SEED = 20250101
JUNE_30, JULY_1 = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


@dataclass(frozen=True)
class Scale:
    provinces: int
    districts: int
    communes: int
    villages: int


SCALES = {
    "district": Scale(1, 1, 14, 120),
    "province": Scale(1, 9, 100, 1_100),
    "nation": Scale(63, 700, 10_000, 100_000),
}


@dataclass(frozen=True)
class Synthetic:
    units: list[Unit]
    links: list[Link]
    successions: list[Succession]
    catalogue: Catalogue
    values: pl.DataFrame  # element, unit, period, coc, value, status (Enums + Decimal(38, 1))
    villages: np.ndarray
    old_communes: np.ndarray  # communes that report 2021-2024 (merged ones and unchanged ones)
    new_communes: np.ndarray  # communes that report 2025 (new ones and unchanged ones)


def catalogue() -> Catalogue:
    """23 indicators: 8 household, 8 person (split), 3 commune, 1 mixed, a count, its growth, an average."""
    hundred = Decimal(100)
    elements = [
        DataElement(code, category_combos=("ethnic_sex",) if code.startswith("P") else ())
        for code in ELEMENTS
    ]
    elements[10] = DataElement("E11", AggregationType.NONE)  # an average: never added up as such
    ratio = IndicatorType.RATIO
    indicators = [Indicator("H1", ratio, (Term("E02"), Term("E03")), (Term("E01"),), hundred)]
    indicators += [
        Indicator(f"H{k}", ratio, (Term(f"E{k + 2:02d}"),), (Term("E01"),), hundred) for k in range(2, 9)
    ]
    indicators += [
        Indicator(f"P{k}", ratio, (Term(f"P{k + 1:02d}"),), (Term("P01"),), hundred) for k in range(1, 9)
    ]
    indicators += [
        Indicator(f"C{k}", ratio, (Term(f"C{k + 1:02d}"),), (Term("C01"),), hundred) for k in range(1, 4)
    ]
    indicators += [
        Indicator("M1", ratio, (Term("E02"),), (Term("P01"),), Decimal(1000)),
        Indicator("N1", IndicatorType.COUNT, (Term("E01"),)),
        Indicator("G1", IndicatorType.RATE_OF_CHANGE, base="N1", factor=hundred),
        Indicator("A1", IndicatorType.AVERAGE, (Term("E11"),), weight="E01"),
    ]
    return Catalogue.of(elements, indicators, {option: "ethnic_sex" for option in OPTIONS})


def _split(total: int, parts: int) -> np.ndarray:
    """How many children each of `parts` parents gets (as even as possible)."""
    return np.diff(np.linspace(0, total, parts + 1).round().astype(np.int64))


def _tree(
    scale: Scale,
) -> tuple[list[Unit], list[Link], list[Succession], np.ndarray, np.ndarray, np.ndarray]:
    units = [Unit(0, "Quốc gia")]
    links: list[Link] = []
    successions: list[Succession] = []
    next_id = 1
    provinces = list(range(next_id, next_id + scale.provinces))
    next_id += scale.provinces
    for p in provinces:
        units.append(Unit(p, f"Tỉnh {p}"))
        links.append(Link(p, 0, None, None))
    districts_per = _split(scale.districts, scale.provinces)
    communes_per = _split(scale.communes, scale.districts)
    villages_per = _split(scale.villages, scale.communes)
    old_communes: list[int] = []
    new_communes: list[int] = []
    villages: list[int] = []
    commune_index = 0
    district_index = 0
    for p, n_districts in zip(provinces, districts_per, strict=True):
        province_communes: list[tuple[int, list[int]]] = []
        for _ in range(n_districts):
            d = next_id
            next_id += 1
            units.append(Unit(d, f"Huyện {d}", valid_to=JUNE_30))
            links.append(Link(d, p, None, JUNE_30))
            for _ in range(communes_per[district_index]):
                c = next_id
                next_id += 1
                links.append(Link(c, d, None, JUNE_30))
                members = list(range(next_id, next_id + int(villages_per[commune_index])))
                next_id += len(members)
                commune_index += 1
                province_communes.append((c, members))
            district_index += 1
        for i in range(0, len(province_communes), 2):
            pair = province_communes[i : i + 2]
            if len(pair) == 1:  # the odd one out keeps its identity, like Mù Cả
                c, members = pair[0]
                units.append(Unit(c, f"Xã {c}"))
                links.append(Link(c, p, JULY_1, None))
                old_communes.append(c)
                new_communes.append(c)
                for v in members:
                    units.append(Unit(v, f"Bản {v}"))
                    links.append(Link(v, c, None, None))
                    villages.append(v)
                continue
            n = next_id
            next_id += 1
            units.append(Unit(n, f"Xã mới {n}", valid_from=JULY_1))
            links.append(Link(n, p, JULY_1, None))
            new_communes.append(n)
            for c, members in pair:
                units.append(Unit(c, f"Xã {c}", valid_to=JUNE_30))
                successions.append(Succession(c, n))
                old_communes.append(c)
                for v in members:
                    units.append(Unit(v, f"Bản {v}"))
                    links.append(Link(v, c, None, JUNE_30))
                    links.append(Link(v, n, JULY_1, None))
                    villages.append(v)
    as_array = np.asarray
    return units, links, successions, as_array(villages), as_array(old_communes), as_array(new_communes)


def generate(scale_name: str) -> Synthetic:
    """The same data for the same scale on every run."""
    rng = np.random.default_rng(SEED)
    units, links, successions, villages, old, new = _tree(SCALES[scale_name])
    out = Columns()
    village_values(rng, villages, out)
    commune_values(rng, old, new, out)
    return Synthetic(units, links, successions, catalogue(), out.frame(rng), villages, old, new)
