"""Fixtures for the plan-document parser tests: the seed plan, the variants, and .docx builders."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach.docparse import ParseResult, parse_plan

HERE = Path(__file__).resolve()
FIXTURES = HERE.parent / "fixtures"
REPO = HERE.parents[3]
SEED_NAME = "000_0b4aa1fa83e82c37.txt"
SEED_YAML = REPO / "kehoach" / "plans" / "data" / "seed" / "muong-te-ctdt-2022.yaml"


def seed_path() -> Path:
    """The seed plan text: the shared copy, or the copy shipped with the plan data."""
    shared = REPO.parent / "shared" / "seed" / SEED_NAME
    if shared.exists():
        return shared
    return REPO / "kehoach" / "plans" / "data" / "seed" / "muong-te-ctdt-2022.source.txt"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return seed_path().read_bytes()


@pytest.fixture(scope="session")
def seed(seed_bytes: bytes) -> ParseResult:
    """The seed parsed once for the whole session (parsing is pure, results are not mutated)."""
    return parse_plan(seed_bytes, SEED_NAME)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def variant() -> ParseResult:
    return parse_plan((FIXTURES / "variant_province.txt").read_bytes(), "variant_province.txt")


@pytest.fixture(scope="session")
def balanced() -> ParseResult:
    return parse_plan((FIXTURES / "balanced_budget.txt").read_bytes(), "balanced_budget.txt")


@pytest.fixture(scope="session")
def with_errors() -> ParseResult:
    return parse_plan((FIXTURES / "errors_plan.txt").read_bytes(), "errors_plan.txt")


def plan_text(
    body: str,
    *,
    header: str = "Số: 12/KH-UBND\n\nHà Giang, ngày 01 tháng 02 năm 2024\n\nKẾ HOẠCH\n\n"
    "Thực hiện nhiệm vụ giai đoạn 2024 - 2030\n\n",
) -> bytes:
    """A minimal plan around `body` (sections from "I." on), as UTF-8 bytes."""
    return (header + body).encode("utf-8")


def rezip(
    data: bytes, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None
) -> bytes:
    """Copy a .docx (zip), letting `change` rewrite or drop (None) entries and adding `extra` ones
    (a name already present is written a second time, as an attacker would)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = change(info.filename, src.read(info))
            if content is not None:
                dst.writestr(info.filename, content)
        for name, content in (extra or {}).items():
            dst.writestr(name, content)
    return out.getvalue()
