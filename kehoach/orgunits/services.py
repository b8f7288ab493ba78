"""Writes for administrative units: loading data files and adding villages."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

from django.db import transaction

from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import ValidationFailed
from kehoach.core.text import fold, nfc
from kehoach.orgunits.choices import LineageKind
from kehoach.orgunits.models import CodeScheme, OrgUnit, UnitCode, UnitLevel, UnitLineage, UnitParent
from kehoach.orgunits.validation import validate_unit_data

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_unit_file(path: Path) -> dict[str, Any]:
    """Read a `kehoach.units/1` file (.json or .json.gz)."""
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationFailed(f"Không đọc được tệp đơn vị hành chính {path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise ValidationFailed(f"Tệp {path.name} không đúng định dạng kehoach.units/1.")
    return data


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@transaction.atomic
def load_unit_data(*, data: dict[str, Any], actor: Any = None, channel: Channel = Channel.CLI) -> int:
    """Create or update the units of a `kehoach.units/1` document; all or nothing.

    Units are matched by `key`, so loading the national list after a province's file updates the
    province's units instead of duplicating them. Returns the number of units in the file.
    """
    existing_codes = {
        (scheme, code): key
        for scheme, code, key in UnitCode.objects.values_list("scheme__code", "code", "unit__key")
    }
    errors = validate_unit_data(data, existing_codes=existing_codes)
    if errors:
        raise ValidationFailed("Tệp đơn vị hành chính có lỗi, không nạp gì.", messages=errors)

    levels = {}
    for lv in data["levels"]:
        levels[lv["code"]], _ = UnitLevel.objects.update_or_create(
            code=lv["code"], defaults={"name": nfc(lv["name"]), "rank": lv["rank"]}
        )
    schemes = {}
    for sc in data["schemes"]:
        schemes[sc["code"]], _ = CodeScheme.objects.update_or_create(
            code=sc["code"],
            defaults={
                "name": nfc(sc["name"]),
                "valid_from": _date(sc.get("valid_from")),
                "valid_to": _date(sc.get("valid_to")),
            },
        )
    # Bulk writes: the national list has ~14,000 units; row-by-row saves take half a minute.
    keys = [x["key"] for x in data["units"]]
    units = {u.key: u for u in OrgUnit.objects.filter(key__in=keys)}
    new_units, changed = [], []
    for item in data["units"]:
        name = nfc(item["name"])
        fields = {
            "name": name,
            "kind": nfc(item.get("kind") or ""),
            "level": levels.get(item["level"]) or UnitLevel.objects.get(code=item["level"]),
            "valid_from": _date(item.get("valid_from")),
            "valid_to": _date(item.get("valid_to")),
            "is_demo": bool(item.get("demo", False)),
            "search_text": fold(name),
        }
        unit = units.get(item["key"])
        if unit is None:
            new_units.append(OrgUnit(key=item["key"], **fields))
        elif any(getattr(unit, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(unit, k, v)
            changed.append(unit)
    OrgUnit.objects.bulk_create(new_units, batch_size=1000)
    OrgUnit.objects.bulk_update(
        changed,
        ["name", "kind", "level", "valid_from", "valid_to", "is_demo", "search_text"],
        batch_size=1000,
    )
    refs = set(keys) | {p["parent"] for x in data["units"] for p in x.get("parents", [])}
    refs |= {k for ln in data.get("lineage", []) for k in (ln["from"], ln["to"])}
    by_key = {u.key: u for u in OrgUnit.objects.filter(key__in=refs)}
    have_codes = set(
        UnitCode.objects.filter(unit__key__in=keys).values_list("unit_id", "scheme__code", "code")
    )
    scheme_by_code = {sc.code: sc for sc in CodeScheme.objects.all()}
    UnitCode.objects.bulk_create(
        [
            UnitCode(unit=by_key[item["key"]], scheme=scheme_by_code[c["scheme"]], code=c["code"])
            for item in data["units"]
            for c in item["codes"]
            if (by_key[item["key"]].pk, c["scheme"], c["code"]) not in have_codes
        ],
        batch_size=1000,
    )
    UnitParent.objects.filter(unit__key__in=keys).delete()
    UnitParent.objects.bulk_create(
        [
            UnitParent(
                unit=by_key[item["key"]],
                parent=by_key[p["parent"]],
                valid_from=_date(p.get("valid_from")),
                valid_to=_date(p.get("valid_to")),
            )
            for item in data["units"]
            for p in item.get("parents", [])
        ],
        batch_size=1000,
    )
    existing = {
        (ln.predecessor_id, ln.successor_id): ln
        for ln in UnitLineage.objects.filter(predecessor__key__in=refs)
    }
    fresh, updated = [], []
    for ln in data.get("lineage", []):
        values = {
            "kind": LineageKind(ln["kind"]),
            "date": dt.date.fromisoformat(ln["date"]),
            "partial": bool(ln.get("partial", False)),
            "note": nfc(ln.get("note", "")),
        }
        pred, succ = by_key[ln["from"]], by_key[ln["to"]]
        row = existing.get((pred.pk, succ.pk))
        if row is None:
            fresh.append(UnitLineage(predecessor=pred, successor=succ, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            updated.append(row)
    UnitLineage.objects.bulk_create(fresh, batch_size=1000)
    UnitLineage.objects.bulk_update(updated, ["kind", "date", "partial", "note"], batch_size=1000)
    source = data.get("source", {})
    record_event(
        actor=actor,
        action="units.load",
        object_type="orgunits.source",
        object_id=str(source.get("scope", ""))[:64],
        changes={"units": len(data["units"]), "source": source},
        channel=channel,
    )
    return len(data["units"])


@transaction.atomic
def add_village(
    *,
    commune: OrgUnit,
    name: str,
    actor: Any,
    is_demo: bool = False,
    valid_from: dt.date | None = None,
    channel: Channel = Channel.WEB,
) -> OrgUnit:
    """Add a village (thôn/bản) under a commune; the key is derived from the commune's key."""
    name = nfc(name).strip()
    if not name:
        raise ValidationFailed("Tên thôn/bản không được để trống.")
    level = UnitLevel.objects.get(code="village")
    if commune.level.rank >= level.rank:
        raise ValidationFailed(f"Không thể thêm thôn/bản dưới {commune.name}: đơn vị này không phải cấp xã.")
    siblings = OrgUnit.objects.filter(parent_links__parent=commune, level=level)
    if any(fold(s.name) == fold(name) for s in siblings):
        raise ValidationFailed(f"{commune.name} đã có thôn/bản tên “{name}”.")
    key = f"{commune.key}/v{siblings.count() + 1}"
    while OrgUnit.objects.filter(key=key).exists():
        key += "x"
    village = OrgUnit.objects.create(
        key=key,
        name=name,
        kind=name.split(" ")[0],
        level=level,
        valid_from=valid_from,
        is_demo=is_demo,
        search_text=fold(name),
    )
    UnitParent.objects.create(unit=village, parent=commune, valid_from=valid_from)
    record_event(
        actor=actor,
        action="units.add_village",
        obj=village,
        changes={"parent": commune.key, "name": name, "is_demo": is_demo},
        channel=channel,
    )
    return village
