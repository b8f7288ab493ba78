"""The container scan reads each XML part in chunks: what it decides about a part (a DTD, and a
caller's hint such as "may hold a formula or an error cell") must not depend on where the chunks
are cut. Checked with chunks of a few bytes against the whole-part checks they replace."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.spreadsheets import container
from kehoach.spreadsheets.errors import FileRejected
from kehoach.spreadsheets.xmlscan import HINT_SPAN, _may_have_problem, may_have_problem_hint

PART = "xl/worksheets/sheet1.xml"
# Pieces of the patterns both checks look for, so random text often (nearly) matches them.
_BYTES = [b"<", b"f", b">", b" ", b"/", b":", b"x", b'"', b"'", b"e", b"t", b"=", b"!", b"\x00"]
_WORDS = [b"DOCTYPE", b"<!", b"<f>", b"<f/", b"<x:f ", b' t="e"', b" t='e'", b" t=\"e'", b"<c r='A1'>"]
_pieces = st.sampled_from(_BYTES + _WORDS)
_texts = st.lists(st.one_of(_pieces, st.binary(max_size=3)), max_size=40).map(b"".join)


def _zip(part: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr(PART, part)
    return out.getvalue()


@given(text=_texts, chunk=st.integers(min_value=1, max_value=9))
def test_chunked_hint_is_true_wherever_the_whole_part_check_is(text, chunk):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(container, "_CHUNK", chunk)
        try:
            _archive, hinted = container.open_scanned(_zip(text), hint=may_have_problem_hint, span=HINT_SPAN)
        except FileRejected:
            return  # a DTD marker: checked below
    if _may_have_problem(text):
        assert hinted[PART]


@given(text=_texts, chunk=st.integers(min_value=1, max_value=9))
def test_chunked_dtd_check_refuses_exactly_what_the_whole_part_check_refuses(text, chunk):
    declared = any(marker in text for marker in container._DTD_MARKERS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(container, "_CHUNK", chunk)
        if declared:
            with pytest.raises(FileRejected, match="DOCTYPE/ENTITY"):
                container.open_scanned(_zip(text))
        else:
            container.open_scanned(_zip(text))


def test_a_doctype_cut_across_chunks_is_refused():
    text = b"<?xml version='1.0'?>" + b"<!DOCTYPE x [<!ENTITY a 'b'>]><x/>"
    for chunk in range(1, len(text) + 1):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(container, "_CHUNK", chunk)
            with pytest.raises(FileRejected):
                container.open_scanned(_zip(text))
