"""Checks on a .docx container before any XML in it is parsed.

A .docx is a zip of XML parts. An upload can be a zip bomb (tiny file, huge parts), carry XML
entity declarations (billion laughs, XXE), or point at external resources (a remote template or
image that Word would fetch). All of this is decided from the zip directory and a byte scan, so
nothing hostile reaches python-docx.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from .errors import PlanParseError

MAX_ENTRIES = 2000
MAX_RATIO = 100  # compression ratio above which a large part is treated as a bomb
RATIO_MIN_SIZE = 1024 * 1024  # small parts may compress very well legitimately
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XML_PART = 64 * 1024 * 1024

_DTD_MARKERS = tuple(
    marker.encode(enc)
    for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
_HYPERLINK_TYPE = re.compile(r"/hyperlink$")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(frozen=True)
class DocxScan:
    """What the scan found that is allowed but worth reporting."""

    external_links: tuple[str, ...]


def _bad(reason: str) -> PlanParseError:
    return PlanParseError(f"Tệp .docx bị từ chối: {reason}.")


def check_container(archive: zipfile.ZipFile, *, max_bytes: int, max_uncompressed: int | None = None) -> None:
    """Reject zip bombs and odd entry names using only the zip directory (nothing is inflated).

    The uncompressed total may reach `max_uncompressed` (default: the larger of MAX_UNCOMPRESSED
    and five times the upload limit, room for the images a real plan carries)."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _bad(f"có quá nhiều phần ({len(infos)})")
    total = 0
    names: set[str] = set()
    for info in infos:
        name = info.filename
        if name in names:
            raise _bad(f"có hai phần trùng tên “{name[:80]}”")
        names.add(name)
        if name.startswith(("/", "\\")) or ".." in name.split("/") or "\\" in name or ":" in name:
            raise _bad(f"tên phần không hợp lệ “{name[:80]}”")
        if info.flag_bits & 0x1:
            raise _bad("tệp được mã hóa bằng mật khẩu")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO:
            raise _bad(f"tỷ lệ nén bất thường ({ratio:.0f}:1), có dấu hiệu là bom nén (zip bomb)")
        if name.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise _bad(f"phần XML quá lớn ({name})")
    if total > (max_uncompressed if max_uncompressed is not None else max(MAX_UNCOMPRESSED, 5 * max_bytes)):
        raise _bad("dung lượng sau giải nén quá lớn, có dấu hiệu là bom nén (zip bomb)")


def scan_parts(archive: zipfile.ZipFile) -> DocxScan:
    """Reject DTD/entity declarations and non-hyperlink external relationships in every XML part."""
    links: list[str] = []
    for info in archive.infolist():
        name = info.filename
        if not name.endswith((".xml", ".rels")):
            continue
        # zipfile never returns more than the declared size, so this read is bounded by the checks above.
        data = archive.read(info)
        if any(marker in data for marker in _DTD_MARKERS):
            raise _bad(f"phần “{name}” chứa khai báo DOCTYPE/ENTITY (có thể là tấn công XML)")
        if name.endswith(".rels"):
            links.extend(_external_targets(name, data))
    return DocxScan(tuple(links))


def _external_targets(name: str, data: bytes) -> list[str]:
    # Only called after scan_parts found no DOCTYPE in the part: with no DTD there is no entity to
    # expand and nothing to fetch, so the standard library parser is safe here.
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise _bad(f"phần “{name}” không phải XML hợp lệ") from exc
    links: list[str] = []
    for rel in root.iter(_REL_NS):
        if str(rel.get("TargetMode", "")).lower() != "external":
            continue
        target = str(rel.get("Target", ""))
        if _HYPERLINK_TYPE.search(str(rel.get("Type", ""))):
            links.append(target)  # an ordinary hyperlink: Word does not fetch it on open
            continue
        raise _bad(f"có tham chiếu tới tài nguyên bên ngoài “{target[:120]}”")
    return links
