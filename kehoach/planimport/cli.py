"""`kehoach plan parse FILE`: print what the parser reads from a plan document. No database.

Registered in kehoach/cli.py. Only the pure parser is imported, so the command works before
`kehoach init` and never touches the database: it is the way to check a document, or to produce a
data file by hand (`kehoach plan parse kh.docx --out kh.json`, edit agency codes, `kehoach plan load`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from kehoach.docparse import PlanParseError, parse_plan
from kehoach.docparse.reader import DEFAULT_MAX_BYTES

from .payload import parse_payload


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _os_reason(exc: OSError) -> str:
    # The system's own wording is English; say the common cases in Vietnamese.
    if isinstance(exc, FileNotFoundError):
        return "không có tệp này"
    if isinstance(exc, IsADirectoryError):
        return "đây là một thư mục"
    if isinstance(exc, PermissionError):
        return "không có quyền đọc tệp"
    return f"lỗi hệ thống ({exc.strerror or exc})"


def cmd_plan_parse(args: argparse.Namespace) -> int:
    """Parse `args.file`; print the document with its findings and spans (exit 2 if unreadable)."""
    path = Path(args.file)
    try:
        size = path.stat().st_size
        if size > DEFAULT_MAX_BYTES:  # refuse before reading a huge file into memory
            return _fail(f"Tệp {path.name} quá lớn ({size / (1024 * 1024):.0f} MB); giới hạn là 20 MB.")
        data = path.read_bytes()
    except OSError as exc:
        return _fail(f"Không đọc được tệp {path.name}: {_os_reason(exc)}.")
    try:
        result = parse_plan(data, path.name)
    except PlanParseError as exc:
        return _fail(f"Không nhập được {path.name}: {exc.message_vi}")
    payload = parse_payload(result, with_text=args.with_text)
    if args.format == "yaml":
        text = yaml.safe_dump(payload, allow_unicode=True, sort_keys=False, width=110)
    else:
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(
            f"Đã ghi {args.out}: {len(result.document.get('targets', []))} chỉ tiêu, "
            f"{len(result.document.get('tasks', []))} nhiệm vụ, "
            f"{len(result.document.get('budget_lines', []))} dòng nguồn lực, "
            f"{len(result.findings)} điểm cần rà soát."
        )
    else:
        sys.stdout.write(text)
    return 0


def add_parse_parser(plan: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `parse` subcommand of `kehoach plan`."""
    p = plan.add_parser("parse", help="đọc văn bản kế hoạch (.docx, .txt) thành dữ liệu, không ghi gì")
    p.add_argument("file")
    p.add_argument("--format", choices=["json", "yaml"], default="json")
    p.add_argument("--with-text", action="store_true", help="kèm văn bản đã chuẩn hóa mà các vị trí trỏ tới")
    p.add_argument("--out", help="ghi ra tệp thay vì màn hình")
    p.set_defaults(func=cmd_plan_parse)
