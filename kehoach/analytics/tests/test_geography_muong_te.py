"""The 2025 reform on the shipped Lai Châu units: the former Mường Tè district and its new communes.

Hand-checked against ../shared/docs/domain.md (g): Xã Thu Lũm (new) = Thu Lũm + Ka Lăng, both of the
former district; Xã Hua Bum (new) = Hua Bum of the former Nậm Nhùn district + Vàng San of Mường Tè;
Mù Cả unchanged. Villages are added as `kehoach init --demo` does: under their former commune
until 30/6/2025, under its successor from 1/7/2025.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from kehoach.analytics.definitions import (
    TOTAL,
    AnalyticsSettings,
    Catalogue,
    DataElement,
    DataValue,
    Indicator,
    IndicatorType,
    Term,
)
from kehoach.analytics.engine import Engine
from kehoach.analytics.geography import Geography, Succession, Unit, build_geography
from kehoach.orgunits.tree import Link

DATA = Path(__file__).resolve().parents[2] / "orgunits" / "data" / "lai-chau.json"
AS_OF = dt.date(2026, 6, 1)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@pytest.fixture(scope="module")
def lai_chau() -> tuple[Geography, dict[str, int]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    ids = {u["key"]: n for n, u in enumerate(data["units"], start=1)}
    units = [
        Unit(ids[u["key"]], u["name"], _date(u["valid_from"]), _date(u["valid_to"])) for u in data["units"]
    ]
    links = [
        Link(ids[u["key"]], ids[p["parent"]], _date(p["valid_from"]), _date(p["valid_to"]))
        for u in data["units"]
        for p in u["parents"]
    ]
    lineage = [Succession(ids[s["from"]], ids[s["to"]], s["partial"]) for s in data["lineage"]]
    successor = {s.predecessor: s.successor for s in lineage if not s.partial}
    for unit in [u for u in data["units"] if u["level"] == "commune" and u["valid_from"] is None]:
        commune = ids[unit["key"]]
        for n in (1, 2):
            village = ids[f"demo:{unit['key']}/{n}"] = len(ids) + 1
            units.append(Unit(village, f"Bản {unit['name'].split(' ', 1)[1]} {n}"))
            end = _date(unit["valid_to"])
            links.append(Link(village, commune, None, end))
            if end and commune in successor:
                links.append(Link(village, successor[commune], end + dt.timedelta(days=1), None))
    return build_geography(units, links, lineage, as_of=AS_OF), ids


CATALOGUE = Catalogue.of(
    [DataElement("households"), DataElement("poor"), DataElement("paved")],
    [
        Indicator("poverty", IndicatorType.RATIO, (Term("poor"),), (Term("households"),), Decimal(100)),
        Indicator("paved", IndicatorType.COUNT, (Term("paved"),)),
    ],
)


def _load(geography: Geography, values: list[DataValue]) -> Engine:
    engine = Engine(CATALOGUE, geography, AnalyticsSettings(as_of=AS_OF))
    engine.load(values)
    return engine


def test_the_former_district_is_built_from_its_villages_after_it_ended(lai_chau):
    geography, ids = lai_chau
    district = ids["gso-legacy:107"]
    values = [
        DataValue(
            "households", ids["demo:gso-legacy:03439/1"], "2026", TOTAL, Decimal(120)
        ),  # Ka Lăng, now Thu Lũm
        DataValue("poor", ids["demo:gso-legacy:03439/1"], "2026", TOTAL, Decimal(30)),
        DataValue(
            "households", ids["demo:gso-legacy:03467/2"], "2026", TOTAL, Decimal(80)
        ),  # Vàng San, now Hua Bum
        DataValue("poor", ids["demo:gso-legacy:03467/2"], "2026", TOTAL, Decimal(10)),
        DataValue(
            "households", ids["demo:gso-legacy:03460/1"], "2026", TOTAL, Decimal(500)
        ),  # Hua Bum of Nậm Nhùn
    ]
    cells = _load(geography, values).cells
    district_2026 = cells[("poverty", district, "2026", TOTAL)]
    assert (district_2026.numerator, district_2026.denominator, district_2026.value) == (
        Decimal(40),
        Decimal(200),
        Decimal(20),
    )
    assert not district_2026.approximate
    new_hua_bum = cells[("poverty", ids["gso-2025:03460"], "2026", TOTAL)]
    assert new_hua_bum.denominator == 580 and not new_hua_bum.approximate


def test_new_commune_gets_figures_for_years_before_it_existed(lai_chau):
    geography, ids = lai_chau
    values = [
        DataValue("paved", ids["gso-legacy:03436"], "2022", TOTAL, Decimal(1)),  # former Thu Lũm
        DataValue("paved", ids["gso-legacy:03439"], "2022", TOTAL, Decimal(2)),  # Ka Lăng
    ]
    cell = _load(geography, values).cells[("paved", ids["gso-2025:03439"], "2022", TOTAL)]
    assert cell.value == 3 and not cell.approximate


def test_commune_data_of_a_new_commune_inside_the_former_district_count_exactly(lai_chau):
    geography, ids = lai_chau
    values = [
        DataValue(
            "paved", ids["gso-2025:03439"], "2026", TOTAL, Decimal(4)
        ),  # new Thu Lũm: Thu Lũm + Ka Lăng
        DataValue("paved", ids["gso-legacy:03451"], "2026", TOTAL, Decimal(1)),  # Mù Cả, unchanged
    ]
    cell = _load(geography, values).cells[("paved", ids["gso-legacy:107"], "2026", TOTAL)]
    assert cell.value == 5 and not cell.approximate


def test_a_new_commune_straddling_two_former_districts_makes_both_approximate(lai_chau):
    geography, ids = lai_chau
    value = DataValue("paved", ids["gso-2025:03460"], "2026", TOTAL, Decimal(7))  # new Hua Bum
    cells = _load(geography, [value]).cells
    for district in ("gso-legacy:107", "gso-legacy:112"):  # Mường Tè, Nậm Nhùn
        cell = cells[("paved", ids[district], "2026", TOTAL)]
        assert cell.approximate and cell.value == 7
        assert "Xã Vàng San" in cell.reason and "được tính toàn bộ" in cell.reason
    province = cells[("paved", ids["gso-legacy:12"], "2026", TOTAL)]
    assert not province.approximate


def test_the_former_communes_of_a_merge_are_approximate_for_the_merged_communes_own_data(lai_chau):
    geography, ids = lai_chau
    value = DataValue("paved", ids["gso-2025:03439"], "2026", TOTAL, Decimal(4))
    cells = _load(geography, [value]).cells
    ka_lang = cells[("paved", ids["gso-legacy:03439"], "2026", TOTAL)]
    assert ka_lang.approximate
    assert ka_lang.reason.startswith("Xã Thu Lũm được hình thành từ Xã Ka Lăng cùng với Xã Thu Lũm")
