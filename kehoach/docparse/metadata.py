"""Document metadata: header, title, period, citations, signer and recipients.

The header follows Decree 30/2020 (docs domain.md (a)): agency name, "Số: 45/KH-UBND" (the
number may be left blank before signing), "<place>, ngày 05 tháng 01 năm 2024" (the day may be
blank), the type name in capitals ("KẾ HOẠCH") and the subject lines under it.
"""

from __future__ import annotations

import re

from kehoach.plans.document import ImplementedDoc, PlanMeta, Signer

from .citations import iso_date, parse_citations
from .errors import PlanParseError
from .spans import Chunk
from .text import fold
from .vocab import AUTHORITY_PREFIXES, DEPUTY_PREFIXES, DOC_TYPES, HEADER_NOISE

_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<num>[^/\s]*)\s*/\s*(?P<sym>[\wĐđ.\-]+)", re.IGNORECASE)
_DATE = re.compile(
    r"ngày[\s.…_]*(?P<d>\d{1,2})?[\s.…_]*tháng[\s.…_]*(?P<m>\d{1,2})?[\s.…_]*năm\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_VISION = re.compile(r"tam nhin (?:den )?(?:nam )?((?:19|20)\d\d)")
_BODY_START = re.compile(r"^(?:căn cứ|thực hiện|theo|xét|để)\b", re.IGNORECASE)
_ISSUER_IN_TEXT = re.compile(
    r"^((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Phòng|Ban|Sở)\s.+?)\s+(?:xây dựng|ban hành)"
)


def doc_type_of(text: str) -> str | None:
    """Abbreviation of a type-name line written in capitals ("KẾ HOẠCH" -> "KH")."""
    return DOC_TYPES.get(fold(text)) if text.isupper() else None


def parse_meta(preamble: list[Chunk], closing: list[Chunk], body_text: str) -> tuple[PlanMeta, int]:
    """Plan metadata from the preamble and closing, and the index of the first preamble paragraph
    that is not header or title; `body_text` is searched for the plan period last."""
    agency: list[str] = []
    number: str | None = None
    symbol = place = issued_text = None
    day = month = year = None
    type_index: int | None = None
    title: list[str] = []
    implements: list[ImplementedDoc] = []
    intro_issuer = None
    body_from: int | None = None
    for i, chunk in enumerate(preamble):
        text = chunk.text
        if fold(text) in HEADER_NOISE or re.fullmatch(r"[-_=.*\s]+", text):
            continue
        # Number and date belong to the header, above the type name; a date further down is a citation's.
        header = type_index is None and body_from is None
        num = _NUMBER_LINE.match(text) if header else None
        when = _DATE.search(text) if header and issued_text is None else None
        if when and len(text[: when.start()].split()) > 12:
            when = None
        if num:
            raw = num.group("num").strip("._…")
            number, symbol = (raw or None), num.group("sym").rstrip(".")
        if when:
            before = text[: when.start()]
            place = (before[num.end() :] if num and num.end() <= when.start() else before).strip(" ,") or None
            issued_text = text[when.start() : when.end()]
            day, month, year = when.group("d"), when.group("m"), when.group("y")
        if num or when:
            continue
        if type_index is None and doc_type_of(text):
            type_index = i
        elif type_index is None and text.isupper():
            agency.append(text)
        elif (
            type_index is not None and body_from is None and _is_title(text, title) and not _is_citation(text)
        ):
            title.append(text)
        else:
            body_from = i if body_from is None else body_from
            implements += parse_citations(chunk)
            if intro_issuer is None and (m := _ISSUER_IN_TEXT.match(text)):
                intro_issuer = m.group(1)
    doc_type = doc_type_of(preamble[type_index].text) if type_index is not None else None
    if doc_type is None and symbol:
        doc_type = symbol.split("-")[0] or None
    if doc_type is None:
        raise PlanParseError(
            "Không nhận ra loại văn bản (ví dụ “KẾ HOẠCH”) và số, ký hiệu văn bản: "
            "tệp không phải là một kế hoạch."
        )
    title_text = " ".join(title)
    start, end = _period(title_text, " ".join(c.text for c in preamble), body_text, year)
    vision = _VISION.search(fold(title_text)) or _VISION.search(fold(body_text))
    meta = PlanMeta(
        code=_code(place, doc_type, start, end),
        doc_type=doc_type,
        number=number,
        issuer=(symbol.split("-")[-1] if symbol and "-" in symbol else "UNKNOWN"),
        issued_on=iso_date(day, month, year) if day and month and year else None,
        title=title_text,
        period_start=start,
        period_end=end,
        vision_year=int(vision.group(1)) if vision else None,
        implements=implements,
    )
    if type_index is not None:
        meta["doc_type_name"] = preamble[type_index].text
    issuer_name = _issuer_name(agency) or intro_issuer
    if symbol:
        meta["symbol"] = symbol
    if issuer_name:
        meta["issuer_name"] = issuer_name
    if place:
        meta["place"] = place
    if issued_text:
        meta["issued_text"] = issued_text
    meta["issued_year"] = int(year) if year else None
    meta["issued_month"] = int(month) if month else None
    signer, recipients = parse_closing(closing)
    meta["signer"] = signer
    meta["recipients"] = recipients
    return meta, len(preamble) if body_from is None else body_from


def _issuer_name(lines: list[str]) -> str | None:
    # The header names the parent body, then the issuing body ("UBND TỈNH X / BAN DÂN TỘC"); a
    # people's committee or council is written over two lines ("ỦY BAN NHÂN DÂN / HUYỆN X").
    if not lines:
        return None
    if fold(lines[0]) in ("uy ban nhan dan", "hoi dong nhan dan"):
        return " ".join(lines)
    return lines[-1]


def _is_citation(text: str) -> bool:
    # "Căn cứ ..." always starts the body; "Thực hiện ..." only when it cites a document (a
    # title may well read "Thực hiện Chiến lược ...").
    return bool(re.match(r"^(?:căn cứ|xét)\b", text, re.IGNORECASE)) or bool(
        _BODY_START.match(text) and re.search(r"\bsố\s+\d|\d+/\d+|\bngày\s+\d", text)
    )


def _is_title(text: str, title: list[str]) -> bool:
    # Subject lines carry no final full stop and stop before the first body paragraph.
    return len(title) < 4 and not text.endswith((".", ":", ";")) and len(text.split()) < 60


def _period(title: str, preamble: str, body: str, year: str | None) -> tuple[int, int]:
    for text in (title, preamble, body):
        m = _PERIOD.search(text)
        if m and int(m.group(1)) < int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
    single = re.search(r"năm ((?:19|20)\d\d)", title) or re.search(r"((?:19|20)\d\d)", year or "")
    if single:
        return int(single.group(1)), int(single.group(1))
    raise PlanParseError(
        "Không xác định được giai đoạn thực hiện của kế hoạch (ví dụ “giai đoạn 2021 - 2025”)."
    )


def _code(place: str | None, doc_type: str, start: int, end: int) -> str:
    prefix = re.sub(r"[^A-Z0-9]", "", fold(place or "").upper()) or "PLAN"
    kind = re.sub(r"[^A-Za-z0-9]", "", fold(doc_type).upper())
    return f"{prefix}-{kind}-{start}-{end}" if start != end else f"{prefix}-{kind}-{start}"


def parse_closing(closing: list[Chunk]) -> tuple[Signer | None, list[str]]:
    """Signature block and "Nơi nhận" list from the closing paragraphs."""
    signer = Signer(authority=None, deputy_prefix=None, title=None, name=None)
    recipients: list[str] = []
    in_recipients = False
    for chunk in closing:
        text = chunk.text.strip()
        folded = fold(text)
        if folded.startswith("noi nhan"):
            in_recipients = True
            text = text.split(":", 1)[1].strip() if ":" in text else ""
            if not text:
                continue
        if in_recipients and text.startswith(("-", "–", "+", "•")):
            recipients.append(text.lstrip("-–+• ").rstrip(";.,").strip())
            continue
        in_recipients = False
        if text.startswith(AUTHORITY_PREFIXES):
            signer["authority"] = text
        elif text.startswith(DEPUTY_PREFIXES):
            signer["deputy_prefix"] = text
        elif text.isupper() and len(text.split()) <= 8 and signer["title"] is None:
            signer["title"] = text
        elif _is_name(text) and signer["name"] is None:
            signer["name"] = text
    if not any(signer.values()):
        return None, recipients
    return signer, recipients


def _is_name(text: str) -> bool:
    # A signer's name: 2 to 6 capitalised words ("Nguyễn Văn A"), no digits or punctuation.
    words = text.split()
    return 2 <= len(words) <= 6 and all(
        w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words
    )
