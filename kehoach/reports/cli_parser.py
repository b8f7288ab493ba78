"""Arguments of `kehoach report …`, built before Django is set up (the commands import the ORM
only when they run: kehoach/reports/cli.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def _run(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from kehoach.reports import cli

        command: Callable[[argparse.Namespace], int] = getattr(cli, name)
        return command(args)

    return run


def add_report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="báo cáo").add_subparsers(dest="report_command", required=True)
    p = report.add_parser("annual", help="báo cáo kết quả thực hiện năm (.docx)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch đầu tiên)")
    p.add_argument("--pdf", action="store_true", help="ghi thêm bản PDF (cần LibreOffice)")
    p.set_defaults(func=_run("cmd_annual"))
    p = report.add_parser("review", help="báo cáo sơ kết / tổng kết (.docx)")
    p.add_argument(
        "--milestone", type=int, required=True, help="năm sơ kết (ví dụ 2025) hoặc tổng kết (năm cuối)"
    )
    p.add_argument("--out", required=True)
    p.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch đầu tiên)")
    p.add_argument("--pdf", action="store_true", help="ghi thêm bản PDF (cần LibreOffice)")
    p.set_defaults(func=_run("cmd_review"))
    p = report.add_parser("indicators", help="biểu chỉ tiêu (.xlsx)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch đầu tiên)")
    p.set_defaults(func=_run("cmd_indicators"))
