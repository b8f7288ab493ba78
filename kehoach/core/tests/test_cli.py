"""The `kehoach` console script, end to end in a fresh working directory (its own SQLite file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KEHOACH = str(Path(sys.executable).with_name("kehoach"))


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    return subprocess.run([KEHOACH, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    path = tmp_path_factory.mktemp("kehoach-cli")
    result = _run(path, "init", "--demo")
    assert result.returncode == 0, result.stderr
    return path, result.stdout


def test_init_creates_sqlite_in_working_directory_and_prints_demo_accounts(workdir):
    path, out = workdir
    assert (path / "kehoach.sqlite3").exists()
    assert "demo-chutri" in out and "Tài khoản minh họa" in out
    assert "Đã nạp kế hoạch MUONGTE-CTDT-2021-2030" in out


def test_init_again_keeps_the_plan(workdir):
    path, _ = workdir
    again = _run(path, "init")
    assert again.returncode == 0 and "đã có, giữ nguyên" in again.stdout
    assert "Tài khoản minh họa" not in again.stdout  # no demo passwords outside demo mode


def test_plan_export_is_the_documented_json(workdir):
    path, _ = workdir
    result = _run(path, "plan", "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {
        "plan",
        "sections",
        "objectives",
        "targets",
        "tasks",
        "budget_lines",
        "responsibilities",
        "obligations",
        "findings",
    }
    enrolment = next(t for t in data["targets"] if "99,5%" in t["text"])
    assert enrolment["value"] == 99.5 and enrolment["comparator"] == ">" and enrolment["unit"] == "percent"
    assert enrolment["milestone_year"] == 2025
    assert set(data["targets"][0]) >= {
        "code",
        "section",
        "text",
        "milestone_year",
        "comparator",
        "value",
        "unit",
        "parent",
    }
    assert set(data["tasks"][0]) >= {"code", "section", "kind", "title", "lead", "coordinating"}
    total = next(b for b in data["budget_lines"] if b["amount_million_vnd"] == 1426328)
    assert set(total) >= {"code", "programme", "phase", "source", "kind", "amount_million_vnd", "parent"}
    assert {f["code"] for f in data["findings"]} and all(
        set(f) == {"severity", "code", "message", "location"} for f in data["findings"]
    )


def test_user_token_prints_a_working_token(workdir):
    path, _ = workdir
    result = _run(path, "user", "token", "demo-lanhdao")
    assert result.returncode == 0 and len(result.stdout.strip()) == 40
    unknown = _run(path, "user", "token", "khong-ton-tai")
    assert unknown.returncode == 2 and "Không có người dùng" in unknown.stderr


def test_loading_a_broken_plan_file_reports_and_exits_nonzero(workdir, tmp_path):
    path, _ = workdir
    bad = tmp_path / "hong.yaml"
    bad.write_text("format: kehoach.plan/1\nplan: {code: X}\nsections: []\n", encoding="utf-8")
    result = _run(path, "plan", "load", str(bad))
    assert result.returncode == 2
    assert "không nạp gì" in result.stderr and "thiếu hoặc sai trường “title”" in result.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_on_the_port_with_pages_and_static_files(workdir):
    import time
    import urllib.request

    path, _ = workdir
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    server = subprocess.Popen(
        [KEHOACH, "serve", "--port", str(port)],
        cwd=path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = ""
        for _ in range(100):  # wait for the server to come up (bounded: about 20 s)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=2) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert "Đăng nhập" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/web/app.css", timeout=2) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_an_uninitialised_database(tmp_path):
    result = _run(tmp_path, "serve", "--port", str(_free_port()))
    assert result.returncode == 2 and "kehoach init" in result.stderr


def test_analytics_recompute_repairs_nothing_after_init_and_says_so(workdir):
    """init --demo ends with a full recompute, so a second one finds every stored cell right."""
    path, _ = workdir
    result = _run(path, "analytics", "recompute")
    assert result.returncode == 0, result.stderr
    assert "Bảng kết quả chỉ số" in result.stdout and "ghi 0 ô khác trước, xóa 0 ô" in result.stdout
