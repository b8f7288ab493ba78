"""Vietnamese number parsing and formatting, in Decimal (never float).

Vietnamese documents write a dot after thousands and a comma before decimals ("1.426.328",
"99,5"). Web copies sometimes use spaces for thousands, and press the English style; English-style
forms are accepted only when the reading is certain, and flagged as ambiguous otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kehoach.core.formatting import vn_number

_SP = "[ \u00a0\u202f]"
_VN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_VN_PLAIN = re.compile(r"\d+(?:,\d+)?")
_SPACED = re.compile(rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?")
_EN_FULL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_EN_DECIMAL = re.compile(r"\d+\.(?:\d{1,2}|\d{4,})")

# A number token in running text. Not preceded/followed by "/" or a letter so that "10/NQ-CP",
# "28/01/2022" and "4.0" are not read as quantities.
NUMBER_TOKEN = re.compile(r"(?<![\w/.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w/]|[.,]\d)")


@dataclass(frozen=True)
class ParsedNumber:
    """A parsed number; `ambiguous` when another reading of the same characters is plausible."""

    value: Decimal
    ambiguous: bool = False


def parse_number(raw: str) -> ParsedNumber:
    """Parse one number as written; raise ValueError when it is not a number at all.

    "1.426.328" -> 1426328, "99,5" -> 99.5, "1 500 000" -> 1500000. "1,500" reads as 1.5 by the
    Vietnamese rule but is flagged ambiguous (English thousands); "1.5" or "1,234.5" are English
    forms and flagged ambiguous.
    """
    s = raw.strip()
    negative = s.startswith(("-", "\u2212"))
    if negative:
        s = s[1:].strip()
    value, ambiguous = _parse_unsigned(s)
    return ParsedNumber(-value if negative else value, ambiguous)


def _parse_unsigned(s: str) -> tuple[Decimal, bool]:
    if _VN_THOUSANDS.fullmatch(s) or _VN_PLAIN.fullmatch(s):
        whole, _, frac = s.replace(".", "").partition(",")
        ambiguous = bool(re.fullmatch(r"\d{1,3},\d{3}", s))
        return Decimal(f"{whole}.{frac}" if frac else whole), ambiguous
    if _SPACED.fullmatch(s):
        whole, _, frac = re.sub(_SP, "", s).partition(",")
        return Decimal(f"{whole}.{frac}" if frac else whole), False
    if _EN_FULL.fullmatch(s) or _EN_THOUSANDS.fullmatch(s) or _EN_DECIMAL.fullmatch(s):
        return Decimal(s.replace(",", "")), True
    raise ValueError(f"not a number: {s!r}")


def parse_vn_number(raw: str, *, strict: bool = True) -> Decimal:
    """Parse a Vietnamese-written number; with `strict`, reject ambiguous forms (ValueError)."""
    parsed = parse_number(raw)
    if strict and parsed.ambiguous:
        raise ValueError(f"ambiguous number: {raw!r}")
    return parsed.value


def format_vn_number(value: Decimal) -> str:
    """Write a Decimal the Vietnamese way: 1426328 -> "1.426.328", 99.5 -> "99,5"."""
    if not value.is_finite():
        raise ValueError("only finite numbers can be written")
    return vn_number(value)


def plain(value: Decimal) -> str:
    """Decimal as the data file writes it: "99.5", "1426328" (no exponent, no trailing zeros)."""
    text = format(value.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")


def to_decimal(value: str | int | float | Decimal) -> Decimal:
    """A number read from a data file (YAML int/float or digit string) as an exact Decimal."""
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest repr is what the file said
    return Decimal(value)


@dataclass(frozen=True)
class NumberMatch:
    """A number found in running text, with its place and form as written."""

    value: Decimal
    start: int
    end: int
    raw: str
    ambiguous: bool


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number token in `text` in order; dates, document numbers and "4.0" are skipped."""
    found = []
    for m in NUMBER_TOKEN.finditer(text):
        parsed = parse_number(m.group())
        found.append(NumberMatch(parsed.value, m.start(), m.end(), m.group(), parsed.ambiguous))
    return found
