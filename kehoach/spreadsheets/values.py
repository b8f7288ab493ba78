"""Cell values to exact Python values, with Vietnamese messages (reliability.md §6.1 item 6).

Numeric cells are preferred; numbers typed as text are read the Vietnamese way ("1.234,5") and
anything ambiguous is refused rather than guessed: a silent ×1000 error in money is the worst
outcome an import can have.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from kehoach.core.formatting import parse_vn_decimal

from .errors import CellError

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

# C0 controls except tab, newline and carriage return, plus DEL and the C1 block: Word's
# Shift+Enter (\x0b) and NUL break every XML export later (reliability.md §2.3).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = "\u00a0\u2007\u202f \t\r\n"
_EXACT_WHOLE = 2.0**53
_DATE_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def is_blank(value: Cell) -> bool:
    return value is None or (type(value) is str and not value.strip(_SPACES))


def clean_text(value: Cell) -> tuple[str, bool]:
    """(NFC text without control characters, whether any were removed). Whole numbers lose ".0"
    (a code typed as a number, 3454, arrives as the float 3454.0)."""
    if value is None:
        return "", False
    # Fast path for the common case (codes, plain text): printable ASCII is already NFC and has
    # no control characters, and the check runs in C.
    if isinstance(value, str) and value.isascii() and value.isprintable():
        return value.strip(_SPACES), False
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime | dt.date):
        text = value.strftime("%d/%m/%Y")
    else:
        text = str(value)
    normal = unicodedata.normalize("NFC", text)
    cleaned = _CONTROL.sub("", normal)
    return cleaned.strip(_SPACES), cleaned != normal


def strict_text(value: Cell) -> str:
    """Text for codes and keys: control characters are an error, not something to drop quietly."""
    text, had_controls = clean_text(value)
    if had_controls:
        raise CellError("ô chứa ký tự điều khiển ẩn (thường do dán từ Word); hãy xóa rồi gõ lại")
    return text


def to_decimal(value: Cell, *, places: int = 3, max_digits: int = 20) -> Decimal:
    """An exact Decimal from a numeric cell or from Vietnamese-style text."""
    if isinstance(value, bool):
        raise CellError("ô là giá trị đúng/sai, không phải số")
    if type(value) is float and value.is_integer() and abs(value) < _EXACT_WHOLE:
        # Whole numbers (most counts) are exact in a double below 2**53: no text round trip.
        number = Decimal(int(value))
        if abs(number) >= Decimal(10) ** (max_digits - places):
            raise CellError("số quá lớn")
        return number
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellError("ô không phải là số hữu hạn")
        # repr() is the shortest text that round-trips the stored double: what the user typed.
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        number = _text_number(value)
    else:
        raise CellError("ô không phải là số")
    # Size first: quantize() of a number beyond the context's 28 digits raises InvalidOperation.
    if not number.is_finite() or abs(number) >= Decimal(10) ** (max_digits - places):
        raise CellError("số quá lớn")
    # Plain form without an exponent: 1000 stays "1000" (normalize() would give "1E+3").
    number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise CellError(f"số có quá {places} chữ số thập phân")
    return number


def _text_number(value: str) -> Decimal:
    text, had_controls = clean_text(value)
    if had_controls:
        raise CellError("ô chứa ký tự điều khiển ẩn")
    if text.endswith("%"):
        raise CellError(f"“{text}” có dấu %; hãy ghi số không kèm đơn vị")
    if text.startswith("(") and text.endswith(")"):
        raise CellError(f"“{text}” là cách ghi số âm kiểu kế toán; hãy ghi số dương hoặc dùng dấu trừ")
    try:
        number = parse_vn_decimal(text)
    except ValueError as exc:
        raise CellError(f"“{text[:40]}” không phải là số hợp lệ (ví dụ đúng: 1.234,5)") from exc
    except InvalidOperation as exc:  # pragma: no cover - parse_vn_decimal validates digits first
        raise CellError(f"“{text[:40]}” không phải là số hợp lệ") from exc
    return number


def to_int(value: Cell) -> int:
    """A whole number (a year, a count)."""
    number = to_decimal(value, places=6)
    if number != number.to_integral_value():
        raise CellError("cần một số nguyên")
    return int(number)


def to_date(value: Cell) -> dt.date:
    """A date cell, or text written dd/mm/yyyy (or yyyy-mm-dd)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError("ô ngày đang là số; hãy định dạng ô là ngày hoặc ghi dạng dd/mm/yyyy")
    text, _ = clean_text(value)
    match = _DATE_VN.match(text)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (iso := _DATE_ISO.match(text)):
        parts = (iso.group(1), iso.group(2), iso.group(3))
    if parts is None:
        raise CellError(f"“{text[:40]}” không phải ngày hợp lệ (ghi dạng dd/mm/yyyy, ví dụ 31/12/2025)")
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError as exc:
        raise CellError(f"ngày “{text}” không tồn tại (ghi dạng dd/mm/yyyy)") from exc
