"""Agency names in task wording, and matching names to agency codes.

The parser returns agency names as written ("Phòng Nông nghiệp và PTNT"); `match_agency` maps a
name onto the agency data (codes with names and aliases) without regard to case, diacritics or
common abbreviations, and says whether the match is unique, ambiguous or missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from .text import fold
from .vocab import AGENCY_ABBREVIATIONS, AGENCY_STARTERS

_STARTER = "(?:" + "|".join(re.escape(s) for s in sorted(AGENCY_STARTERS, key=len, reverse=True)) + r")(?!\w)"
_NAME = rf"{_STARTER}[^,;:.()]*?"
_LEAD_BEFORE = re.compile(rf"(?P<name>{_NAME})\s*(?:là cơ quan\s+|làm\s+)?chủ trì")
_LEAD_AFTER = re.compile(rf"(?:cơ quan\s+)?chủ trì\s*:\s*(?P<name>{_NAME})\s*(?=[,;.(]|$)", re.IGNORECASE)
# Words that end a list of agency names: the verb of what they are to do.
_LIST_END = (
    r"(?=\s+(?:thực hiện|triển khai|tổ chức|xây dựng|để|trong|nhằm|theo|nâng cao|hướng dẫn|rà soát|tham mưu"
    r"|đẩy mạnh|tăng cường|hỗ trợ|kiểm tra|đôn đốc|tuyên truyền|chỉ đạo|bố trí|phát triển|quản lý|đào tạo"
    r"|kết quả|tình hình|về việc|trước ngày)(?!\w)|[;.]|$)"
)
_COORD = re.compile(rf"phối hợp(?:\s+với)?\s*:?\s*(?P<list>.+?){_LIST_END}")
_RECIPIENTS = re.compile(rf"(?P<list>{_STARTER}.*?){_LIST_END}")
_SPLIT = re.compile(rf",\s*|\s+và\s+(?={_STARTER})")


@dataclass(frozen=True)
class AgencyMatch:
    """Result of matching a name: `one` (codes has one code), `ambiguous` (several) or `none`."""

    status: Literal["one", "ambiguous", "none"]
    codes: tuple[str, ...]


def split_agencies(text: str) -> list[str]:
    """A list of agency names: split at commas, and at "và" only before a new agency name, so
    "Sở Lao động - Thương binh và Xã hội" stays whole."""
    return [piece.strip() for piece in _SPLIT.split(text) if piece.strip()]


def agencies_at(text: str) -> list[str]:
    """The agency names listed at the start of `text` ("UBND tỉnh, Ban Dân tộc tỉnh kết quả ...")."""
    m = _RECIPIENTS.match(text.strip())
    return [p for p in split_agencies(m.group("list")) if re.match(_STARTER, p)] if m else []


def lead_and_coordinating(text: str) -> tuple[str | None, list[str]]:
    """Lead agency and coordinating agencies named in a task's own text, as written."""
    lead_match = _LEAD_BEFORE.search(text) or _LEAD_AFTER.search(text)
    lead = lead_match.group("name").strip() if lead_match else None
    coordinating: list[str] = []
    for m in _COORD.finditer(text):
        for piece in split_agencies(m.group("list")):
            piece = re.sub(r"^(?:với|các)\s+", "", piece)
            if re.match(_STARTER, piece) and piece != lead and piece not in coordinating:
                coordinating.append(piece)
    return lead, coordinating


def agency_key(name: str) -> str:
    """Comparison key: folded, abbreviations expanded ("UBND" -> "uy ban nhan dan"), no punctuation."""
    words = [AGENCY_ABBREVIATIONS.get(w, w) for w in fold(name).split()]
    text = " ".join(words).replace("&", " va ")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def match_agency(name: str, candidates: Mapping[str, Iterable[str]]) -> AgencyMatch:
    """Match `name` against {code: [name, alias, ...]}: exact key first, then whole-word containment."""
    query = agency_key(name)
    if not query:
        return AgencyMatch("none", ())
    keys = {code: [agency_key(n) for n in names] for code, names in candidates.items()}
    exact = tuple(code for code, ks in keys.items() if query in ks)
    found = exact or tuple(
        code for code, ks in keys.items() if any(_contains(k, query) or _contains(query, k) for k in ks if k)
    )
    if not found:
        return AgencyMatch("none", ())
    return AgencyMatch("one" if len(found) == 1 else "ambiguous", found)


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "
