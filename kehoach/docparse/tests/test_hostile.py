"""Hostile and broken input: every case is a PlanParseError with a Vietnamese message, fast."""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.docparse import PlanParseError, parse_plan
from kehoach.docparse.docx_safety import check_container

from .conftest import FIXTURES, rezip
from .docx_builder import build_docx

VIETNAMESE = set("ăâđêôơưàáảãạếềểễệốồổỗộớờởỡợứừửữự")


@pytest.fixture(scope="module")
def good_docx() -> bytes:
    return build_docx((FIXTURES / "variant_province.txt").read_text(encoding="utf-8"))


def _rejects(data: bytes, filename: str, fragment: str = "") -> str:
    with pytest.raises(PlanParseError) as caught:
        parse_plan(data, filename)
    message = caught.value.message_vi
    assert VIETNAMESE & set(message.lower()), message  # written in Vietnamese, with diacritics
    assert fragment in message
    return message


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", codecs.BOM_UTF8])
def test_empty_files(data: bytes) -> None:
    _rejects(data, "plan.txt")


def test_random_bytes() -> None:
    noise = os.urandom(4096)
    _rejects(noise, "plan.txt")
    _rejects(noise, "plan.docx")
    _rejects(b"PK\x03\x04" + noise, "plan.docx", ".docx")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n...", "plan.docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "plan.doc"),
        (b"MZ\x90\x00" + bytes(100), "plan.txt"),
        (b"{\\rtf1\\ansi ...}", "plan.txt"),
    ],
)
def test_wrong_file_types(data: bytes, name: str) -> None:
    _rejects(data, name, "không phải")


def test_unsupported_extension() -> None:
    _rejects("KẾ HOẠCH".encode(), "plan.odt", "Không hỗ trợ")


def test_text_in_legacy_encoding() -> None:
    _rejects("KẾ HOẠCH huyện Hoà Bình".encode("cp1258", errors="replace"), "plan.txt", "UTF-8")


def test_utf16_without_bom() -> None:
    _rejects("KẾ HOẠCH triển khai".encode("utf-16-le"), "plan.txt", "UTF-16")


def test_zip_named_txt() -> None:
    _rejects(b"PK\x03\x04" + bytes(64), "plan.txt", "tệp nén")


def test_too_large_is_rejected_before_reading() -> None:
    data = b"a" * (50 * 1024 * 1024)
    message = _rejects(data, "plan.txt", "quá lớn")
    assert "50 MB" in message
    with pytest.raises(PlanParseError, match="quá lớn"):
        parse_plan(b"x" * 2000, "plan.txt", max_bytes=1000)


def test_ocr_like_garbage() -> None:
    garbage = "K Ế H 0 Ạ C H ~~ |||| ;;;; ___ 1l1l1 ]]]] @@## %%%% 0O0O0 \\\\ //// " * 40
    _rejects(garbage.encode(), "plan.txt", "Không đọc được")


def test_mojibake() -> None:
    text = (FIXTURES / "variant_province.txt").read_text(encoding="utf-8")
    _rejects(text.encode("utf-8").decode("latin-1").encode("utf-8"), "plan.txt", "mã hóa")


def test_prose_that_is_not_a_plan() -> None:
    _rejects(
        "Hôm nay trời đẹp, chúng tôi đi thăm bản làng vùng cao.\nMọi người rất vui.".encode(), "plan.txt"
    )


def test_docx_zip_bomb(good_docx: bytes) -> None:
    bomb = rezip(good_docx, lambda name, data: data, {"word/media/image1.png": bytes(20 * 1024 * 1024)})
    assert len(bomb) < 200 * 1024
    _rejects(bomb, "plan.docx", "zip bomb")


def test_docx_uncompressed_total_limit(good_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(good_docx)) as archive, pytest.raises(PlanParseError, match="zip bomb"):
        check_container(archive, max_bytes=len(good_docx), max_uncompressed=1000)


def test_docx_with_too_many_entries(good_docx: bytes) -> None:
    extra = {f"customXml/item{i}.bin": b"x" for i in range(2100)}
    _rejects(rezip(good_docx, lambda name, data: data, extra), "plan.docx", "quá nhiều phần")


