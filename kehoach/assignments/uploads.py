"""Checking one uploaded evidence file before anything is stored. Pure functions.

Order matters: size first (cheap, bounds everything after), then the name, then the content; the
name's extension must agree with the detected content (ASVS 5.2.2), so "baocao.pdf" that is really
an image is refused instead of being served under a misleading name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kehoach.assignments.filenames import display_name, extension, printable
from kehoach.assignments.filetypes import ACCEPTED, FileKind, ZipLimits, detect
from kehoach.core.exceptions import ValidationFailed


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int
    max_files_per_report: int
    max_files_per_task: int
    zip_max_entries: int
    zip_max_uncompressed: int
    zip_max_ratio: int
    name_max_chars: int

    @property
    def zip(self) -> ZipLimits:
        return ZipLimits(self.zip_max_entries, self.zip_max_uncompressed, self.zip_max_ratio)


@dataclass(frozen=True)
class CheckedFile:
    display_name: str
    kind: FileKind
    data: bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)


def _megabytes(n: int) -> str:
    """10485760 -> "10 MB", 1572864 -> "1,5 MB" (Vietnamese decimal comma)."""
    text = f"{n / (1024 * 1024):.1f}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + " MB"


def check_size(*, name: str, size: int, limits: UploadLimits) -> None:
    if size > limits.max_bytes:
        raise ValidationFailed(
            f"Tệp “{printable(name)}” quá lớn; mỗi tệp tối đa {_megabytes(limits.max_bytes)}."
        )


def check_upload(*, name: str, data: bytes, limits: UploadLimits) -> CheckedFile:
    """The file as it will be stored, or ValidationFailed naming the file and the reason."""
    check_size(name=name, size=len(data), limits=limits)
    shown = display_name(name, max_chars=limits.name_max_chars)
    try:
        kind = detect(data, limits=limits.zip)
    except ValidationFailed as exc:
        raise ValidationFailed(f"Tệp “{printable(shown)}”: {exc.message}") from exc
    ext = extension(shown)
    if ext not in kind.extensions:
        raise ValidationFailed(
            f"Tệp “{printable(shown)}”: nội dung là {kind.label} nhưng tên tệp có phần mở rộng "
            f"“{ext or 'không có'}”; hãy đặt tên đúng loại tệp ({', '.join(kind.extensions)}). "
            f"Chỉ nhận: {ACCEPTED}."
        )
    return CheckedFile(shown, kind, data, hashlib.sha256(data).hexdigest())


def check_count(*, new: int, existing_on_task: int, limits: UploadLimits) -> None:
    if new > limits.max_files_per_report:
        raise ValidationFailed(
            f"Mỗi báo cáo đính kèm tối đa {limits.max_files_per_report} tệp (đã chọn {new} tệp)."
        )
    if existing_on_task + new > limits.max_files_per_task:
        raise ValidationFailed(
            f"Nhiệm vụ đã có {existing_on_task} tệp minh chứng; tối đa {limits.max_files_per_task} tệp mỗi nhiệm vụ."
        )
