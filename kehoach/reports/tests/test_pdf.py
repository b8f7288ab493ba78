"""PDF through LibreOffice: A4 pages rendered to PNG, the Vietnamese header found with its
diacritics; a failed conversion (soffice still exits 0) and a missing LibreOffice give clear errors."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kehoach.core.exceptions import ValidationFailed
from kehoach.reports import pdf
from kehoach.reports.docx_report import build_report
from kehoach.reports.narrative import prefill
from kehoach.reports.tests.factories import head, report_data
from kehoach.testing.libreoffice import needs_libreoffice


@needs_libreoffice
def test_pdf_pages_are_a4_and_carry_the_vietnamese_header(tmp_path: Path):
    data = report_data()
    content = pdf.docx_to_pdf(build_report(data, head(), prefill(data)))
    assert content.startswith(b"%PDF")
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Xã B, ngày 05 tháng 01 năm 2025" in text
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "1", str(path)], capture_output=True, check=True
    ).stdout.decode()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page\s+1 size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points, portrait first page
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pages >= 2  # body pages and the landscape table


@needs_libreoffice
def test_a_file_libreoffice_cannot_convert_is_reported_not_returned():
    with pytest.raises(ValidationFailed, match="không chuyển được"):
        pdf.docx_to_pdf(b"PK\x03\x04 not really a document")


def test_missing_libreoffice_is_a_clear_message(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    with pytest.raises(ValidationFailed, match="chưa cài LibreOffice"):
        pdf.docx_to_pdf(b"")
