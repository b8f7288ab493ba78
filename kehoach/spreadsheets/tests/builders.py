"""Workbooks for tests, made with openpyxl, and surgery on their zip to imitate other producers."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook


def xlsx(sheets: dict[str, Sequence[Sequence[Any]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite(
    data: bytes, edit: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None
) -> bytes:
    """Copy a zip, passing each member through edit(name, data) (None drops it); add extra members."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            new = edit(info.filename, source.read(info.filename))
            if new is not None:
                target.writestr(info.filename, new)
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def sheet_xml(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    """Edit the first worksheet's XML."""
    return rewrite(data, lambda n, d: edit(d) if n == "xl/worksheets/sheet1.xml" else d)


def wps_dimension(data: bytes) -> bytes:
    """What WPS Office writes: a `<dimension ref="A1:A1">` whatever the sheet holds."""
    return sheet_xml(data, lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:A1"', d))


def with_doctype(data: bytes, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    entity = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return rewrite(data, lambda n, d: entity + re.sub(rb"^<\?xml[^>]*\?>", b"", d) if n == part else d)


def uncached_formula(data: bytes, ref: str = "B2", formula: str = "SUM(A:A)") -> bytes:
    """Replace a cell by a formula with no cached value, as scripts and some tools write them."""
    pattern = rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)'
    cell = b'<c r="' + ref.encode() + b'"><f>' + formula.encode() + b"</f></c>"
    return sheet_xml(data, lambda d: re.sub(pattern, cell, d, count=1))


def zip_bomb(size: int = 60 * 1024 * 1024) -> bytes:
    """A tiny valid-looking workbook whose sheet expands to `size` bytes of XML."""
    base = xlsx({"Giao vốn": [["a"]]})
    filler = b"<row/>" * (size // 6)
    return rewrite(
        base, lambda n, d: d.replace(b"</sheetData>", filler + b"</sheetData>") if "sheet1" in n else d
    )
