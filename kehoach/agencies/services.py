"""Writes for agencies: loading `kehoach.agencies/1` files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from kehoach.agencies.choices import AgencyKind
from kehoach.agencies.models import Agency, AgencySuccession
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import ValidationFailed
from kehoach.core.text import fold, nfc
from kehoach.orgunits.models import OrgUnit
from kehoach.orgunits.selectors import unit_by_code

FORMAT_ID = "kehoach.agencies/1"


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def validate_agency_data(data: dict[str, Any]) -> tuple[list[str], dict[str, OrgUnit | None]]:
    """All problems of the document (each naming the agency) and the resolved administrative units."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        return [f"Định dạng tệp cơ quan phải là “{FORMAT_ID}”."], {}
    items = data.get("agencies")
    if not isinstance(items, list) or not items:
        return ["Tệp cơ quan không có danh sách “agencies”."], {}
    errors: list[str] = []
    codes = [a.get("code") for a in items if isinstance(a, dict)]
    known = set(codes) | set(Agency.objects.values_list("code", flat=True))
    units: dict[str, OrgUnit | None] = {}
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("code") or not item.get("name"):
            errors.append(f"Cơ quan thứ {i}: thiếu mã hoặc tên.")
            continue
        code = item["code"]
        where = f"Cơ quan {code}"
        if code in seen:
            errors.append(f"{where}: mã bị trùng.")
        seen.add(code)
        if item.get("kind", "other") not in AgencyKind.values:
            errors.append(f"{where}: loại “{item.get('kind')}” không hợp lệ.")
        if item.get("parent") and item["parent"] not in known:
            errors.append(f"{where}: cơ quan cấp trên “{item['parent']}” không tồn tại.")
        try:
            start, end = _date(item.get("valid_from")), _date(item.get("valid_to"))
        except ValueError:
            errors.append(f"{where}: ngày không hợp lệ.")
            continue
        if start and end and end < start:
            errors.append(f"{where}: ngày chấm dứt trước ngày bắt đầu.")
        ref = item.get("admin_unit")
        if ref:
            unit = unit_by_code(scheme=str(ref.get("scheme")), code=str(ref.get("code")))
            if unit is None:
                errors.append(
                    f"{where}: không tìm thấy đơn vị hành chính {ref.get('scheme')}:{ref.get('code')}."
                )
            units[code] = unit
        for succ in item.get("successors") or []:
            if succ.get("agency") not in known:
                errors.append(f"{where}: cơ quan kế thừa “{succ.get('agency')}” không tồn tại.")
    by_code = {a["code"]: a for a in items if isinstance(a, dict) and a.get("code")}
    for code, item in by_code.items():
        for succ in item.get("successors") or []:
            other = by_code.get(succ.get("agency"), {})
            try:
                when, other_end = _date(succ.get("date")), _date(other.get("valid_to"))
            except ValueError:
                errors.append(f"Cơ quan {code}: ngày kế thừa “{succ.get('date')}” không hợp lệ.")
                continue
            if when is None:
                errors.append(f"Cơ quan {code}: thiếu ngày kế thừa sang {succ.get('agency')}.")
            elif other_end and other_end < when:
                # An existing body may take over duties; one that had already ceased cannot.
                errors.append(
                    f"Cơ quan {code}: cơ quan kế thừa {succ['agency']} đã chấm dứt ({other_end:%d/%m/%Y}) "
                    f"trước ngày nhận nhiệm vụ ({when:%d/%m/%Y})."
                )
    return errors, units


@transaction.atomic
def load_agency_data(*, data: dict[str, Any], actor: Any = None, channel: Channel = Channel.CLI) -> int:
    """Create or update the agencies of a file, all or nothing. Returns how many it holds."""
    errors, units = validate_agency_data(data)
    if errors:
        raise ValidationFailed("Tệp cơ quan có lỗi, không nạp gì.", messages=errors)
    agencies: dict[str, Agency] = {}
    for item in data["agencies"]:
        names = [
            nfc(item["name"]),
            nfc(item.get("short_name") or ""),
            *[nfc(a) for a in item.get("aliases") or []],
        ]
        agencies[item["code"]], _ = Agency.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": names[0],
                "short_name": names[1],
                "kind": item.get("kind") or AgencyKind.OTHER,
                "sector": item.get("sector") or "",
                "admin_unit": units.get(item["code"]),
                "valid_from": _date(item.get("valid_from")),
                "valid_to": _date(item.get("valid_to")),
                "aliases": names[2:],
                "note": nfc(item.get("note") or ""),
                "search_text": " | ".join(fold(n) for n in names if n),
            },
        )
    for item in data["agencies"]:
        agency = agencies[item["code"]]
        agency.parent = agencies.get(item.get("parent") or "") or (
            Agency.objects.get(code=item["parent"]) if item.get("parent") else None
        )
        agency.save(update_fields=["parent"])
        for succ in item.get("successors") or []:
            AgencySuccession.objects.update_or_create(
                predecessor=agency,
                successor=agencies.get(succ["agency"]) or Agency.objects.get(code=succ["agency"]),
                defaults={
                    "date": dt.date.fromisoformat(str(succ["date"])),
                    "note": nfc(succ.get("note") or ""),
                },
            )
    record_event(
        actor=actor,
        action="agencies.load",
        object_type="agencies.file",
        object_id="",
        changes={"agencies": len(agencies)},
        channel=channel,
    )
    return len(agencies)
