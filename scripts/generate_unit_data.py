#!/usr/bin/env python3
"""Generate kehoach's administrative-unit data files (format ``kehoach.units/1``).

The source is the ``vietnamadminunits`` package (MIT), which ships the pre-2025 (legacy) and the
2025 lists of Vietnamese administrative units and an old-to-new converter table. The package pulls
in numpy/shapely, so it is *not* a kehoach dependency: run this script with a separate venv::

    python3 -m venv /tmp/genvenv
    /tmp/genvenv/bin/pip install vietnamadminunits==1.0.4
    /tmp/genvenv/bin/python scripts/generate_unit_data.py --generated-on 2026-11-29
    /tmp/genvenv/bin/python scripts/generate_unit_data.py --generated-on 2026-11-29 --check

The script only reads the package's data files (``data/dataset.db`` and
``data/converter_2025.json``) with the standard library; it never imports the package. Output is
deterministic: same package version + same ``--generated-on`` gives byte-identical files.
docs/unit-data-format.md describes the format and the rules applied here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.metadata
import importlib.util
import json
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT_ID = "kehoach.units/1"
PACKAGE = "vietnamadminunits"
EXPECTED_VERSION = "1.0.4"
PACKAGE_LICENSE = "MIT"
PACKAGE_URL = "https://pypi.org/project/vietnamadminunits/"

LEGACY = "gso-legacy"
NEW = "gso-2025"
LEGACY_END = "2025-06-30"
REFORM_DATE = "2025-07-01"

LEVELS: list[dict[str, Any]] = [
    {"code": "province", "name": "Tỉnh/Thành phố", "rank": 1},
    {"code": "district", "name": "Huyện/Quận/Thị xã/Thành phố thuộc tỉnh", "rank": 2},
    {"code": "commune", "name": "Xã/Phường/Thị trấn/Đặc khu", "rank": 3},
    {"code": "village", "name": "Thôn/Bản/Tổ dân phố", "rank": 4},
]
SCHEMES: list[dict[str, Any]] = [
    {"code": LEGACY, "name": "Mã GSO trước 01/7/2025", "valid_to": LEGACY_END},
    {"code": NEW, "name": "Mã GSO từ 01/7/2025", "valid_from": REFORM_DATE},
]
RANK = {level["code"]: level["rank"] for level in LEVELS}
SCHEME_ORDER = {scheme["code"]: i for i, scheme in enumerate(SCHEMES)}
PROVINCE_KINDS = ("Thành phố", "Tỉnh")

# The files kehoach ships: (file name, province code or None for the whole country).
OUTPUTS: tuple[tuple[str, str | None], ...] = (("lai-chau.json", "12"), ("vietnam.json.gz", None))
PROVINCE_LABELS = {"12": "Lai Châu"}

# A 1:1 successor whose name or kind changed (e.g. Thị trấn Mường Lát -> Xã Mường Lát, Xã Krông Na ->
# Xã Buôn Đôn) is kept as two units joined by a `renamed` link, because a unit carries one name and
# one kind. Set to False to merge such pairs into one unit under the 2025 name (the area rule alone).
SPLIT_RENAMED_UNITS = True


@dataclass(frozen=True)
class Correction:
    """A value the package gives differently from the official one.

    ``field`` is "name" or "kind"; ``from_`` is the package's value, ``to`` the official one. A
    correction whose ``to`` value is already present is a guard (nothing applied, nothing
    recorded); any other value stops the generator, since the package has changed and the table
    must be reviewed.
    """

    scheme: str
    code: str
    field: str
    from_: str
    to: str
    reason: str


_CAPITALISATION = (
    "capitalisation error in the package (a syllable that starts with an accented vowel is "
    "lowercased); the official name capitalises every syllable"
)
_PREFIX = "the kind prefix is written in sentence case ('Thành phố', 'Thị xã', 'Thị trấn')"
_TYPE = (
    "the package's type column contradicts the unit's name; the name's kind is confirmed by "
    "vietnam-provinces 2026.9.0"
)
CORRECTIONS: tuple[Correction, ...] = (
    # Lai Châu (the seed's area); domain.md (g) gives the official spellings.
    Correction(
        LEGACY,
        "03442",
        "name",
        "Xã Pa ủ",
        "Xã Pa Ủ",
        _CAPITALISATION + "; the package's own 2025 list spells the successor 'Xã Pa Ủ'",
    ),
    Correction(
        LEGACY,
        "03448",
        "name",
        "Xã Pa Vệ Sử",
        "Xã Pa Vệ Sủ",
        "official spelling is 'Pa Vệ Sủ'; vietnam-provinces spells it 'Pa Vệ Sử' (a guard: "
        "vietnamadminunits 1.0.4 already has the official spelling)",
    ),
    # Same capitalisation error elsewhere.
    Correction(LEGACY, "00679", "name", "Xã Đại áng", "Xã Đại Áng", _CAPITALISATION),
    Correction(
        LEGACY,
        "03727",
        "name",
        "Xã Mường é",
        "Xã Mường É",
        _CAPITALISATION + "; the package's 2025 list has 'Xã Mường É'",
    ),
    Correction(LEGACY, "03742", "name", "Xã é Tòng", "Xã É Tòng", _CAPITALISATION),
    Correction(LEGACY, "06337", "name", "Xã Đồng ý", "Xã Đồng Ý", _CAPITALISATION),
    Correction(
        LEGACY,
        "23554",
        "name",
        "Xã Ya ly",
        "Xã Ya Ly",
        _CAPITALISATION + "; the package's 2025 list has 'Xã Ya Ly'",
    ),
    # Kind prefixes in title case.
    Correction(LEGACY, "058", "name", "Thành Phố Bắc Kạn", "Thành phố Bắc Kạn", _PREFIX),
    Correction(LEGACY, "095", "name", "Thị Xã Mường Lay", "Thị xã Mường Lay", _PREFIX),
    Correction(LEGACY, "222", "name", "Thị Xã Việt Yên", "Thị xã Việt Yên", _PREFIX),
    Correction(LEGACY, "450", "name", "Thành Phố Đồng Hới", "Thành phố Đồng Hới", _PREFIX),
    Correction(LEGACY, "644", "name", "Thị Xã Buôn Hồ", "Thị xã Buôn Hồ", _PREFIX),
    Correction(LEGACY, "19624", "name", "Thị Trấn Ái Tử", "Thị trấn Ái Tử", _PREFIX),
    Correction(LEGACY, "20467", "name", "Thị Trấn Prao", "Thị trấn Prao", _PREFIX),
    Correction(LEGACY, "22319", "name", "Thị Trấn Phú Hòa", "Thị trấn Phú Hòa", _PREFIX),
    Correction(LEGACY, "30688", "name", "Thị Trấn Óc Eo", "Thị trấn Óc Eo", _PREFIX),
    Correction(LEGACY, "32191", "name", "Thị Trấn Năm Căn", "Thị trấn Năm Căn", _PREFIX),
    # Type column contradicting the name.
    Correction(LEGACY, "15061", "kind", "Xã", "Thị trấn", _TYPE + " (Thị trấn Ngọc Lặc)"),
    Correction(LEGACY, "27046", "kind", "Xã", "Phường", _TYPE + " (Phường 5)"),
    Correction(
        LEGACY,
        "27076",
        "kind",
        "Xã",
        "Phường",
        "the package's type column contradicts the unit's name (Phường 15)",
    ),
    Correction(NEW, "10543", "kind", "Xã", "Phường", _TYPE + " (Phường Việt Hòa)"),
    Correction(NEW, "11848", "kind", "Phường", "Xã", _TYPE + " (Xã Vĩnh Hòa)"),
    Correction(NEW, "31213", "kind", "Xã", "Phường", _TYPE + " (Phường Tân Lộc)"),
    Correction(NEW, "31299", "kind", "Phường", "Xã", _TYPE + " (Xã Phong Điền)"),
)


class DataError(Exception):
    """The package's data does not satisfy an assumption this generator relies on."""


