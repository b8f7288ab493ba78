"""Rendering Word automatic numbering into labels."""

from __future__ import annotations

from xml.etree import ElementTree

from kehoach.docparse.numbering import Numbering, roman

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
XML = f"""<w:numbering {W}>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf02d"/></w:lvl>
    <w:lvl w:ilvl="4"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
    <w:lvl w:ilvl="5"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="8"><w:abstractNumId w:val="1"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""


def test_roman() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1999)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIX"]


def test_labels_count_and_restart() -> None:
    numbering = Numbering.from_xml(ElementTree.fromstring(XML))
    got = [numbering.label("7", lvl) for lvl in (0, 1, 2, 2, 3, 4, 1, 2, 0, 1)]
    assert got == ["I.", "I.1.", "a)", "b)", "-", "+", "I.2.", "a)", "II.", "II.1."]
    assert numbering.label("7", 5) is None
    assert numbering.label("99", 0) is None
    assert numbering.label("8", 0) == "IV."  # start override


def test_no_numbering_part() -> None:
    assert Numbering.from_xml(None).label("1", 0) is None
