"""Read a plan file (.txt or .docx) into paragraphs, safely.

Everything that can be rejected cheaply is rejected before any parsing: size first, then the file
type from its first bytes, then (for .docx) the zip and XML checks in `docx_safety`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import PurePath

from kehoach.plans.document import Finding

from .errors import PlanParseError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_ZIP = b"PK\x03\x04"
# Signatures of files people upload by mistake; each gets its own message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\xd0\xcf\x11\xe0", "Word 97-2003 (.doc) hoặc tệp được đặt mật khẩu"),
    (b"{\\rtf", "RTF"),
    (b"MZ", "chương trình (.exe)"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
)


@dataclass(frozen=True)
class RawPara:
    """One paragraph as read: its text, its heading level (from the style) and numbering label."""

    text: str
    heading_level: int | None = None
    label: str | None = None


@dataclass
class RawDocument:
    """The paragraphs of a file in reading order, and findings raised while reading it."""

    paragraphs: list[RawPara]
    findings: list[Finding] = field(default_factory=list)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def read_document(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Paragraphs of a .txt or .docx plan; PlanParseError for anything unsafe or unreadable."""
    if len(data) > max_bytes:
        raise PlanParseError(f"Tệp quá lớn ({_mb(len(data))}); giới hạn là {_mb(max_bytes)}.")
    if not data.strip():
        raise PlanParseError("Tệp trống, không có nội dung để nhập.")
    suffix = PurePath(filename).suffix.lower()
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            raise PlanParseError(f"Tệp là {name}, không phải .txt hoặc .docx; hãy lưu lại dưới dạng .docx.")
    if suffix == ".docx" or (suffix != ".txt" and data.startswith(_ZIP)):
        if not data.startswith(_ZIP):
            raise PlanParseError("Tệp có đuôi .docx nhưng không phải tệp Word (.docx) hợp lệ.")
        from .docx_reader import read_docx  # python-docx is only loaded when needed

        return read_docx(data, max_bytes=max_bytes)
    if suffix not in (".txt", ""):
        raise PlanParseError(f"Không hỗ trợ định dạng tệp “{suffix}”; chỉ nhận .txt và .docx.")
    if data.startswith(_ZIP):
        raise PlanParseError("Tệp có đuôi .txt nhưng là tệp nén (có thể là .docx); hãy đổi đúng đuôi tệp.")
    text = decode_text(data)
    return RawDocument([RawPara(line) for line in text.split("\n")])


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is rejected."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[3:].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        if b"\x00" in data[:4096]:
            raise PlanParseError(
                "Tệp chứa ký tự nhị phân hoặc là UTF-16 không có BOM; hãy lưu lại dưới dạng UTF-8."
            )
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PlanParseError(
            "Tệp văn bản không phải mã UTF-8 (có thể là bảng mã cũ TCVN3/VNI); hãy lưu lại dưới dạng UTF-8."
        ) from exc