@dataclass
class Record:
    """One unit as one list of the package gives it (before units are joined across lists)."""

    scheme: str
    code: str
    name: str
    kind: str
    level: str
    parent: str | None  # code of the parent in the same scheme


@dataclass
class Source:
    """The package's data, keyed by (scheme, code)."""

    version: str
    records: dict[tuple[str, str], Record]
    province_sources: dict[str, list[str]]  # 2025 province code -> legacy province codes
    # 2025 commune code -> [(legacy level, legacy code, partial)]
    commune_sources: dict[str, list[tuple[str, str, bool]]]
    corrections: list[dict[str, str]] = field(default_factory=list)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def locate_package() -> tuple[str, Path]:
    """Return the installed package version and its data directory, without importing it."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(f"{PACKAGE} is not installed in this interpreter ({sys.executable})")
    data_dir = Path(next(iter(spec.submodule_search_locations))) / "data"
    return importlib.metadata.version(PACKAGE), data_dir


def _kind_of(name: str, kinds: Iterable[str]) -> str:
    for kind in kinds:
        if name.startswith(kind + " "):
            return kind
    raise DataError(f"name {name!r} does not start with any of {sorted(kinds)}")


def _put(records: dict[tuple[str, str], Record], record: Record) -> None:
    """Add a record; the same code seen again (one row per commune) must say the same thing."""
    key = (record.scheme, record.code)
    if key in records and records[key] != record:
        raise DataError(f"conflicting rows for {key}: {records[key]} / {record}")
    records[key] = record


def read_source(version: str, data_dir: Path) -> Source:
    """Read the legacy and 2025 tables and the converter, mapping the converter's name keys to codes."""
    records: dict[tuple[str, str], Record] = {}
    legacy_keys: dict[str, tuple[str, str]] = {}  # converter key -> (level, code)
    legacy_province_keys: dict[str, str] = {}
    new_keys: dict[str, str] = {}
    new_province_keys: dict[str, str] = {}
    with sqlite3.connect(data_dir / "dataset.db") as conn:
        conn.row_factory = sqlite3.Row
        for row in conn.execute("SELECT * FROM admin_units_legacy"):
            pcode, dcode = row["provinceCode"], row["districtCode"]
            province = _nfc(row["province"])
            _put(
                records, Record(LEGACY, pcode, province, _kind_of(province, PROVINCE_KINDS), "province", None)
            )
            _put(
                records, Record(LEGACY, dcode, _nfc(row["district"]), row["districtType"], "district", pcode)
            )
            legacy_province_keys[row["provinceKey"]] = pcode
            prefix = f"{row['provinceKey']}_{row['districtKey']}_"
            if row["wardCode"] is None:
                # Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Côn Đảo, Hoàng Sa, Lý Sơn):
                # the converter maps the district itself to its 2025 đặc khu.
                legacy_keys[prefix] = ("district", dcode)
                continue
            _put(
                records, Record(LEGACY, row["wardCode"], _nfc(row["ward"]), row["wardType"], "commune", dcode)
            )
            legacy_keys[prefix + row["wardKey"]] = ("commune", row["wardCode"])
        for row in conn.execute("SELECT * FROM admin_units"):
            pcode = row["provinceCode"]
            province = _nfc(row["province"])
            _put(records, Record(NEW, pcode, province, _kind_of(province, PROVINCE_KINDS), "province", None))
            _put(records, Record(NEW, row["wardCode"], _nfc(row["ward"]), row["wardType"], "commune", pcode))
            new_province_keys[row["provinceKey"]] = pcode
            new_keys[f"{row['provinceKey']}_{row['wardKey']}"] = row["wardCode"]

    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    province_sources = {
        new_province_keys[new]: sorted(legacy_province_keys[old] for old in olds)
        for new, olds in converter["DICT_PROVINCE"].items()
    }
    commune_sources: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    seen: dict[str, str] = {}
    for pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in wards.items():
            for old in olds:
                if old in seen:
                    raise DataError(f"{old} is mapped twice ({seen[old]})")
                seen[old] = "whole"
                level, code = legacy_keys[old]
                commune_sources[new_keys[f"{pkey}_{wkey}"]].append((level, code, False))
    for pkey, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            if old in seen or len(parts) < 2:
                raise DataError(f"divided unit {old} is also mapped whole or has < 2 parts")
            seen[old] = "divided"
            level, code = legacy_keys[old]
            for part in parts:
                commune_sources[new_keys[f"{pkey}_{part['newWardKey']}"]].append((level, code, True))
    unmapped = set(legacy_keys) - set(seen)
    if unmapped:
        raise DataError(f"legacy units without a 2025 successor: {sorted(unmapped)}")
    if set(commune_sources) != {
        code for (scheme, code), r in records.items() if scheme == NEW and r.level == "commune"
    }:
        raise DataError("the converter does not cover exactly the 2025 communes")
    return Source(version, records, province_sources, dict(commune_sources))


