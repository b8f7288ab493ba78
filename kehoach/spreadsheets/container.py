"""Checks on an .xlsx container before any XML in it is parsed.

An .xlsx is a zip of XML parts. openpyxl has no zip-bomb guard, and defusedxml is not a dependency
here, so everything hostile is decided from the zip directory and a byte scan of each XML part:
nothing reaches a parser until the whole container has passed. CPython's zipfile never returns more
than a member's declared size and checks its CRC, so the declared sizes are a sound bound.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Callable

from .errors import FileRejected
from .limits import DEFAULT_LIMITS, Limits

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and every password-protected .xlsx
_DTD_MARKERS = tuple(
    marker.encode(enc)
    for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)


def _reject(reason: str) -> FileRejected:
    return FileRejected(f"Tệp bị từ chối: {reason}.")


def _sniff(data: bytes, limits: Limits) -> None:
    """Say what the file is when it is not an .xlsx: users send .xls, HTML "Excel" exports, PDFs."""
    if not data:
        raise _reject("tệp rỗng")
    if len(data) > limits.max_bytes:
        raise _reject(f"tệp lớn hơn {limits.max_bytes // (1024 * 1024)} MB")
    if data.startswith(_OLE_MAGIC):
        raise _reject(
            "đây là tệp Excel cũ (.xls) hoặc tệp được đặt mật khẩu; hãy mở và lưu lại thành .xlsx "
            "không đặt mật khẩu"
        )
    head = data[:512].lstrip().lower()
    if head.startswith((b"<", b"\xef\xbb\xbf<")):
        raise _reject("đây là trang HTML/XML được đặt tên .xlsx, không phải tệp Excel thật")
    if head.startswith(b"%pdf"):
        raise _reject("đây là tệp PDF, không phải tệp Excel .xlsx")
    if not data.startswith(_ZIP_MAGIC):
        raise _reject("không phải tệp Excel .xlsx")


_XML_PARTS = (".xml", ".rels", ".vml")
# Parts are streamed in chunks of this size: each is scanned while still in the CPU cache (twice
# as fast as inflating a 30 MB sheet whole) and memory stays flat whatever the part's size.
_CHUNK = 1 << 20

Hint = Callable[[bytes], bool]  # may this piece of an XML part hold what a caller looks for?


def open_checked(data: bytes, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """The opened zip, once every check has passed; FileRejected (Vietnamese) otherwise."""
    return open_scanned(data, limits)[0]


def open_scanned(
    data: bytes, limits: Limits = DEFAULT_LIMITS, hint: Hint | None = None, span: int = 0
) -> tuple[zipfile.ZipFile, dict[str, bool]]:
    """open_checked, and for each XML part (scanned here anyway for DTDs) whether `hint` was true
    of any piece of it, so a caller's own scan reads only the parts that may need it. `hint` sees
    each chunk, then each junction of two chunks (`span` bytes either side): it must be true of
    any text that contains a match of at most span + 1 bytes."""
    _sniff(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise _reject("tệp .xlsx bị hỏng, không đọc được cấu trúc nén") from exc
    _check_directory(infos, limits)
    hinted = {info.filename: _scan_part(archive, info, hint, span) for info in infos if _is_xml(info)}
    return archive, hinted


def check_container(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    open_checked(data, limits).close()


def _check_directory(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_entries:
        raise _reject(f"tệp có quá nhiều phần ({len(infos)}, tối đa {limits.max_entries})")
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in names:
            raise _reject(f"có hai phần trùng tên “{name[:80]}”")
        names.add(name)
        if name.startswith("/") or ".." in name.split("/") or "\\" in name or ":" in name:
            raise _reject(f"tên phần không hợp lệ “{name[:80]}”")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _reject(f"phần “{name[:80]}” là liên kết tượng trưng (symlink)")
        if info.flag_bits & 0x1:
            raise _reject("tệp được mã hóa bằng mật khẩu")
        if name.lower().endswith("vbaproject.bin"):
            raise _reject("tệp có macro (VBA); hãy lưu thành .xlsx thường")
        if name.lower().endswith((".zip", ".xlsx", ".xlsm")):
            raise _reject(f"tệp chứa tệp nén lồng bên trong (“{name[:80]}”)")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_min_size and ratio > limits.max_ratio:
            raise _reject(f"tỷ lệ nén bất thường ({ratio:.0f}:1), có dấu hiệu là bom nén (zip bomb)")
    if total > limits.max_uncompressed:
        raise _reject(
            f"dung lượng sau giải nén quá lớn (trên {limits.max_uncompressed // (1024 * 1024)} MB), "
            "có dấu hiệu là bom nén (zip bomb)"
        )
    if "xl/workbook.bin" in names:
        raise _reject("đây là tệp .xlsb (nhị phân); hãy lưu lại thành .xlsx")
    if "mimetype" in names and "xl/workbook.xml" not in names:
        raise _reject("đây là tệp OpenDocument (.ods); hãy lưu lại thành .xlsx")
    if "xl/workbook.xml" not in names:
        raise _reject("tệp nén không phải là bảng tính Excel (thiếu xl/workbook.xml)")


def _is_xml(info: zipfile.ZipInfo) -> bool:
    return info.filename.lower().endswith(_XML_PARTS)


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, hint: Hint | None, span: int) -> bool:
    """No XML part may declare a DTD: that is how billion-laughs and XXE attacks start. Returns
    whether `hint` held for some chunk or junction of the part."""
    name = info.filename
    suspect = hinted = False
    tail = b""
    try:
        with archive.open(info) as stream:  # bounded: sizes were checked above
            while chunk := stream.read(_CHUNK):
                # Every DTD marker contains "!" in UTF-8 and in UTF-16: one memchr per clean chunk.
                suspect = suspect or b"!" in chunk
                if hint is not None and not hinted:
                    hinted = hint(chunk) or (span > 0 and hint(tail + chunk[:span]))
                    tail = (tail + chunk)[-span:] if span > 0 else b""  # chunks may be shorter than span
            if suspect:
                _refuse_dtd(name, archive.read(info))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _reject(f"phần “{name[:80]}” bị hỏng (sai mã kiểm tra CRC hoặc bị cắt cụt)") from exc
    except NotImplementedError as exc:
        raise _reject(f"phần “{name[:80]}” nén bằng phương pháp không hỗ trợ") from exc
    return hinted


def _refuse_dtd(name: str, data: bytes) -> None:
    """The careful check of a part in which "!" occurs."""
    if any(marker in data for marker in _DTD_MARKERS):
        raise _reject(f"phần “{name[:80]}” chứa khai báo DOCTYPE/ENTITY (có thể là tấn công XML)")
