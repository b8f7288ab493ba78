"""Evidence uploads: accepted types by content, and every hostile name and content refused with a
Vietnamese message, before anything is written (reliability.md §6.1, §6.2; ASVS V5)."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach.assignments.conf import upload_limits
from kehoach.assignments.tests import samples as s
from kehoach.assignments.uploads import check_upload
from kehoach.core.exceptions import ValidationFailed


def _check(name, data):
    return check_upload(name=name, data=data, limits=upload_limits())


@pytest.mark.parametrize(
    ("name", "data", "kind", "content_type"),
    [
        ("bao-cao.pdf", s.PDF, "pdf", "application/pdf"),
        ("anh.png", s.png(), "png", "image/png"),
        ("anh.JPG", s.JPEG, "jpeg", "image/jpeg"),
        ("bien-ban.docx", s.docx_bytes(), "docx", "application/vnd.openxmlformats-officedocument"),
        ("so-lieu.xlsx", s.xlsx_bytes(), "xlsx", "application/vnd.openxmlformats-officedocument"),
        ("ghi-chu.txt", s.TEXT, "txt", "text/plain"),
    ],
)
def test_accepts_each_supported_type_detected_from_content(name, data, kind, content_type):
    checked = _check(name, data)
    assert checked.kind.code == kind and checked.kind.content_type.startswith(content_type)


def test_keeps_the_original_name_nfc_normalised_for_display():
    decomposed = unicodedata.normalize("NFD", "Báo cáo quý 3.pdf")
    checked = _check(decomposed + "\u200b", s.PDF)
    assert checked.display_name == "Báo cáo quý 3.pdf"
    assert unicodedata.is_normalized("NFC", checked.display_name)


HOSTILE_NAMES = [
    ("../../etc/passwd.txt", "đường dẫn thư mục"),
    ("..\\..\\windows\\win.ini.txt", "đường dẫn thư mục"),
    ("/etc/cron.d/x.txt", "đường dẫn thư mục"),
    ("bao\x00cao.txt", "NUL"),
    ("baocao\u202etxt.exe", "đảo chiều"),
    ("bao\r\ncao.txt", "điều khiển"),
    ("a" * 300 + ".txt", "quá dài"),
    ("CON.txt", "thiết bị của Windows"),
    ("   ", "không có tên"),
]


@pytest.mark.parametrize(("name", "message"), HOSTILE_NAMES)
def test_rejects_hostile_file_names(name, message):
    with pytest.raises(ValidationFailed, match=message):
        _check(name, s.TEXT)


def _docx_with(**members):
    return s.zip_bytes({"word/document.xml": b"<w:document/>", **members}, content_types=s.DOCX_TYPES)


HOSTILE_CONTENTS = [
    ("rong.pdf", b"", "rỗng"),
    ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 60, "chạy được"),
    ("tool.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 40, "chạy được"),
    ("run.txt", b"#!/bin/sh\nrm -rf /\n", "chạy được"),
    ("trang.txt", b"<html><body><script>alert(1)</script></body></html>", "HTML"),
    ("anh.txt", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>x</script></svg>', "SVG"),
    ("anh.png", b'<?xml version="1.0"?><svg onload="alert(1)"/>', "XML"),
    ("anh.png", s.png() + s.zip_bytes({"a.txt": b"x"}), "polyglot"),
    ("anh.jpg", s.JPEG[:-2] + b"<script>alert(1)</script>\xff\xd9", "polyglot"),
    ("bao-cao.pdf", s.PDF + b"<html><script>alert(1)</script></html>", "polyglot"),
    (
        "bao-cao.pdf",
        s.PDF.replace(b"/Type /Catalog", b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
        "JavaScript",
    ),
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "đời cũ"),
    ("nhi-phan.txt", bytes(range(256)) * 4, "Không nhận ra"),
    ("tai-lieu.docx", _docx_with(**{"word/bom.xml": b"\x00" * (2 * 1024 * 1024)}), "zip bomb"),
    ("tai-lieu.docx", _docx_with(**{"word/vbaProject.bin": b"x"}), "macro"),
    ("tai-lieu.docx", _docx_with(**{"word/embeddings/oleObject1.bin": b"x"}), "nhúng"),
    ("tai-lieu.docx", _docx_with(**{"../evil.xml": b"x"}), "đường dẫn"),
    ("tai-lieu.docx", _docx_with() + b"<html>tail</html>", "polyglot"),
    ("nen.docx", s.zip_bytes({"a.txt": b"x"}), "không phải tệp Word"),
    (
        "tai-lieu.docx",
        s.zip_bytes({}, content_types='<!DOCTYPE x [<!ENTITY a "b">]><Types/>'),
        "DOCTYPE",
    ),
    ("bao-cao.pdf", s.png(), "phần mở rộng"),
    ("bao-cao", s.PDF, "phần mở rộng"),
    ("bao-cao.pdf.exe", s.PDF, "phần mở rộng"),
]


@pytest.mark.parametrize(("name", "data", "message"), HOSTILE_CONTENTS)
def test_rejects_hostile_contents(name, data, message):
    with pytest.raises(ValidationFailed, match=message):
        _check(name, data)


def test_rejects_a_file_above_the_size_limit(settings):
    settings.KEHOACH_EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(ValidationFailed, match="quá lớn"):
        _check("lon.txt", b"a" * 1001)


def test_zip_entry_count_limit_is_a_setting(settings):
    settings.KEHOACH_EVIDENCE_ZIP_MAX_ENTRIES = 3
    with pytest.raises(ValidationFailed, match="quá nhiều phần"):
        _check("tai-lieu.docx", _docx_with(**{f"word/p{i}.xml": b"x" for i in range(5)}))