def apply_corrections(source: Source, corrections: Sequence[Correction]) -> list[Correction]:
    """Apply the correction table in place; return the corrections actually applied."""
    applied = []
    for corr in corrections:
        record = source.records.get((corr.scheme, corr.code))
        if record is None:
            raise DataError(f"correction for unknown unit {corr.scheme}:{corr.code}")
        value = getattr(record, corr.field)
        if value == corr.from_:
            setattr(record, corr.field, corr.to)
            applied.append(corr)
        elif value != corr.to:
            raise DataError(
                f"{corr.scheme}:{corr.code} {corr.field} is {value!r}, expected "
                f"{corr.from_!r} or {corr.to!r}: review the correction table"
            )
    for (scheme, code), record in source.records.items():
        if (
            not record.name.startswith(record.kind + " ")
            or "  " in record.name
            or record.name != record.name.strip()
        ):
            raise DataError(
                f"{scheme}:{code}: name {record.name!r} does not read '<kind> <name>' "
                f"for kind {record.kind!r}; add a correction"
            )
    return applied


def _code(scheme: str, code: str) -> dict[str, str]:
    return {"scheme": scheme, "code": code}


def _parent(key: str, valid_from: str | None, valid_to: str | None) -> dict[str, Any]:
    return {"parent": key, "valid_from": valid_from, "valid_to": valid_to}