def test_docx_with_zip_slip_name(good_docx: bytes) -> None:
    _rejects(rezip(good_docx, lambda name, data: data, {"../evil.xml": b"<a/>"}), "plan.docx", "tên phần")


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_docx_with_duplicate_entry_names(good_docx: bytes) -> None:
    duplicate = rezip(good_docx, lambda name, data: data, {"word/document.xml": b"<w:document/>"})
    _rejects(duplicate, "plan.docx", "trùng tên")


def _inject_doctype(name: str, data: bytes) -> bytes:
    if name != "word/document.xml":
        return data
    head, _, rest = data.partition(b"?>")
    entity = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return head + b"?>" + entity + rest.replace(b"<w:t>", b"<w:t>&xxe;", 1)


def test_docx_with_external_entity(good_docx: bytes) -> None:
    _rejects(rezip(good_docx, _inject_doctype), "plan.docx", "DOCTYPE")


def test_docx_with_billion_laughs_in_utf16(good_docx: bytes) -> None:
    laughs = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>'
    bomb = rezip(good_docx, lambda name, data: data, {"customXml/item9.xml": laughs.encode("utf-16")})
    _rejects(bomb, "plan.docx", "DOCTYPE")


def _add_relationship(target: str, rel_type: str) -> bytes:
    relationship = (
        f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'{rel_type}" Target="{target}" TargetMode="External"/></Relationships>'
    )
    return relationship.encode()


def test_docx_with_external_template(good_docx: bytes) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name == "word/_rels/document.xml.rels":
            return data.replace(
                b"</Relationships>", _add_relationship("http://169.254.169.254/t.dotm", "attachedTemplate")
            )
        return data

    _rejects(rezip(good_docx, change), "plan.docx", "bên ngoài")


def test_docx_with_hyperlink_is_accepted_with_a_finding(good_docx: bytes) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>", _add_relationship("https://example.vn/kh", "hyperlink"))
        return data

    result = parse_plan(rezip(good_docx, change), "plan.docx")
    assert [(f["severity"], f["code"]) for f in result.findings if f["code"] == "external_hyperlink"] == [
        ("info", "external_hyperlink")
    ]


def test_truncated_docx(good_docx: bytes) -> None:
    _rejects(good_docx[: len(good_docx) // 2], "plan.docx")


def test_macro_enabled_docx(good_docx: bytes) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                b"application/vnd.ms-word.document.macroEnabled.main+xml",
            )
        return data

    _rejects(rezip(good_docx, change), "plan.docx", "Word")


def test_text_encodings_that_are_accepted() -> None:
    text = (FIXTURES / "variant_province.txt").read_text(encoding="utf-8")
    expected = parse_plan(text.encode(), "plan.txt").document
    for data in (codecs.BOM_UTF8 + text.encode(), text.encode("utf-16"), text.replace("\n", "\r\n").encode()):
        assert parse_plan(data, "plan.txt").document == expected


LINES = st.sampled_from(
    [
        "I. MỤC TIÊU", "II. NGUỒN LỰC", "1. Mục tiêu đến năm 2025", "a) Về kinh tế", "đ) Khác", "- ", "+ ",
        "- + Vốn đầu tư: 1.000 triệu đồng.", "Tổng vốn: 2,5 tỷ đồng, trong đó:",
        "- Tỷ lệ hộ nghèo giảm 3%/năm;",
        "trong đó ít nhất 40%", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "(Có phụ lục)", "Căn cứ Luật;", "",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=40))
def test_any_text_parses_or_is_rejected_cleanly(lines: list[str]) -> None:
    data = (
        "Số: 1/KH-UBND\nLai Vung, ngày 1 tháng 1 năm 2024\nKẾ HOẠCH\nViệc A giai đoạn 2024 - 2025\n"
        + "\n".join(lines)
    )
    try:
        result = parse_plan(data.encode("utf-8", errors="replace"), "plan.txt")
    except PlanParseError:
        return
    codes = [s["code"] for s in result.document["sections"]]
    assert len(codes) == len(set(codes))
    assert all(0 <= s.start <= s.end <= len(result.text) for s in result.spans)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_are_rejected_cleanly(data: bytes) -> None:
    for name in ("plan.txt", "plan.docx"):
        with contextlib.suppress(PlanParseError):
            parse_plan(data, name)
