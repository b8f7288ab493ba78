"""What an uploaded file really is, decided from its bytes, never from its name. Pure functions.

Accepted: PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) and plain UTF-8 text. Everything else is
refused with a Vietnamese message saying why: executables, HTML/SVG (script), legacy Office files,
polyglots (a file that is valid as two types, e.g. an image with a zip or HTML appended), and
Office containers that are zip bombs or carry macros or embedded programs (reliability.md §2.3, §6.1).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from kehoach.core.exceptions import ValidationFailed


@dataclass(frozen=True)
class FileKind:
    code: str
    content_type: str
    extensions: tuple[str, ...]  # accepted name endings; the first is the one offered on download
    label: str


PDF = FileKind("pdf", "application/pdf", (".pdf",), "PDF")
PNG = FileKind("png", "image/png", (".png",), "ảnh PNG")
JPEG = FileKind("jpeg", "image/jpeg", (".jpg", ".jpeg"), "ảnh JPEG")
DOCX = FileKind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
    "Word (.docx)",
)
XLSX = FileKind(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",), "Excel (.xlsx)"
)
TEXT = FileKind("txt", "text/plain; charset=utf-8", (".txt", ".csv"), "văn bản thuần")
KINDS = (PDF, PNG, JPEG, DOCX, XLSX, TEXT)
ACCEPTED = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) và văn bản thuần (.txt, .csv)"


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int
    max_uncompressed: int
    max_ratio: int


_EXECUTABLE = (
    (b"MZ", "chương trình Windows (.exe, .dll)"),
    (b"\x7fELF", "chương trình Linux"),
    (b"\xcf\xfa\xed\xfe", "chương trình macOS"),
    (b"\xce\xfa\xed\xfe", "chương trình macOS"),
    (b"\xca\xfe\xba\xbe", "chương trình macOS/Java"),
    (b"#!", "tệp lệnh (script)"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
# Markup that a browser would run if it ever sniffed the file as HTML/SVG.
_ACTIVE_MARKUP = (
    b"<script",
    b"<html",
    b"<svg",
    b"<!doctype html",
    b"<iframe",
    b"<?php",
    b"<body",
    b"<object",
)
_PDF_ACTIVE = (b"/javascript", b"/js ", b"/js(", b"/js<", b"/launch", b"/embeddedfile")
_OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
_FORBIDDEN_PARTS = (
    ".exe",
    ".dll",
    ".js",
    ".vbs",
    ".bat",
    ".cmd",
    ".ps1",
    ".html",
    ".htm",
    ".svg",
    ".zip",
    ".jar",
)
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_TEXT_CONTROLS = {i for i in range(32) if chr(i) not in "\t\n\r\f"} | {0x7F}


def _no(message: str) -> ValidationFailed:
    return ValidationFailed(message)


def detect(data: bytes, *, limits: ZipLimits) -> FileKind:
    """The accepted kind of `data`, or ValidationFailed with the reason it is refused."""
    if not data:
        raise _no("Tệp rỗng (0 byte); hãy chọn lại tệp.")
    for signature, what in _EXECUTABLE:
        if data.startswith(signature):
            raise _no(f"Tệp là {what}; không nhận tệp có thể chạy được.")
    if data.startswith(_OLE):
        raise _no(
            "Tệp Word/Excel đời cũ (.doc, .xls) hoặc tệp đặt mật khẩu không được nhận; "
            "hãy lưu lại thành .docx/.xlsx không đặt mật khẩu."
        )
    if data.startswith(b"%PDF-"):
        return _check_pdf(data)
    if data.startswith(_PNG_SIG):
        return _check_image(data, PNG, ends_ok=data.endswith(_PNG_END))
    if data.startswith(b"\xff\xd8\xff"):
        return _check_image(data, JPEG, ends_ok=data.rstrip(b"\x00").endswith(b"\xff\xd9"))
    if data.startswith(b"PK\x03\x04"):
        return _check_ooxml(data, limits)
    return _check_text(data)


def _active_markup(data: bytes) -> bool:
    lowered = data.lower()
    return any(marker in lowered for marker in _ACTIVE_MARKUP)


def _is_zip(data: bytes) -> bool:
    # zipfile finds an archive by its end record anywhere in the last 64 KB, as unzip tools do.
    return zipfile.is_zipfile(io.BytesIO(data))


def _polyglot(label: str) -> ValidationFailed:
    return _no(
        f"Tệp vừa là {label} vừa chứa nội dung khác (HTML, mã lệnh hoặc tệp nén) — tệp lai (polyglot) "
        "không được nhận."
    )


def _check_pdf(data: bytes) -> FileKind:
    if _active_markup(data) or _is_zip(data):
        raise _polyglot(PDF.label)
    tail = data[-2048:]
    end = tail.rfind(b"%%EOF")
    if end < 0:
        raise _no("Tệp PDF không hoàn chỉnh (thiếu phần kết thúc); hãy xuất lại tệp.")
    if tail[end + 5 :].strip():
        raise _polyglot(PDF.label)
    lowered = data.lower()
    if any(marker in lowered for marker in _PDF_ACTIVE):
        raise _no(
            "Tệp PDF chứa mã lệnh (JavaScript), lệnh mở chương trình hoặc tệp đính kèm; không được nhận."
        )
    return PDF


def _check_image(data: bytes, kind: FileKind, *, ends_ok: bool) -> FileKind:
    if not ends_ok or _active_markup(data) or _is_zip(data):
        raise _polyglot(kind.label)
    return kind


def _check_text(data: bytes) -> FileKind:
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _no(f"Không nhận ra loại tệp. Chỉ nhận: {ACCEPTED}; văn bản phải mã hóa UTF-8.") from exc
    if any(ord(ch) in _TEXT_CONTROLS for ch in text):
        raise _no(f"Không nhận ra loại tệp (có ký tự nhị phân). Chỉ nhận: {ACCEPTED}.")
    if _active_markup(body) or body.lstrip().lower().startswith(b"<?xml"):
        raise _no("Tệp HTML, SVG hoặc XML (có thể chứa mã lệnh script) không được nhận.")
    return TEXT


def _check_ooxml(data: bytes, limits: ZipLimits) -> FileKind:
    bad = "Tệp Word/Excel bị từ chối: "
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _no(bad + "tệp nén bị hỏng hoặc không hoàn chỉnh.") from exc
    with archive:
        infos = archive.infolist()
        # Data before the first entry or after the end record means a second file rides along.
        if (
            not infos
            or min(i.header_offset for i in infos) != 0
            or archive.comment
            or not data[-22:].startswith(b"PK\x05\x06")
        ):
            raise _polyglot("tệp nén")
        if len(infos) > limits.max_entries:
            raise _no(bad + f"có quá nhiều phần ({len(infos)}), tối đa {limits.max_entries}.")
        _check_entries(infos, limits, bad)
        kind = _main_kind(archive, bad)
    return kind


def _check_entries(infos: list[zipfile.ZipInfo], limits: ZipLimits, bad: str) -> None:
    """Zip-bomb and content checks from the zip directory alone: nothing is decompressed here."""
    total = 0
    for info in infos:
        name = info.filename
        lowered = name.casefold()
        if name.startswith("/") or "\\" in name or ".." in name.split("/") or ":" in name:
            raise _no(bad + "tên phần bên trong không hợp lệ (đường dẫn thư mục).")
        if info.flag_bits & 0x1:
            raise _no(bad + "tệp được đặt mật khẩu.")
        if lowered.endswith("vbaproject.bin"):
            raise _no(bad + "tệp chứa macro (mã lệnh VBA).")
        if lowered.endswith(_FORBIDDEN_PARTS) or "/embeddings/" in lowered or "activex" in lowered:
            raise _no(bad + "tệp chứa chương trình, trang web hoặc đối tượng nhúng.")
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise _no(bad + "tỷ lệ nén bất thường, có dấu hiệu là bom nén (zip bomb).")
    if total > limits.max_uncompressed:
        raise _no(bad + "dung lượng sau giải nén quá lớn, có dấu hiệu là bom nén (zip bomb).")


def _main_kind(archive: zipfile.ZipFile, bad: str) -> FileKind:
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError as exc:
        raise _no(
            bad + "không phải tệp Word (.docx) hay Excel (.xlsx). Tệp nén khác không được nhận."
        ) from exc
    if info.file_size > 1024 * 1024:
        raise _no(bad + "phần mô tả nội dung quá lớn.")
    raw = archive.read(info)  # bounded: zipfile never returns more than the declared size
    if b"<!doctype" in raw.lower() or b"<!entity" in raw.lower():
        raise _no(bad + "có khai báo DOCTYPE/ENTITY (có thể là tấn công XML).")
    try:
        root = ElementTree.fromstring(raw)  # no DTD (checked above): nothing to expand or fetch
    except ElementTree.ParseError as exc:
        raise _no(bad + "phần mô tả nội dung không phải XML hợp lệ.") from exc
    types = {str(el.get("ContentType", "")) for el in root.iter(f"{_CT_NS}Override")}
    if any("macroenabled" in t.casefold() for t in types):
        raise _no(bad + "tệp chứa macro (.docm, .xlsm).")
    found = [kind for ct, kind in _OOXML_MAIN.items() if ct in types]
    if len(found) != 1:
        raise _no(bad + "không phải tệp Word (.docx) hay Excel (.xlsx). Tệp nén khác không được nhận.")
    return found[0]
