"""`kehoach report annual|review|indicators` write files read back with python-docx and openpyxl."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from kehoach.cli import main

pytestmark = pytest.mark.django_db


def test_annual_report_and_indicator_table_from_the_command_line(seed_plan, tmp_path: Path, capsys):
    out = tmp_path / "bao-cao-2024.docx"
    assert main(["report", "annual", "--year", "2024", "--out", str(out), "--plan", seed_plan.code]) == 0
    doc = Document(io.BytesIO(out.read_bytes()))
    assert doc.tables[0].rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert any(p.text.endswith("năm 2024") and "Kết quả thực hiện Kế hoạch" in p.text for p in doc.paragraphs)
    assert "Đã ghi" in capsys.readouterr().out
    sheet = tmp_path / "bieu.xlsx"
    assert main(["report", "indicators", "--year", "2024", "--out", str(sheet)]) == 0
    rows = load_workbook(sheet)["Biểu chỉ tiêu"].max_row
    assert rows == 1 + seed_plan.targets.filter(quantified=True).count()


def test_review_picks_mid_term_or_final_by_the_milestone(seed_plan, tmp_path: Path):
    for milestone, word in ((2025, "Sơ kết 5 năm"), (seed_plan.period_end, "Tổng kết")):
        out = tmp_path / f"review-{milestone}.docx"
        assert main(["report", "review", "--milestone", str(milestone), "--out", str(out)]) == 0
        texts = [p.text for p in Document(str(out)).paragraphs]
        assert any(t.startswith(word) for t in texts)
        assert "III. BÀI HỌC KINH NGHIỆM" in texts


def test_a_year_outside_the_plan_is_refused_with_a_message(tmp_path: Path, capsys):
    assert main(["report", "annual", "--year", "1999", "--out", str(tmp_path / "x.docx")]) == 2
    assert "nằm ngoài thời kỳ" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
