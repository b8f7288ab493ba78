"""Numbers and dates in the Vietnamese convention (1.426.328; 99,5%; 05/01/2024). Pure functions.

Decree 30/2020 documents and Vietnamese users read "." as the thousands separator and "," as the
decimal mark; showing 1,426,328 or 99.5% would be misread, so we never rely on the locale.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal


def vn_number(value: Decimal | int | float | str | None, places: int | None = None) -> str:
    """1426328 -> "1.426.328"; Decimal("99.50") -> "99,5"; places fixes the decimals shown."""
    if value is None or value == "":
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    else:
        number = number.normalize()
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    if frac:
        result += "," + frac
    return sign + result


def vn_percent(value: Decimal | int | float | str | None, places: int | None = None) -> str:
    """Decimal("99.5") -> "99,5%" (the value is already in percent)."""
    text = vn_number(value, places)
    return f"{text}%" if text else ""


def vn_date(value: dt.date | None) -> str:
    """date(2024, 1, 5) -> "05/01/2024"."""
    return value.strftime("%d/%m/%Y") if value else ""


def vn_date_long(value: dt.date) -> str:
    """The header form of Decree 30/2020: "ngày 05 tháng 01 năm 2024" (leading zero for days < 10 and months 1-2)."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_vn_decimal(text: str) -> Decimal:
    """Read a number typed the Vietnamese way ("1.426.328", "99,5", "1.234,5") or plainly ("1426328", "99.5").

    A dot followed by groups of exactly three digits is a thousands separator (1.500 is one thousand
    five hundred); a single dot otherwise is taken as a decimal point, as browsers and spreadsheets
    send it. Anything else is refused rather than guessed. Raises ValueError with a Vietnamese message.
    """
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    sign = ""
    if raw and raw[0] in "+-":
        sign, raw = ("-" if raw[0] == "-" else ""), raw[1:]
    if not raw:
        raise ValueError("Chưa nhập số.")
    if "," in raw:
        whole, _, frac = raw.partition(",")
        if "," in frac or "." in frac or not frac.isdigit() or not (whole.isdigit() or _GROUPED.match(whole)):
            raise ValueError(f"“{text}” không phải là số hợp lệ (ví dụ đúng: 1.234,5).")
        return Decimal(sign + whole.replace(".", "") + "." + frac)
    if _GROUPED.match(raw):
        return Decimal(sign + raw.replace(".", ""))
    if (
        raw.count(".") <= 1
        and raw.replace(".", "").isdigit()
        and not raw.endswith(".")
        and not raw.startswith(".")
    ):
        return Decimal(sign + raw)
    raise ValueError(f"“{text}” không phải là số hợp lệ (ví dụ đúng: 1.234,5).")