def _unit(
    key: str,
    record: Record,
    valid_from: str | None,
    valid_to: str | None,
    codes: list[dict[str, str]],
    parents: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "key": key,
        "name": record.name,
        "kind": record.kind,
        "level": record.level,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "codes": codes,
        "parents": parents,
    }


def _link(src: str, dst: str, partial: bool, renamed: bool = False) -> dict[str, Any]:
    kind = "split_into" if partial else "renamed" if renamed else "merged_into"
    return {"from": src, "to": dst, "kind": kind, "date": REFORM_DATE, "partial": partial}


def _same_body(old: Record, new: Record) -> bool:
    if not SPLIT_RENAMED_UNITS:
        return True
    # Case-only differences ("Ea H'leo" / "Ea H'Leo") are spelling, not renaming.
    return old.kind == new.kind and old.name.casefold() == new.name.casefold()


def build_units(source: Source) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Join the two lists into units with history and lineage (the rules of docs/unit-data-format.md)."""
    rec = source.records
    units: dict[str, dict[str, Any]] = {}
    lineage: list[dict[str, Any]] = []

    # Provinces: one unit when the 2025 province has exactly one legacy source with the same code.
    province_key: dict[tuple[str, str], str] = {}  # (scheme, code) -> unit key
    for ncode, olds in sorted(source.province_sources.items()):
        new = rec[(NEW, ncode)]
        if olds == [ncode] and rec[(LEGACY, ncode)].name == new.name:
            key = f"{LEGACY}:{ncode}"
            units[key] = _unit(key, new, None, None, [_code(LEGACY, ncode), _code(NEW, ncode)], [])
            province_key[(LEGACY, ncode)] = province_key[(NEW, ncode)] = key
            continue
        key = f"{NEW}:{ncode}"
        units[key] = _unit(key, new, REFORM_DATE, None, [_code(NEW, ncode)], [])
        province_key[(NEW, ncode)] = key
        for ocode in olds:
            okey = f"{LEGACY}:{ocode}"
            units[okey] = _unit(okey, rec[(LEGACY, ocode)], None, LEGACY_END, [_code(LEGACY, ocode)], [])
            province_key[(LEGACY, ocode)] = okey
            lineage.append(_link(okey, key, False))

    # Districts: the level was abolished, so every district ends; none has a successor except the
    # island districts without communes, whose successor is the đặc khu the converter names.
    for (scheme, code), r in sorted(rec.items()):
        if scheme == LEGACY and r.level == "district":
            assert r.parent is not None
            key = f"{LEGACY}:{code}"
            units[key] = _unit(
                key,
                r,
                None,
                LEGACY_END,
                [_code(LEGACY, code)],
                [_parent(province_key[(LEGACY, r.parent)], None, LEGACY_END)],
            )

    # Communes.
    unchanged: dict[str, str] = {}  # legacy code -> 2025 code
    for ncode, sources in source.commune_sources.items():
        if len(sources) == 1 and sources[0][0] == "commune" and not sources[0][2]:
            ocode = sources[0][1]
            if _same_body(rec[(LEGACY, ocode)], rec[(NEW, ncode)]):
                unchanged[ocode] = ncode
    for (scheme, code), r in sorted(rec.items()):
        if r.level != "commune":
            continue
        assert r.parent is not None
        if scheme == LEGACY and code in unchanged:
            ncode = unchanged[code]
            new = rec[(NEW, ncode)]
            assert new.parent is not None
            key = f"{LEGACY}:{code}"
            units[key] = _unit(
                key,
                new,
                None,
                None,
                [_code(LEGACY, code), _code(NEW, ncode)],
                [
                    _parent(f"{LEGACY}:{r.parent}", None, LEGACY_END),
                    _parent(province_key[(NEW, new.parent)], REFORM_DATE, None),
                ],
            )
        elif scheme == LEGACY:
            key = f"{LEGACY}:{code}"
            units[key] = _unit(
                key,
                r,
                None,
                LEGACY_END,
                [_code(LEGACY, code)],
                [_parent(f"{LEGACY}:{r.parent}", None, LEGACY_END)],
            )
        elif code not in unchanged.values():
            key = f"{NEW}:{code}"
            units[key] = _unit(
                key,
                r,
                REFORM_DATE,
                None,
                [_code(NEW, code)],
                [_parent(province_key[(NEW, r.parent)], REFORM_DATE, None)],
            )
    for ncode, sources in source.commune_sources.items():
        if ncode in unchanged.values():
            continue
        # A sole whole commune source means the same area under a new name or kind.
        renamed = len(sources) == 1 and sources[0][0] == "commune" and not sources[0][2]
        for _level, ocode, partial in sources:
            lineage.append(_link(f"{LEGACY}:{ocode}", f"{NEW}:{ncode}", partial, renamed))
    return units, lineage


def unit_order(key: str) -> tuple[str, int]:
    """Sort key of a unit key: scheme in the order of SCHEMES, then the code as a number."""
    scheme, code = key.split(":", 1)
    return (f"{SCHEME_ORDER[scheme]:02d}", int(code))


def select(
    units: dict[str, dict[str, Any]], lineage: list[dict[str, Any]], province: str | None
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """The units of one province (by its legacy or 2025 code), closed over references."""
    if province is None:
        return units, lineage

    def in_province(key: str) -> bool:
        unit = units[key]
        if any(c["code"] == province for c in unit["codes"]) and unit["level"] == "province":
            return True
        return any(in_province(p["parent"]) for p in unit["parents"])

    chosen = {key for key in units if in_province(key)}
    links = [link for link in lineage if link["from"] in chosen or link["to"] in chosen]
    pending = [k for link in links for k in (link["from"], link["to"])]
    while pending:
        key = pending.pop()
        if key not in chosen:
            chosen.add(key)
            pending.extend(p["parent"] for p in units[key]["parents"])
    return {k: units[k] for k in chosen}, links


def build_document(
    source: Source, applied: Sequence[Correction], generated_on: str, province: str | None
) -> dict[str, Any]:
    all_units, all_lineage = build_units(source)
    units, lineage = select(all_units, all_lineage, province)
    scope = "national" if province is None else f"province {province} ({PROVINCE_LABELS[province]})"
    corrections = []
    for corr in applied:
        key = next(
            (k for k, u in units.items() if {"scheme": corr.scheme, "code": corr.code} in u["codes"]), None
        )
        if key is not None:
            corrections.append(
                {"key": key, "field": corr.field, "from": corr.from_, "to": corr.to, "reason": corr.reason}
            )
    corrections.sort(key=lambda c: (unit_order(c["key"]), c["field"]))
    ordered = sorted(units.values(), key=lambda u: (RANK[u["level"]], unit_order(u["key"])))
    lineage = sorted(lineage, key=lambda link: (unit_order(link["from"]), unit_order(link["to"])))
    return {
        "format": FORMAT_ID,
        "source": {
            "package": PACKAGE,
            "version": source.version,
            "license": PACKAGE_LICENSE,
            "url": PACKAGE_URL,
            "generated_on": generated_on,
            "scope": scope,
            "corrections": corrections,
        },
        "levels": LEVELS,
        "schemes": SCHEMES,
        "units": ordered,
        "lineage": lineage,
    }


def render(document: dict[str, Any]) -> str:
    """Serialise with one list item per line: small diffs, still valid JSON."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    parts = []
    for name, value in document.items():
        if isinstance(value, list):
            items = ",\n".join(f"    {compact(item)}" for item in value)
            parts.append(f'  "{name}": [\n{items}\n  ]' if value else f'  "{name}": []')
        elif isinstance(value, dict):
            body = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            parts.append(f'  "{name}": {body}')
        else:
            parts.append(f'  "{name}": {compact(value)}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def encode(file_name: str, text: str) -> bytes:
    data = text.encode("utf-8")
    # mtime=0 and no file name in the header keep the .gz byte-identical across runs.
    return gzip.compress(data, compresslevel=9, mtime=0) if file_name.endswith(".gz") else data


def main(argv: Sequence[str] | None = None) -> int:
    default_out = Path(__file__).resolve().parent.parent / "kehoach" / "orgunits" / "data"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--generated-on",
        required=True,
        type=dt.date.fromisoformat,
        help="date recorded as source.generated_on (ISO, fixed for reproducibility)",
    )
    parser.add_argument("--out-dir", type=Path, default=default_out)
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare with the files on disk instead of writing; exit 1 on difference",
    )
    parser.add_argument(
        "--allow-other-version",
        action="store_true",
        help=f"accept a package version other than {EXPECTED_VERSION}",
    )
    args = parser.parse_args(argv)

    version, data_dir = locate_package()
    if version != EXPECTED_VERSION and not args.allow_other_version:
        parser.error(
            f"{PACKAGE} {version} installed; the correction table was checked against "
            f"{EXPECTED_VERSION} (use --allow-other-version after reviewing it)"
        )
    source = read_source(version, data_dir)
    applied = apply_corrections(source, CORRECTIONS)

    status = 0
    for file_name, province in OUTPUTS:
        document = build_document(source, applied, args.generated_on.isoformat(), province)
        data = encode(file_name, render(document))
        path = args.out_dir / file_name
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                print(f"{path}: differs from a fresh generation", file=sys.stderr)
                status = 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(
            f"{path}: {len(document['units'])} units, {len(document['lineage'])} lineage links, "
            f"{len(data):,} bytes"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
