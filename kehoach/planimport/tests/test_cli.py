"""`kehoach plan parse`: the seed text and a Word document, without any database.

The in-process tests carry no django_db mark, so pytest-django fails them on any database access:
that is the proof the command does not need one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kehoach.cli import main
from kehoach.docparse.tests.docx_builder import build_docx

from .conftest import VARIANT, seed_text_path

KEHOACH = str(Path(sys.executable).with_name("kehoach"))


def _parse(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["plan", "parse", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_parse_of_the_seed_text_prints_the_plan_with_findings_and_spans(capsys):
    code, out, _ = _parse(capsys, str(seed_text_path()), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "kehoach.plan/1"
    assert set(data) >= {"plan", "sections", "targets", "tasks", "budget_lines", "findings", "spans"}
    assert "text" not in data  # only with --with-text
    assert data["plan"]["period_start"] == 2021 and data["plan"]["period_end"] == 2030
    total = next(b for b in data["budget_lines"] if Decimal(b["amount_million_vnd"]) == 1426328)
    assert total["source"] == "total" and total["programme"] == "CTMTQG-DTTS"
    enrolment = next(t for t in data["targets"] if "99,5%" in t["text"])
    assert Decimal(enrolment["value"]) == Decimal("99.5") and enrolment["comparator"] == ">"
    assert {f["code"] for f in data["findings"]} >= {"blank_number", "budget_components_mismatch"}
    kinds = {s["kind"] for s in data["spans"]}
    assert kinds >= {"section", "target", "task", "budget_line", "responsibility", "obligation"}


def test_spans_point_at_each_items_wording_in_the_text(capsys):
    code, out, _ = _parse(capsys, str(VARIANT), "--with-text")
    assert code == 0
    data = json.loads(out)
    targets = {t["code"]: t for t in data["targets"]}
    for span in (s for s in data["spans"] if s["kind"] == "target"):
        quoted = data["text"][span["start"] : span["end"]]
        assert targets[span["code"]]["text"].rstrip(".") in quoted


def test_parse_of_a_word_document_built_here(tmp_path, capsys):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(build_docx(VARIANT.read_text(encoding="utf-8"), headings=True, tables=True))
    code, out, _ = _parse(capsys, str(path))
    assert code == 0
    data = json.loads(out)
    assert data["plan"]["number"] == "87" and data["plan"]["issued_on"] == "2023-03-14"
    assert [(t["milestone_year"], Decimal(t["value"]), t["unit"]) for t in data["targets"]] == [
        (2025, Decimal(5), "pp_per_year"),
        (2025, Decimal(28), "million_vnd_per_person_per_year"),
        (2025, Decimal(45), "percent"),
    ]
    assert [Decimal(b["amount_million_vnd"]) for b in data["budget_lines"]] == [96400, 90000, 6400]
    lead = next(t for t in data["tasks"] if t["lead"])
    assert lead["lead"] == "Phòng Nông nghiệp và Phát triển nông thôn"


def test_yaml_output_written_to_a_file(tmp_path, capsys):
    out_file = tmp_path / "ke-hoach.yaml"
    code, out, _ = _parse(capsys, str(VARIANT), "--format", "yaml", "--out", str(out_file))
    assert code == 0 and "Đã ghi" in out and "3 chỉ tiêu" in out
    assert yaml.safe_load(out_file.read_text(encoding="utf-8"))["plan"]["code"] == "MUONGTE-KH-2023-2025"


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"", "trong.txt", "Tệp trống"),
        ("Hôm nay trời đẹp, cả bản đi nương.\n".encode(), "thu.txt", "kế hoạch"),
        (b"%PDF-1.7 ...", "ke-hoach.pdf", "PDF"),
    ],
)
def test_unreadable_files_exit_2_with_a_vietnamese_message(tmp_path, capsys, content, name, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = _parse(capsys, str(path))
    assert code == 2 and out == ""
    assert f"Không nhập được {name}:" in err and fragment in err


def test_missing_file_exits_2(tmp_path, capsys):
    code, _, err = _parse(capsys, str(tmp_path / "khong-co.txt"))
    assert code == 2 and "không có tệp này" in err


def test_console_script_needs_no_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["KEHOACH_SECRET_KEY"] = "test-only-cli-secret"
    result = subprocess.run(
        [KEHOACH, "plan", "parse", str(VARIANT)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["plan"]["title"].startswith("Thực hiện Chương trình")
    assert not (tmp_path / "kehoach.sqlite3").exists()
