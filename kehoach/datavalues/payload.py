"""dataValueSets payloads (DHIS2 JSON shape, or CSV) into ValueRows. Pure: bytes in, rows out.

A payload that cannot be read at all (not JSON, wrong encoding, too deep, too many rows) raises
PayloadError, answered 400 with nothing written. A value that cannot be read becomes a Problem on
its row, so the import summary still accounts for every row received.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from kehoach.core.text import nfc
from kehoach.datavalues import rows as r

MAX_ROWS = 50_000
MAX_TEXT = 2000
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
# C0 controls (except tab, newline, return), DEL, and lone surrogates JSON can smuggle in ("\ud800"):
# stored text would break the database encoding or every XML export later.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Names of the row fields in this format, for messages ("dataValues[3].orgUnit: ...").
FIELD_NAMES = {
    r.UNIT: "orgUnit",
    r.PERIOD: "period",
    r.ELEMENT: "dataElement",
    r.OPTION_COMBO: "categoryOptionCombo",
    r.VALUE: "value",
    r.COMMENT: "comment",
    r.VERSION: "version",
}
CSV_COLUMNS = {
    "dataelement": r.ELEMENT,
    "period": r.PERIOD,
    "orgunit": r.UNIT,
    "categoryoptioncombo": r.OPTION_COMBO,
    "catoptcombo": r.OPTION_COMBO,
    "value": r.VALUE,
    "comment": r.COMMENT,
    "version": r.VERSION,
}


class PayloadError(ValueError):
    """The payload as a whole is unreadable (message in Vietnamese)."""


@dataclass
class Payload:
    data_set: str
    rows: list[r.ValueRow]


def _reject_constant(name: str) -> Any:
    raise PayloadError(f"Giá trị “{name}” không phải là số hợp lệ trong JSON.")


def decode_text(body: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused, not guessed:
    legacy Vietnamese encodings (TCVN3, VNI, cp1258) would silently turn names into garbage."""
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return body.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PayloadError("Nội dung UTF-16 bị hỏng.") from exc
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PayloadError(
            "Nội dung không phải UTF-8 (có thể là mã TCVN3/VNI cũ): hãy lưu lại với bảng mã UTF-8."
        ) from exc


def read_value(raw: Any) -> tuple[Decimal | None, str | None]:
    """A JSON number or a plain decimal string ("1234.5"); "" and null delete. Machine formats use
    the dot as decimal mark, so "1.234" is one point two three four here, never a thousand."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None, None
    if isinstance(raw, bool) or not isinstance(raw, int | Decimal | str):
        return None, "giá trị phải là số."
    if isinstance(raw, str):
        text = raw.strip()
        if not _PLAIN_NUMBER.match(text):
            return (
                None,
                f"“{text[:40]}” không phải số dạng 1234.5 (dấu chấm thập phân, không có dấu phân cách nghìn).",
            )
        raw = text
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None, "giá trị phải là số."
    return (value, None) if value.is_finite() else (None, "giá trị phải là số hữu hạn.")


def read_text(raw: Any) -> str | None:
    if raw is None:
        return None
    return _CONTROL.sub("", nfc(str(raw))).strip()[:MAX_TEXT]


def _row(line: int, item: dict[str, Any], defaults: dict[str, Any]) -> r.ValueRow:
    problems: list[r.Problem] = []
    value, problem = read_value(item.get("value"))
    if problem:
        problems.append(r.Problem(r.VALUE, problem))
    version_raw = item.get("version")
    version = None
    if version_raw not in (None, ""):
        try:
            version = int(str(version_raw))
        except ValueError:
            problems.append(r.Problem(r.VERSION, "version phải là số nguyên."))
    texts = {}
    for key, source in (
        ("unit", "orgUnit"),
        ("period", "period"),
        ("element", "dataElement"),
        ("coc", "categoryOptionCombo"),
    ):
        raw = item.get(source, defaults.get(source))
        if isinstance(raw, str) and _CONTROL.search(raw):  # a code is matched exactly, never cleaned
            problems.append(r.Problem("", f"“{source}” chứa ký tự điều khiển ẩn; hãy gửi đúng mã."))
        texts[key] = "" if raw is None else read_text(raw) or ""
    for key, name in (("unit", "orgUnit"), ("period", "period"), ("element", "dataElement")):
        if not texts[key]:
            problems.append(r.Problem("", f"thiếu “{name}”."))
    return r.ValueRow(
        line=line,
        unit=texts["unit"],
        period=texts["period"],
        element=texts["element"],
        option_combo=texts["coc"] or "default",
        value=value,
        comment=read_text(item.get("comment")),
        version=version,
        problems=tuple(problems),
    )


def parse_json(body: bytes) -> Payload:
    try:
        doc = json.loads(decode_text(body), parse_float=Decimal, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise PayloadError("JSON lồng nhau quá sâu.") from exc
    except json.JSONDecodeError as exc:
        raise PayloadError(f"Nội dung không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}).") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("dataValues"), list):
        raise PayloadError("Cần một đối tượng JSON có “dataSet” và danh sách “dataValues”.")
    items = doc["dataValues"]
    if len(items) > MAX_ROWS:
        raise PayloadError(f"Quá nhiều giá trị trong một lần gửi ({len(items)}, tối đa {MAX_ROWS}).")
    defaults = {k: doc.get(k) for k in ("orgUnit", "period")}
    rows = []
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict):
            rows.append(
                r.ValueRow(i, "", "", "", "", None, problems=(r.Problem("", "phải là một đối tượng JSON."),))
            )
        else:
            rows.append(_row(i, item, defaults))
    return Payload(data_set=read_text(doc.get("dataSet")) or "", rows=rows)


def parse_csv(body: bytes, *, data_set: str) -> Payload:
    """DHIS2-style CSV with a header row (dataelement, period, orgunit, categoryoptioncombo, value,
    comment[, version]); "," or ";" as separator."""
    text = decode_text(body)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header = [h.strip().lower() for h in next(reader, [])]
        keys = [CSV_COLUMNS.get(h) for h in header]
        missing = {r.ELEMENT, r.PERIOD, r.UNIT, r.VALUE} - set(keys)
        if missing:
            names = ", ".join(sorted(FIELD_NAMES[m] for m in missing))
            raise PayloadError(f"Dòng tiêu đề CSV thiếu cột: {names}.")
        rows: list[r.ValueRow] = []
        for line, cells in enumerate(reader, 2):
            if len(rows) >= MAX_ROWS:
                raise PayloadError(f"Quá nhiều dòng (tối đa {MAX_ROWS}).")
            if not any(c.strip() for c in cells):
                continue
            item = {FIELD_NAMES[k]: v for k, v in zip(keys, cells, strict=False) if k}
            rows.append(_row(line, item, {}))
    except csv.Error as exc:
        raise PayloadError(f"CSV không hợp lệ: {exc}.") from exc
    return Payload(data_set=data_set, rows=rows)
