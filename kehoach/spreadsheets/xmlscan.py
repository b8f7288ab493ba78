"""What the value reader cannot tell: which cells hold a formula without a cached value, or an error.

python-calamine returns an uncalculated formula as an empty cell, which would silently read as
blank (reliability.md §2.3, test I6), so the sheet XML is scanned for `<f>` without `<v>`.
Only called after container.open_checked: no part declares a DTD, so the standard-library parser
cannot expand entities or fetch anything here.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree import ElementTree

from .errors import FileRejected, Problem

_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
# A formula element (<f> or a prefixed <x:f>) or an error-typed cell; without either the sheet has
# nothing to report and the cell-by-cell parse (most of the reading time) can be skipped. Three
# patterns, not one alternation: a literal start ("<f") lets the regex engine skip ahead fast.
_FORMULA = re.compile(rb"<f[\s>/]")
_PREFIXED_FORMULA = re.compile(rb"<[A-Za-z_][\w.-]*:f[\s>/]")
_ERROR_TYPE = re.compile(rb"\bt\s*=\s*[\"']e[\"']")


# Weaker still, for container.open_scanned to run on each chunk of a part while it checks it for
# DTDs: true wherever _may_have_problem is (a prefixed formula has ":f", an error type a quote,
# and a single quote is one memchr where it is absent), so a part it clears needs no other look.
# The longest match is three bytes: HINT_SPAN = 2 bytes either side of a chunk junction.
_PREFIX_HINT = re.compile(rb":f[\s>/]")
_DOUBLE_QUOTED_E = re.compile(rb'"e"')
HINT_SPAN = 2


def may_have_problem_hint(chunk: bytes) -> bool:
    return (
        _FORMULA.search(chunk) is not None
        or _PREFIX_HINT.search(chunk) is not None
        or b"'" in chunk
        or _DOUBLE_QUOTED_E.search(chunk) is not None
    )


def _may_have_problem(data: bytes) -> bool:
    """Slow patterns run only where a substring test (C speed) finds what they need."""
    if _FORMULA.search(data):
        return True
    if b":f" in data and _PREFIXED_FORMULA.search(data):
        return True
    return (b'"e"' in data or b"'e'" in data) and _ERROR_TYPE.search(data) is not None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: ElementTree.Element, name: str) -> str:
    """An attribute by local name, whatever its namespace (r:id is namespaced)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return ""


def _parse(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(archive.read(name))
    except (KeyError, ElementTree.ParseError) as exc:
        raise FileRejected(f"Tệp bị từ chối: phần “{name}” không phải XML hợp lệ.") from exc


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part, from xl/workbook.xml and its relationships."""
    workbook = _parse(archive, "xl/workbook.xml")
    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        for rel in _parse(archive, "xl/_rels/workbook.xml.rels"):
            target = rel.get("Target", "")
            # Targets are relative to xl/ unless absolute ("/xl/worksheets/sheet1.xml" from some tools).
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            targets[rel.get("Id", "")] = path
    parts: dict[str, str] = {}
    for element in workbook.iter():
        if _local(element.tag) == "sheet":
            path = targets.get(_attr(element, "id"), "")
            if path in archive.namelist():
                parts[element.get("name", "")] = path
    return parts


def scan_sheet(archive: zipfile.ZipFile, sheet: str, part: str) -> list[Problem]:
    """Formula cells without a cached value, and error values (#N/A, #DIV/0!, #REF!...)."""
    problems: list[Problem] = []
    # Part sizes are already bounded by container.open_checked, so reading the bytes once is safe.
    if not _may_have_problem(archive.read(part)):
        return problems
    with archive.open(part) as stream:
        for _event, element in ElementTree.iterparse(stream, events=("end",)):
            if _local(element.tag) != "c":
                continue
            problem = _cell_problem(element)
            if problem:
                row, column = _position(element.get("r", ""))
                problems.append(Problem(problem, sheet=sheet, row=row, column=column))
            element.clear()  # keep memory flat on large sheets
    return problems


def _cell_problem(cell: ElementTree.Element) -> str:
    children = {_local(child.tag): child for child in cell}
    cell_type = cell.get("t", "n")
    value = children.get("v")
    if cell_type == "e":
        shown = value.text if value is not None and value.text else "lỗi"
        return f"ô có giá trị lỗi {shown}; hãy sửa công thức hoặc nhập số liệu trực tiếp"
    if "f" in children:
        cached = value is not None and (cell_type == "str" or bool(value.text))
        if not cached:
            return (
                "ô có công thức chưa được tính (không có giá trị lưu sẵn); hãy mở tệp bằng Excel, "
                "tính lại và lưu, hoặc nhập số liệu trực tiếp"
            )
    return ""


def _position(ref: str) -> tuple[int | None, str]:
    match = _REF.match(ref)
    return (int(match.group(2)), match.group(1)) if match else (None, "")
