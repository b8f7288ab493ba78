"""What a report says around its figures: the Decree 30/2020 parts and the narrative. Pure.

The parts are stored on the report (editable while it is a draft) and given to the builders as
these frozen values; nothing here reads the database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Characters XML 1.0 cannot carry (C0 controls except tab, newline, carriage return), plus the
# lone surrogates and non-characters python-docx and openpyxl refuse (reliability.md §2.3).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Section keys in document order; which ones a kind shows is decided by `sections_for`.
RESULTS, TASKS, BUDGET, DIFFICULTIES, LESSONS, PROPOSALS = (
    "results",
    "tasks",
    "budget",
    "difficulties",
    "lessons",
    "proposals",
)


@dataclass(frozen=True)
class Signer:
    lines: tuple[
        str, ...
    ]  # authority and title, e.g. ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    name: str


@dataclass(frozen=True)
class DocumentHead:
    """Header block, subject, recipients and signature of one report (Decree 30/2020, Điều 8)."""

    parent_body: str  # "ỦY BAN NHÂN DÂN" or "UBND HUYỆN …"
    issuing_body: str  # "HUYỆN …" or "PHÒNG DÂN TỘC"
    issuer_name: str  # in normal case for the body ("UBND huyện …")
    number: int | None  # None while a draft: the number is given when the report is issued
    symbol: str  # "BC-UBND"
    place: str
    date: dt.date | None  # None while a draft: the date line keeps its blanks
    type_name: str  # "BÁO CÁO"
    subject: str
    recipients: tuple[str, ...]
    archive: str  # "Lưu: VT, PDT."
    signer: Signer

    @property
    def number_line(self) -> str:
        """ "Số: 07/BC-UBND"; numbers below 10 get a leading zero; a draft leaves the number blank."""
        number = f"{self.number:02d}" if self.number is not None else "      "
        return f"Số: {number}/{self.symbol}"


def clean(text: str) -> str:
    """Text as it may go into an XML document: control characters removed, line ends unified."""
    return CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_control_characters(text: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(text.replace("\r", "")))


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of an edited section: each becomes one paragraph of the document."""
    return [line.strip() for line in clean(text).split("\n") if line.strip()]
