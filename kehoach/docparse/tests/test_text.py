"""Normalisation, folding and garbled-text detection."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kehoach.docparse.text import find_keyword, fold, garbled_reason, has_word, normalise


def test_fold_removes_diacritics_and_case() -> None:
    assert fold("Mường Tè") == "muong te"
    assert fold("ĐỒNG BÀO Dân tộc") == "dong bao dan toc"
    assert fold("  Phòng   Dân tộc ") == "phong dan toc"


def test_fold_treats_nfd_and_nfc_alike() -> None:
    nfd = unicodedata.normalize("NFD", "Hòa Bình")
    assert fold(nfd) == fold("Hòa Bình") == "hoa binh"
    assert fold("Hoà") == fold("Hòa")  # old and new tone placement


def test_normalise_nfc_controls_and_spaces() -> None:
    raw = unicodedata.normalize("NFD", "Kế\u00a0hoạch\u200b  số\x07 1\r\nDòng\ttiếp  ")
    assert normalise(raw) == "Kế hoạch số 1\nDòng tiếp"
    assert unicodedata.is_normalized("NFC", normalise(raw))


@given(st.text())
def test_normalise_is_idempotent_and_clean(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert all(ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf") for ch in once)


def test_keywords_match_whole_words_first_occurrence_wins() -> None:
    table = (("health", ("y te",)), ("education", ("truong hoc",)), ("environment", ("rung",)))
    assert find_keyword("xay dung truong hoc va tram y te", table) == "education"
    assert find_keyword("trung tam", table) is None  # "rung" inside "trung" is not a word
    assert has_word("bao ve rung", "rung")
    assert not has_word("trung hoc", "rung")


def test_garbled_reasons() -> None:
    assert garbled_reason("Kế hoạch triển khai thực hiện Chiến lược công tác dân tộc") is None
    mojibake = "Káº¿ hoáº¡ch triá»ƒn khai thá»±c hiá»‡n ChiÃªn lÆ°á»£c " * 5
    assert garbled_reason(mojibake) is not None
    tcvn3 = "KÕ ho¹ch triÓn khai thùc hiÖn ChiÕn l­îc c«ng t¸c d©n téc " * 5
    assert "TCVN3" in (garbled_reason(tcvn3) or "")
    assert garbled_reason("@@@ ### 0101 %%% ||| ~~~ 9999 $$$") is not None
    assert garbled_reason("\ufffd" * 50 + " văn bản") is not None
