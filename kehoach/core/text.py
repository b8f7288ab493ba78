"""Text normalisation shared by search and matching. Pure functions."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """NFC form without control characters: what we store for any text a user or file gives us."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """Diacritic- and case-insensitive key: "Mường Tè" -> "muong te", "Đắk" -> "dak".

    đ/Đ is a separate letter, not a combining mark, so it needs its own mapping.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().casefold()
