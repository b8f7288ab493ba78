"""The layout of the entry template, shared by the writer and the reader. Pure.

One row per value (unit × element × disaggregation): long rather than wide, so one layout serves
every form, several units in one file, and any number of disaggregations; people fill column J.
"""

from __future__ import annotations

from kehoach.datavalues import rows as r
from kehoach.spreadsheets.table import Column

TEMPLATE_FORMAT = "kehoach-mau-so-lieu"
TEMPLATE_VERSION = 2  # raise when the columns change: older files are then refused with a clear message
DATA_SHEET = "Số liệu"
META_SHEET = "_mau"
GUIDE_SHEET = "Hướng dẫn"

COLUMNS = [
    Column(r.UNIT, "Mã đơn vị"),
    Column("unit_name", "Tên đơn vị", informative=True),
    Column(r.PERIOD, "Kỳ"),
    Column(r.ELEMENT, "Mã số liệu"),
    Column("element_name", "Tên số liệu", informative=True),
    Column(r.OPTION_COMBO, "Mã phân tổ"),
    Column("coc_name", "Phân tổ", informative=True),
    Column("unit_label", "Đơn vị tính", informative=True),
    Column("previous", "Kỳ trước", informative=True),
    Column(r.VALUE, "Giá trị"),
    Column(r.COMMENT, "Ghi chú"),
    Column(r.VERSION, "Phiên bản"),
]
LETTERS = {col.key: chr(ord("A") + i) for i, col in enumerate(COLUMNS)}
HEADERS = {col.key: col.header for col in COLUMNS}
WIDTHS = [22, 24, 8, 22, 48, 14, 22, 12, 12, 14, 30, 9]
INPUT_KEYS = (r.VALUE, r.COMMENT)


def where(line: int, field: str) -> str:
    """“Trang “Số liệu”, dòng 12, cột J (Giá trị)” for a message about one cell (or one row)."""
    place = f"Trang “{DATA_SHEET}”, dòng {line}"
    if field in LETTERS:
        place += f", cột {LETTERS[field]} ({HEADERS[field]})"
    return place
