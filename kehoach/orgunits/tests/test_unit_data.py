"""The administrative-unit data files kehoach ships (format ``kehoach.units/1``).

Pure tests: no Django, no database. They read kehoach/orgunits/data/*.json[.gz] as shipped and
check the format (docs/unit-data-format.md) and the facts of domain.md (g) for Lai Châu and the
former Mường Tè district. Codes are GSO codes as strings, zero-padded (province 2, district 3,
commune 5 digits): domain.md's "3433" is "03433" here.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
GENERATOR = Path(__file__).resolve().parents[3] / "scripts" / "generate_unit_data.py"
FILES = ("lai-chau.json", "vietnam.json.gz")

LEGACY, NEW = "gso-legacy", "gso-2025"
LEGACY_END, REFORM_DATE = "2025-06-30", "2025-07-01"
RANK = {"province": 1, "district": 2, "commune": 3, "village": 4}
CODE_PATTERN = {"province": r"\d{2}", "district": r"\d{3}", "commune": r"\d{5}"}
KINDS = {
    "province": {"Tỉnh", "Thành phố"},
    "district": {"Huyện", "Quận", "Thị xã", "Thành phố"},
    "commune": {"Xã", "Phường", "Thị trấn", "Đặc khu"},
}
UNIT_FIELDS = ["key", "name", "kind", "level", "valid_from", "valid_to", "codes", "parents"]
LINK_FIELDS = ["from", "to", "kind", "date", "partial"]

# domain.md (g): Huyện Mường Tè (district 107) before 01/7/2025.
MUONG_TE_LEGACY = {
    3433: "Thị trấn Mường Tè",
    3436: "Xã Thu Lũm",
    3439: "Xã Ka Lăng",
    3440: "Xã Tá Bạ",
    3442: "Xã Pa Ủ",
    3445: "Xã Mường Tè",
    3448: "Xã Pa Vệ Sủ",
    3451: "Xã Mù Cả",
    3454: "Xã Bum Tở",
    3457: "Xã Nậm Khao",
    3463: "Xã Tà Tổng",
    3466: "Xã Bum Nưa",
    3467: "Xã Vàng San",
    3469: "Xã Kan Hồ",
}
# domain.md (g): 2025 commune (2025 code) -> (name, legacy codes it was formed from).
MAPPING_2025 = {
    3433: ("Xã Bum Tở", {3433, 3454, 3469}),
    3439: ("Xã Thu Lũm", {3436, 3439}),
    3442: ("Xã Pa Ủ", {3440, 3442}),
    3445: ("Xã Mường Tè", {3445, 3457}),
    3451: ("Xã Mù Cả", {3451}),
    3460: ("Xã Hua Bum", {3460, 3467}),
    3463: ("Xã Tà Tổng", {3463}),
    3466: ("Xã Bum Nưa", {3448, 3466}),
}


def commune(code: int) -> str:
    return f"{code:05d}"


@functools.cache
def raw(file_name: str) -> bytes:
    return (DATA_DIR / file_name).read_bytes()


@functools.cache
def text(file_name: str) -> str:
    data = raw(file_name)
    return (gzip.decompress(data) if file_name.endswith(".gz") else data).decode("utf-8")


@functools.cache
def load(file_name: str) -> dict[str, Any]:
    return json.loads(text(file_name))


def units(file_name: str) -> dict[str, dict[str, Any]]:
    return {unit["key"]: unit for unit in load(file_name)["units"]}


def code_of(unit: dict[str, Any], scheme: str) -> str | None:
    return next((c["code"] for c in unit["codes"] if c["scheme"] == scheme), None)


def by_code(file_name: str, scheme: str, code: str) -> dict[str, Any]:
    found = [u for u in load(file_name)["units"] if code_of(u, scheme) == code]
    assert len(found) == 1, (scheme, code, found)
    return found[0]


def parent_on(unit: dict[str, Any], day: str) -> str | None:
    for link in unit["parents"]:
        if (link["valid_from"] or "0000") <= day <= (link["valid_to"] or "9999"):
            return link["parent"]
    return None


def legacy_sources(file_name: str, new_code: str) -> set[str]:
    """Legacy codes of the units that became the 2025 commune `new_code` (itself if unchanged)."""
    target = by_code(file_name, NEW, new_code)
    all_units = units(file_name)
    sources = {
        code_of(all_units[link["from"]], LEGACY)
        for link in load(file_name)["lineage"]
        if link["to"] == target["key"]
    }
    if code_of(target, LEGACY) is not None:
        sources.add(code_of(target, LEGACY))
    return {s for s in sources if s is not None}


@functools.cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_unit_data", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up while loading
    spec.loader.exec_module(module)
    return module


def is_iso_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


# Format, for both files.


@pytest.mark.parametrize("file_name", FILES)
def test_header_names_format_source_levels_and_schemes(file_name):
    doc = load(file_name)
    assert list(doc) == ["format", "source", "levels", "schemes", "units", "lineage"]
    assert doc["format"] == "kehoach.units/1"
    source = doc["source"]
    assert list(source) == ["package", "version", "license", "url", "generated_on", "scope", "corrections"]
    assert (source["package"], source["version"], source["license"]) == ("vietnamadminunits", "1.0.4", "MIT")
    assert source["url"] == "https://pypi.org/project/vietnamadminunits/"
    assert is_iso_date(source["generated_on"])
    assert [(lv["code"], lv["rank"]) for lv in doc["levels"]] == list(RANK.items())
    assert doc["schemes"] == [
        {"code": LEGACY, "name": "Mã GSO trước 01/7/2025", "valid_to": LEGACY_END},
        {"code": NEW, "name": "Mã GSO từ 01/7/2025", "valid_from": REFORM_DATE},
    ]


@pytest.mark.parametrize("file_name", FILES)
def test_keys_are_unique_and_name_the_first_code(file_name):
    doc = load(file_name)
    keys = [u["key"] for u in doc["units"]]
    assert len(keys) == len(set(keys))
    for unit in doc["units"]:
        assert list(unit) == UNIT_FIELDS
        first = unit["codes"][0]
        assert unit["key"] == f"{first['scheme']}:{first['code']}"


@pytest.mark.parametrize("file_name", FILES)
def test_codes_are_unique_within_a_scheme_and_padded_by_level(file_name):
    seen: Counter[tuple[str, str]] = Counter()
    for unit in load(file_name)["units"]:
        schemes = [c["scheme"] for c in unit["codes"]]
        assert schemes in ([LEGACY], [NEW], [LEGACY, NEW]), unit["key"]
        for code in unit["codes"]:
            assert re.fullmatch(CODE_PATTERN[unit["level"]], code["code"]), unit["key"]
            seen[(code["scheme"], code["code"])] += 1
    assert [k for k, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("file_name", FILES)
def test_names_are_nfc_and_start_with_their_kind(file_name):
    for unit in load(file_name)["units"]:
        name = unit["name"]
        assert unicodedata.normalize("NFC", name) == name, unit["key"]
        assert name == name.strip() and "  " not in name, unit["key"]
        assert unit["kind"] in KINDS[unit["level"]], unit["key"]
        assert name.startswith(unit["kind"] + " ") and len(name) > len(unit["kind"]) + 1, unit["key"]
        # The package's "Xã Pa ủ" kind of error: a syllable of a proper name in lower case.
        # Numbered wards ("Phường 5"), apostrophe names ("Đạ M'ri") and the state-farm towns
        # ("Thị trấn Nông trường Việt Lâm", the official form) are fine.
        proper = name[len(unit["kind"]) + 1 :].replace("Nông trường ", "Nông Trường ")
        assert all(not word[0].islower() for word in proper.split()), unit["key"]


@pytest.mark.parametrize("file_name", FILES)
def test_validity_follows_the_codes_a_unit_carries(file_name):
    for unit in load(file_name)["units"]:
        schemes = [c["scheme"] for c in unit["codes"]]
        expected = {
            (LEGACY,): (None, LEGACY_END),
            (NEW,): (REFORM_DATE, None),
            (LEGACY, NEW): (None, None),
        }[tuple(schemes)]
        assert (unit["valid_from"], unit["valid_to"]) == expected, unit["key"]
        if unit["level"] == "district":
            assert schemes == [LEGACY], "the district level ended on 2025-06-30"


@pytest.mark.parametrize("file_name", FILES)
def test_every_parent_resolves_with_consistent_levels_and_dates(file_name):
    all_units = units(file_name)
    for unit in all_units.values():
        parents = unit["parents"]
        assert all(list(p) == ["parent", "valid_from", "valid_to"] for p in parents)
        if unit["level"] == "province":
            assert parents == []
            continue
        expected_periods = []
        if unit["valid_from"] is None:
            expected_periods.append((None, LEGACY_END))
        if unit["valid_to"] is None:
            expected_periods.append((REFORM_DATE, None))
        assert [(p["valid_from"], p["valid_to"]) for p in parents] == expected_periods, unit["key"]
        for link in parents:
            parent = all_units[link["parent"]]
            legacy_period = link["valid_to"] == LEGACY_END
            # Before the reform: commune -> district -> province. After: commune -> province.
            expected_level = {
                ("commune", True): "district",
                ("district", True): "province",
                ("commune", False): "province",
            }[(unit["level"], legacy_period)]
            assert parent["level"] == expected_level, (unit["key"], link)
            day = LEGACY_END if legacy_period else REFORM_DATE
            assert (parent["valid_from"] or "0000") <= day <= (parent["valid_to"] or "9999"), link


@pytest.mark.parametrize("file_name", FILES)
def test_every_lineage_link_resolves_and_is_consistent(file_name):
    all_units = units(file_name)
    links = load(file_name)["lineage"]
    assert len({(link["from"], link["to"]) for link in links}) == len(links)
    outgoing: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    incoming: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for link in links:
        assert list(link) == LINK_FIELDS
        source, target = all_units[link["from"]], all_units[link["to"]]
        assert link["date"] == REFORM_DATE
        assert link["kind"] in ("merged_into", "split_into", "renamed")
        assert link["partial"] is (link["kind"] == "split_into")
        assert source["valid_to"] == LEGACY_END and target["valid_from"] == REFORM_DATE, link
        if source["level"] == "district":
            # Only an island district without communes has a successor (its đặc khu).
            assert target["kind"] == "Đặc khu", link
            assert not any(p["parent"] == source["key"] for u in all_units.values() for p in u["parents"])
        else:
            assert source["level"] == target["level"], link
        outgoing[link["from"]].append(link)
        incoming[link["to"]].append(link)
    for key, out in outgoing.items():
        kinds = {link["kind"] for link in out}
        assert (kinds in ({"merged_into"}, {"renamed"}) and len(out) == 1) or (
            kinds == {"split_into"} and len(out) >= 2
        ), key
        if kinds == {"renamed"}:
            assert incoming[out[0]["to"]] == out, key  # the same area, nothing else joined it


@pytest.mark.parametrize("file_name", FILES)
def test_units_that_end_or_start_with_the_reform_are_linked(file_name):
    links = load(file_name)["lineage"]
    sources = {link["from"] for link in links}
    targets = {link["to"] for link in links}
    for unit in load(file_name)["units"]:
        if unit["level"] == "district":
            continue
        if unit["valid_to"] == LEGACY_END:
            assert unit["key"] in sources, unit["key"]
        if unit["valid_from"] == REFORM_DATE:
            assert unit["key"] in targets, unit["key"]


@pytest.mark.parametrize("file_name", FILES)
def test_units_and_lineage_are_in_stable_order(file_name):
    doc = load(file_name)
    order = {LEGACY: 0, NEW: 1}

    def key_order(key: str) -> tuple[int, int]:
        scheme, code = key.split(":")
        return (order[scheme], int(code))

    unit_keys = [(RANK[u["level"]], *key_order(u["key"])) for u in doc["units"]]
    assert unit_keys == sorted(unit_keys)
    link_keys = [(key_order(link["from"]), key_order(link["to"])) for link in doc["lineage"]]
    assert link_keys == sorted(link_keys)


@pytest.mark.parametrize("file_name", FILES)
def test_file_is_in_the_generators_canonical_form(file_name):
    gen = generator()
    assert gen.encode(file_name, gen.render(load(file_name))) == raw(file_name)


def test_national_file_is_gzip_without_timestamp_and_small():
    data = raw("vietnam.json.gz")
    assert data[:2] == b"\x1f\x8b" and data[4:8] == b"\0\0\0\0"  # mtime 0: reproducible
    assert len(data) < 1_000_000


@pytest.mark.parametrize("file_name", FILES)
def test_corrections_are_recorded_against_existing_units(file_name):
    all_units = units(file_name)
    for corr in load(file_name)["source"]["corrections"]:
        assert list(corr) == ["key", "field", "from", "to", "reason"]
        assert corr["field"] in ("name", "kind") and corr["from"] != corr["to"] and corr["reason"]
        assert all_units[corr["key"]][corr["field"]] == corr["to"], corr


# Lai Châu (province 12), the seed's area.

LC = "lai-chau.json"


def test_lai_chau_is_one_province_unit_with_both_codes():
    doc = load(LC)
    assert doc["source"]["scope"] == "province 12 (Lai Châu)"
    provinces = [u for u in doc["units"] if u["level"] == "province"]
    assert provinces == [
        {
            "key": "gso-legacy:12",
            "name": "Tỉnh Lai Châu",
            "kind": "Tỉnh",
            "level": "province",
            "valid_from": None,
            "valid_to": None,
            "codes": [{"scheme": LEGACY, "code": "12"}, {"scheme": NEW, "code": "12"}],
            "parents": [],
        }
    ]


def test_lai_chau_has_eight_former_districts():
    districts = {code_of(u, LEGACY): u["name"] for u in load(LC)["units"] if u["level"] == "district"}
    assert districts == {
        "105": "Thành phố Lai Châu",
        "106": "Huyện Tam Đường",
        "107": "Huyện Mường Tè",
        "108": "Huyện Sìn Hồ",
        "109": "Huyện Phong Thổ",
        "110": "Huyện Than Uyên",
        "111": "Huyện Tân Uyên",
        "112": "Huyện Nậm Nhùn",
    }


def test_lai_chau_had_106_communes_before_the_reform():
    legacy = [u for u in load(LC)["units"] if u["level"] == "commune" and code_of(u, LEGACY)]
    assert len(legacy) == 106
    # Mù Cả and Tà Tổng carry their 2025 kind, which is the same.
    assert Counter(u["kind"] for u in legacy) == {"Xã": 94, "Phường": 5, "Thị trấn": 7}


def test_lai_chau_has_38_communes_from_the_reform():
    new = [u for u in load(LC)["units"] if u["level"] == "commune" and code_of(u, NEW)]
    assert len(new) == 38
    assert Counter(u["kind"] for u in new) == {"Xã": 36, "Phường": 2}
    assert sorted(u["name"] for u in new if u["kind"] == "Phường") == ["Phường Tân Phong", "Phường Đoàn Kết"]
    assert all(parent_on(u, REFORM_DATE) == "gso-legacy:12" for u in new)


def test_only_mu_ca_and_ta_tong_were_left_unchanged_in_lai_chau():
    unchanged = [u for u in load(LC)["units"] if u["level"] == "commune" and len(u["codes"]) == 2]
    assert [(u["key"], u["name"]) for u in unchanged] == [
        ("gso-legacy:03451", "Xã Mù Cả"),
        ("gso-legacy:03463", "Xã Tà Tổng"),
    ]
    for unit in unchanged:
        assert code_of(unit, LEGACY) == code_of(unit, NEW)
        assert unit["parents"] == [
            {"parent": "gso-legacy:107", "valid_from": None, "valid_to": LEGACY_END},
            {"parent": "gso-legacy:12", "valid_from": REFORM_DATE, "valid_to": None},
        ]


def test_muong_te_had_the_14_units_of_domain_md_with_official_names():
    in_muong_te = {
        code_of(u, LEGACY): u["name"]
        for u in load(LC)["units"]
        if parent_on(u, LEGACY_END) == "gso-legacy:107"
    }
    assert in_muong_te == {commune(code): name for code, name in MUONG_TE_LEGACY.items()}
    assert units(LC)["gso-legacy:107"]["name"] == "Huyện Mường Tè"


def test_pa_u_spelling_is_corrected_and_recorded():
    assert load(LC)["source"]["corrections"] == [
        {
            "key": "gso-legacy:03442",
            "field": "name",
            "from": "Xã Pa ủ",
            "to": "Xã Pa Ủ",
            "reason": "capitalisation error in the package (a syllable that starts with an accented vowel "
            "is lowercased); the official name capitalises every syllable; the package's own "
            "2025 list spells the successor 'Xã Pa Ủ'",
        }
    ]
    assert units(LC)["gso-legacy:03448"]["name"] == "Xã Pa Vệ Sủ"


@pytest.mark.parametrize(("new_code", "expected"), sorted(MAPPING_2025.items()))
def test_2025_communes_of_the_former_muong_te_are_formed_as_domain_md_says(new_code, expected):
    name, legacy_codes = expected
    assert by_code(LC, NEW, commune(new_code))["name"] == name
    assert legacy_sources(LC, commune(new_code)) == {commune(code) for code in legacy_codes}


def test_muong_te_units_went_into_exactly_the_eight_communes_of_the_mapping():
    all_units = units(LC)
    targets = set()
    for code in MUONG_TE_LEGACY:
        unit = by_code(LC, LEGACY, commune(code))
        if code_of(unit, NEW):
            targets.add(code_of(unit, NEW))
        targets |= {
            code_of(all_units[link["to"]], NEW) for link in load(LC)["lineage"] if link["from"] == unit["key"]
        }
    assert targets == {commune(code) for code in MAPPING_2025}


def test_hua_bum_2025_crosses_two_former_districts():
    all_units = units(LC)
    sources = [all_units[link["from"]] for link in load(LC)["lineage"] if link["to"] == "gso-2025:03460"]
    assert sorted((u["name"], parent_on(u, LEGACY_END)) for u in sources) == [
        ("Xã Hua Bum", "gso-legacy:112"),
        ("Xã Vàng San", "gso-legacy:107"),
    ]
    assert all_units["gso-legacy:112"]["name"] == "Huyện Nậm Nhùn"


def test_lai_chau_reform_was_whole_merges_only():
    links = load(LC)["lineage"]
    assert len(links) == 104  # 106 legacy communes less the 2 unchanged
    assert {(link["kind"], link["partial"]) for link in links} == {("merged_into", False)}


def test_lai_chau_file_is_the_province_slice_of_the_national_file():
    national = units("vietnam.json.gz")
    for key, unit in units(LC).items():
        assert national[key] == unit
    national_links = {(link["from"], link["to"]): link for link in load("vietnam.json.gz")["lineage"]}
    for link in load(LC)["lineage"]:
        assert national_links[(link["from"], link["to"])] == link


# The national file.

VN = "vietnam.json.gz"


def test_national_file_has_63_legacy_and_34_new_provinces():
    provinces = [u for u in load(VN)["units"] if u["level"] == "province"]
    assert sum(1 for u in provinces if code_of(u, LEGACY)) == 63
    assert sum(1 for u in provinces if code_of(u, NEW)) == 34
    kept = sorted(u["name"] for u in provinces if len(u["codes"]) == 2)
    assert kept == sorted(
        [
            "Thành phố Hà Nội",
            "Thành phố Huế",
            "Tỉnh Cao Bằng",
            "Tỉnh Điện Biên",
            "Tỉnh Hà Tĩnh",
            "Tỉnh Lai Châu",
            "Tỉnh Lạng Sơn",
            "Tỉnh Nghệ An",
            "Tỉnh Quảng Ninh",
            "Tỉnh Sơn La",
            "Tỉnh Thanh Hóa",
        ]
    )


def test_province_codes_are_reused_with_another_meaning():
    assert by_code(VN, LEGACY, "24")["name"] == "Tỉnh Bắc Giang"
    assert by_code(VN, NEW, "24")["name"] == "Tỉnh Bắc Ninh"
    merged_into = {link["from"]: link["to"] for link in load(VN)["lineage"]}
    assert merged_into["gso-legacy:24"] == merged_into["gso-legacy:27"] == "gso-2025:24"


def test_national_counts():
    all_units = load(VN)["units"]
    assert sum(1 for u in all_units if u["level"] == "district") == 696
    legacy = Counter(u["kind"] for u in all_units if u["level"] == "commune" and code_of(u, LEGACY))
    assert legacy == {"Xã": 7692, "Phường": 1726, "Thị trấn": 617}  # 10,035
    new = Counter(u["kind"] for u in all_units if u["level"] == "commune" and code_of(u, NEW))
    # domain.md (e) says 2.636 xã and 672 phường; both packages say 2.621 and 687 (total 3.321 either way).
    assert new == {"Xã": 2621, "Phường": 687, "Đặc khu": 13}


def test_island_districts_without_communes_pass_to_their_dac_khu():
    all_units = units(VN)
    districts = sorted(
        (all_units[link["from"]]["name"], all_units[link["to"]]["name"])
        for link in load(VN)["lineage"]
        if all_units[link["from"]]["level"] == "district"
    )
    assert districts == [
        ("Huyện Bạch Long Vĩ", "Đặc khu Bạch Long Vĩ"),
        ("Huyện Côn Đảo", "Đặc khu Côn Đảo"),
        ("Huyện Cồn Cỏ", "Đặc khu Cồn Cỏ"),
        ("Huyện Hoàng Sa", "Đặc khu Hoàng Sa"),
        ("Huyện Lý Sơn", "Đặc khu Lý Sơn"),
    ]


def test_a_renamed_one_to_one_successor_is_a_separate_unit():
    old = by_code(VN, LEGACY, "14845")
    assert (old["name"], old["valid_to"]) == ("Thị trấn Mường Lát", LEGACY_END)
    new = by_code(VN, NEW, "14845")
    assert (new["name"], new["valid_from"]) == ("Xã Mường Lát", REFORM_DATE)
    assert {
        "from": old["key"],
        "to": new["key"],
        "kind": "renamed",
        "date": REFORM_DATE,
        "partial": False,
    } in load(VN)["lineage"]
    renamed = sorted(
        (units(VN)[link["from"]]["name"], units(VN)[link["to"]]["name"])
        for link in load(VN)["lineage"]
        if link["kind"] == "renamed"
    )
    assert renamed == sorted(
        [
            ("Thị trấn Mường Lát", "Xã Mường Lát"),
            ("Thị trấn Thạnh Mỹ", "Xã Thạnh Mỹ"),
            ("Xã Bà Gia", "Xã Đạ Huoai 3"),
            ("Xã Krông Na", "Xã Buôn Đôn"),
            ("Xã Tà Si Láng", "Xã Tà Xi Láng"),
            ("Xã Thổ Châu", "Đặc khu Thổ Châu"),
            ("Xã Đak Ơ", "Xã Đăk Ơ"),
            ("Xã Đắc Lua", "Xã Đak Lua"),
        ]
    )
