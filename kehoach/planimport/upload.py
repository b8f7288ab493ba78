"""Reading an uploaded plan document within bounds, for the upload page and the API alike.

The size is checked twice: from the request's Content-Length before the body is read at all (a
50 MB upload is refused without being received into memory or a temporary file), then on the file
itself. Everything else (file type, zip bombs, external references, garbled text, not a plan) is
decided by the parser, which raises PlanParseError with a Vietnamese message.
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest

from kehoach.docparse import ParseResult, PlanParseError, parse_plan

MAX_UPLOAD_BYTES: int = getattr(settings, "KEHOACH_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
_MULTIPART_SLACK = 64 * 1024  # boundaries, headers and the CSRF field around the file
ACCEPT = ".docx,.txt"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} kB"


def too_large_message(size: int) -> str:
    return f"Tệp quá lớn ({_mb(size)}); giới hạn là {_mb(MAX_UPLOAD_BYTES)}."


def declared_size_too_large(request: HttpRequest) -> int | None:
    """The declared body size when it is over the limit (the body is then never read), else None."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return length if length > MAX_UPLOAD_BYTES + _MULTIPART_SLACK else None


def clean_filename(name: str | None) -> str:
    """The file's own name, without any path a browser may send, bounded for display."""
    return PurePath((name or "").replace("\\", "/")).name[:200] or "van-ban.txt"


def parse_upload(upload: UploadedFile[bytes] | None) -> tuple[ParseResult, str]:
    """Parse an uploaded file; PlanParseError (Vietnamese) for anything that is not a readable plan."""
    if upload is None:
        raise PlanParseError("Chưa chọn tệp văn bản kế hoạch (.docx hoặc .txt).")
    size = upload.size or 0
    if size > MAX_UPLOAD_BYTES:
        raise PlanParseError(too_large_message(size))
    name = clean_filename(upload.name)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    return parse_plan(data, name, max_bytes=MAX_UPLOAD_BYTES), name
