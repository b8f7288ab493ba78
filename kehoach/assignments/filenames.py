"""The name a user gave an uploaded file: checked, normalised, kept for display only. Pure functions.

The name never reaches the file system (files are stored under random names), but it is shown in
pages and sent back in Content-Disposition, so anything that can spoof or break those is refused
rather than silently altered: the user learns what was wrong and nothing is stored.
"""

from __future__ import annotations

import re
import unicodedata

from kehoach.core.exceptions import ValidationFailed

# Bidirectional controls let "baocao\u202excod.exe" display as "baocaoexe.docx" (reliability.md §6.2).
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Zero-width characters and the BOM carry no meaning in a name; they are dropped for display.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}
MAX_NAME_BYTES = 255  # the common file-system limit; the stored name is ours, but downloads land on disks


def printable(raw: str, limit: int = 60) -> str:
    """A version of a (possibly hostile) name that is safe to quote inside an error message."""
    cleaned = "".join("?" if (unicodedata.category(ch).startswith("C") or ch in _BIDI) else ch for ch in raw)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _reject(message: str) -> ValidationFailed:
    return ValidationFailed(message)


def display_name(raw: str, *, max_chars: int) -> str:
    """The NFC, trimmed name to show and to offer on download; ValidationFailed if it is hostile."""
    if "\x00" in raw:
        raise _reject("Tên tệp chứa ký tự rỗng (NUL); tệp bị từ chối.")
    if any(ch in _BIDI for ch in raw):
        raise _reject(
            f"Tên tệp “{printable(raw)}” chứa ký tự đảo chiều văn bản (RTL), có thể dùng để giả mạo "
            "phần mở rộng; tệp bị từ chối."
        )
    if any(unicodedata.category(ch) == "Cc" for ch in raw):
        raise _reject(
            f"Tên tệp “{printable(raw)}” chứa ký tự điều khiển (xuống dòng, tab...); tệp bị từ chối."
        )
    if "/" in raw or "\\" in raw or raw.strip() in {".", ".."}:
        raise _reject(f"Tên tệp “{printable(raw)}” chứa đường dẫn thư mục; chỉ gửi tên tệp.")
    name = _SPACES.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFC", raw))).strip()
    # Leading dots hide files on Unix and trailing dots/spaces are dropped by Windows on save.
    name = name.lstrip(".").rstrip(". ")
    if not name:
        raise _reject("Tệp không có tên.")
    if len(name) > max_chars or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise _reject(f"Tên tệp quá dài ({len(name)} ký tự); tối đa {max_chars} ký tự.")
    stem = name.split(".", 1)[0].strip().casefold()
    if stem in _WINDOWS_DEVICES:
        raise _reject(f"Tên tệp “{printable(name)}” trùng tên thiết bị của Windows; hãy đổi tên tệp.")
    return name


def extension(name: str) -> str:
    """ ".pdf" for "Báo cáo.PDF"; "" when the name has none."""
    _, dot, ext = name.rpartition(".")
    return f".{ext.casefold()}" if dot and ext and " " not in ext else ""
