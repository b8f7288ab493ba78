"""Checks on a `kehoach.units/1` document before anything is written. Pure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kehoach.orgunits.choices import LineageKind

FORMAT_ID = "kehoach.units/1"


def _date(value: Any, where: str, errors: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        errors.append(f"{where}: ngày “{value}” không hợp lệ (cần dạng YYYY-MM-DD).")
        return None


def validate_unit_data(data: dict[str, Any], *, existing_codes: dict[tuple[str, str], str]) -> list[str]:
    """Every problem of the document, each naming the element; empty when it can be loaded."""
    errors: list[str] = []
    if data.get("format") != FORMAT_ID:
        return [f"Định dạng tệp phải là “{FORMAT_ID}”, nhận được “{data.get('format')}”."]
    for part in ("levels", "schemes", "units"):
        if not isinstance(data.get(part), list):
            errors.append(f"Thiếu danh sách “{part}”.")
    if errors:
        return errors
    levels = {lv.get("code") for lv in data["levels"]}
    schemes = {sc.get("code") for sc in data["schemes"]}
    keys: dict[str, dict[str, Any]] = {}
    seen_codes: dict[tuple[str, str], str] = {}
    for i, unit in enumerate(data["units"], start=1):
        key = unit.get("key")
        where = f"Đơn vị {key or f'thứ {i}'}"
        if not key or not unit.get("name"):
            errors.append(f"{where}: thiếu khóa hoặc tên.")
            continue
        if key in keys:
            errors.append(f"{where}: khóa bị trùng.")
        keys[key] = unit
        if unit.get("level") not in levels:
            errors.append(f"{where}: cấp “{unit.get('level')}” không có trong danh sách cấp.")
        start = _date(unit.get("valid_from"), where, errors)
        end = _date(unit.get("valid_to"), where, errors)
        if start and end and end < start:
            errors.append(f"{where}: ngày hết hiệu lực {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.")
        for code in unit.get("codes") or []:
            pair = (code.get("scheme"), str(code.get("code")))
            if pair[0] not in schemes:
                errors.append(f"{where}: hệ mã “{pair[0]}” không có trong danh sách hệ mã.")
            other = seen_codes.get(pair) or existing_codes.get(pair)
            if other and other != key:
                errors.append(f"{where}: mã {pair[0]}:{pair[1]} đã dùng cho đơn vị {other}.")
            seen_codes[pair] = key
    for key, unit in keys.items():
        for link in unit.get("parents") or []:
            parent = link.get("parent")
            if parent not in keys and not any(v == parent for v in existing_codes.values()):
                errors.append(f"Đơn vị {key}: đơn vị cấp trên “{parent}” không tồn tại.")
            if parent == key:
                errors.append(f"Đơn vị {key}: không thể trực thuộc chính nó.")
    for i, ln in enumerate(data.get("lineage") or [], start=1):
        src, dst = ln.get("from"), ln.get("to")
        where = f"Quan hệ kế thừa thứ {i} ({src} → {dst})"
        if src not in keys or dst not in keys:
            errors.append(f"{where}: đơn vị không tồn tại trong tệp.")
            continue
        if ln.get("kind") not in LineageKind.values:
            errors.append(f"{where}: loại “{ln.get('kind')}” không hợp lệ.")
        _date(ln.get("date"), where, errors)
        end = _date(keys[src].get("valid_to"), where, errors)
        start = _date(keys[dst].get("valid_from"), where, errors)
        if end is None or start is None or end >= start:
            errors.append(
                f"{where}: thời gian hiệu lực của đơn vị cũ và đơn vị kế thừa chồng lên nhau "
                f"(đơn vị cũ hết hiệu lực {end or 'không xác định'}, đơn vị mới bắt đầu {start or 'không xác định'})."
            )
    return errors
