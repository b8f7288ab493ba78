"""Text normalisation and diacritic-insensitive folding for Vietnamese.

`normalise` produces the text every offset (SourceSpan) refers to; `fold` is only ever used for
matching keywords and names, never for text that is stored.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kehoach.core.text import fold as fold  # re-exported: one folding rule for search and parsing

# Spaces that word processors and web copies use in place of a plain space.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t"), " ")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_MULTI_SPACE = re.compile(r" {2,}")


def _keep(ch: str) -> bool:
    # Drop control (Cc) and format (Cf: zero-width space, BOM, soft hyphen) characters, keep newline.
    if ch == "\n":
        return True
    return unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")


def normalise(text: str) -> str:
    """NFC-normalise, unify line breaks and spaces, strip control characters and trailing blanks."""
    text = _LINE_BREAKS.sub("\n", text).translate(_SPACES)
    text = "".join(ch for ch in unicodedata.normalize("NFC", text) if _keep(ch))
    return "\n".join(_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))


# Latin-1 letters that occur in Vietnamese text; other Latin-1 symbols in quantity mean the text
# was produced by a legacy 8-bit font encoding (TCVN3/VNI) or by mojibake.
_VN_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|Ä‘|Æ°|áº|á»")
_LEGACY = re.compile("[" + "".join(ch for ch in map(chr, range(0x80, 0x100)) if ch not in _VN_LATIN1) + "]")
_SPACE = re.compile(r"\s")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


def garbled_reason(text: str) -> str | None:
    """Why `text` cannot be Vietnamese prose (mojibake, legacy encoding, OCR noise), or None."""
    visible = len(text) - len(_SPACE.findall(text))
    if not visible:
        return "trống"
    if text.count("\ufffd") > max(3, visible // 200):
        return "có nhiều ký tự không đọc được"
    if len(_MOJIBAKE.findall(text)) > max(3, visible // 500):
        return "bị lỗi mã hóa ký tự (UTF-8 bị đọc sai)"
    if len(_LEGACY.findall(text)) > max(5, visible // 100):
        return "dùng bảng mã cũ (TCVN3/VNI), cần chuyển sang Unicode"
    # Figures (tables of numbers, document symbols) are neither letters nor noise.
    if len(_LETTER.findall(text)) < 0.6 * (visible - len(_DIGIT.findall(text))):
        return "không phải văn bản tiếng Việt đọc được"
    words = [w for w in text.split() if not any(ch.isdigit() for ch in w)]
    short = sum(1 for w in words if len(w) <= 7)
    # Vietnamese is written in short syllables; long letter runs are OCR noise or binary.
    if words and short < 0.8 * len(words):
        return "không phải văn bản tiếng Việt đọc được"
    return None


def find_keyword(folded: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The key whose keyword occurs first in `folded` (whole words); then the longest, then order."""
    pattern, keys = _keyword_pattern(table)
    m = pattern.search(folded)
    return keys[m.group(0)] if m else None


@functools.lru_cache(maxsize=32)
def _keyword_pattern(
    table: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[re.Pattern[str], dict[str, str]]:
    # One alternation, longest keywords first: the leftmost match is then also the longest there.
    keys: dict[str, str] = {}
    for key, keywords in table:
        for kw in keywords:
            keys.setdefault(kw, key)
    alternation = "|".join(re.escape(kw) for kw in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), keys


def has_word(folded: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `folded` as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded) is not None
