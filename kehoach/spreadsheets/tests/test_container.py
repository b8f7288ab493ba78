"""Hostile and broken containers are rejected before any XML parser sees them (reliability.md §6.1)."""

from __future__ import annotations

import io
import zipfile

import pytest

from kehoach.spreadsheets.container import check_container
from kehoach.spreadsheets.errors import FileRejected
from kehoach.spreadsheets.limits import Limits

from .builders import rewrite, with_doctype, xlsx, zip_bomb

GOOD = xlsx({"Giao vốn": [["Năm", "Số tiền"], [2023, 10]]})


def _rejected(data: bytes, limits: Limits | None = None) -> str:
    with pytest.raises(FileRejected) as info:
        check_container(data, limits or Limits())
    return info.value.message


def test_accepts_an_ordinary_workbook():
    check_container(GOOD)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "tệp rỗng"),
        (b"P", "không phải tệp Excel"),
        (GOOD[: len(GOOD) // 2], "bị hỏng"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "HTML"),
        (b"%PDF-1.7\n", "PDF"),
        (b"MZ\x90\x00", "không phải tệp Excel"),
    ],
)
def test_rejects_files_that_are_not_xlsx_with_a_reason(data, words):
    assert words in _rejected(data)


def test_rejects_a_zip_bomb_by_its_declared_size():
    assert "bom nén" in _rejected(zip_bomb())


def test_rejects_a_high_compression_ratio_member():
    limits = Limits(max_uncompressed=10**9, ratio_min_size=1024)
    assert "tỷ lệ nén" in _rejected(zip_bomb(200_000), limits)


def test_rejects_too_many_entries():
    many = rewrite(GOOD, lambda n, d: d, extra={f"xl/media/x{i}.txt": b"x" for i in range(120)})
    assert "quá nhiều phần" in _rejected(many)


def test_limits_trigger_exactly_at_their_boundary():
    count = len(zipfile.ZipFile(io.BytesIO(GOOD)).infolist())
    check_container(GOOD, Limits(max_entries=count))
    assert "quá nhiều phần" in _rejected(GOOD, Limits(max_entries=count - 1))
    total = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(GOOD)).infolist())
    check_container(GOOD, Limits(max_uncompressed=total))
    assert "bom nén" in _rejected(GOOD, Limits(max_uncompressed=total - 1))


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"])
def test_rejects_doctype_and_entities_in_any_xml_part(part):
    assert "DOCTYPE/ENTITY" in _rejected(with_doctype(GOOD, part))


def test_rejects_a_billion_laughs_in_utf16():
    laughs = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE l [<!ENTITY a "ha">]><l>&a;</l>'.encode(
        "utf-16-le"
    )
    assert "DOCTYPE/ENTITY" in _rejected(rewrite(GOOD, lambda n, d: d, extra={"xl/extra.xml": laughs}))


@pytest.mark.parametrize("name", ["../evil.xml", "/abs.xml", "xl\\win.xml"])
def test_rejects_unsafe_entry_names(name):
    assert "tên phần không hợp lệ" in _rejected(rewrite(GOOD, lambda n, d: d, extra={name: b"<x/>"}))


def test_rejects_macros_and_nested_archives():
    assert "macro" in _rejected(rewrite(GOOD, lambda n, d: d, extra={"xl/vbaProject.bin": b"x"}))
    assert "lồng" in _rejected(rewrite(GOOD, lambda n, d: d, extra={"xl/embeddings/a.zip": b"x"}))


def test_rejects_a_member_whose_crc_does_not_match():
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD)) as src, zipfile.ZipFile(out, "w") as stored:
        for item in src.infolist():
            stored.writestr(item.filename, src.read(item.filename))
    data = out.getvalue()
    crc = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/workbook.xml").CRC.to_bytes(4, "little")
    wrong = (int.from_bytes(crc, "little") ^ 0xFFFF).to_bytes(4, "little")
    assert "CRC" in _rejected(data.replace(crc, wrong))


def test_rejects_a_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    assert ".ods" in _rejected(out.getvalue())


def test_a_part_compressed_by_a_method_python_cannot_read_is_refused_in_vietnamese():
    """Deflate64 (method 9, written by some Windows tools) makes zipfile raise NotImplementedError:
    the upload gets a message, not a server error."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    data = bytearray(out.getvalue())
    # Rewrite the method field (2 bytes) of every local header and central directory entry to 9.
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset : start + offset + 2] = (9).to_bytes(2, "little")
            start += 4
    assert "nén bằng phương pháp không hỗ trợ" in _rejected(bytes(data))
