"""The `kehoach` command: init, serve, plan export/load/parse, user token, units load, report,
analytics recompute.

A thin shell over Django management commands so an official needs one command name, not
`python manage.py` and settings modules. SQLite in the working directory unless DATABASE_URL is set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()


def _fail(messages: list[str]) -> int:
    for line in messages:
        print(line, file=sys.stderr)
    return 2


def cmd_init(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    if args.demo:
        os.environ["KEHOACH_DEMO"] = "1"
    call_command("kehoach_init", demo=args.demo)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve with waitress (a production-grade, pure-Python WSGI server; static files via WhiteNoise)."""
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from waitress import serve

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return _fail(["Cơ sở dữ liệu chưa được khởi tạo hoặc chưa cập nhật: chạy `kehoach init` trước."])
    print(f"kehoach đang chạy tại http://{args.host}:{args.port}/ (Ctrl+C để dừng)", flush=True)
    serve(get_wsgi_application(), host=args.host, port=args.port, threads=args.threads, ident="kehoach")
    return 0


def cmd_plan_export(args: argparse.Namespace) -> int:
    from kehoach.plans.models import Plan
    from kehoach.plans.selectors import plan_export

    plan = (
        Plan.objects.filter(code=args.plan).first()
        if args.plan
        else Plan.objects.order_by("created_at").first()
    )
    if plan is None:
        return _fail([f"Không tìm thấy kế hoạch {args.plan or ''}".strip() + "."])
    text = json.dumps(plan_export(plan=plan), ensure_ascii=False, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def cmd_plan_load(args: argparse.Namespace) -> int:
    from kehoach.core.exceptions import ValidationFailed
    from kehoach.plans.services import load_plan_document, read_data_file

    try:
        plan = load_plan_document(doc=read_data_file(Path(args.file)), source_name=Path(args.file).name)
    except ValidationFailed as exc:
        return _fail([exc.message, *(f"  - {m}" for m in exc.messages if m != exc.message)])
    print(f"Đã nạp kế hoạch {plan.code}.")
    return 0


def cmd_user_token(args: argparse.Namespace) -> int:
    from kehoach.accounts.models import User
    from kehoach.accounts.services import issue_token

    user = User.objects.filter(username=args.username, is_active=True).first()
    if user is None:
        return _fail([f"Không có người dùng đang hoạt động tên “{args.username}”."])
    print(issue_token(user=user, actor=None))
    return 0


def cmd_units_load(args: argparse.Namespace) -> int:
    from kehoach.core.exceptions import ValidationFailed
    from kehoach.orgunits.services import DATA_DIR, load_unit_data, read_unit_file

    path = Path(args.file) if args.file else DATA_DIR / "vietnam.json.gz"
    try:
        n = load_unit_data(data=read_unit_file(path))
    except ValidationFailed as exc:
        return _fail([exc.message, *(f"  - {m}" for m in exc.messages[:50])])
    print(f"Đã nạp {n} đơn vị hành chính từ {path.name}.")
    return 0


def cmd_analytics_recompute(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    call_command("kehoach_recompute")
    return 0


def cmd_portal_purge_contacts(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    call_command("kehoach_purge_contacts")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kehoach", description="Theo dõi thực hiện kế hoạch phát triển.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", help="tạo/cập nhật cơ sở dữ liệu, nạp kế hoạch mặc định")
    p.add_argument("--demo", action="store_true", help="thêm tài khoản và dữ liệu minh họa")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("serve", help="chạy máy chủ web")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--threads", type=int, default=8, help="số luồng xử lý đồng thời")
    p.set_defaults(func=cmd_serve)
    plan = sub.add_parser("plan", help="kế hoạch").add_subparsers(dest="plan_command", required=True)
    p = plan.add_parser("export", help="xuất kế hoạch")
    p.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch đầu tiên)")
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("--out", help="ghi ra tệp thay vì màn hình")
    p.set_defaults(func=cmd_plan_export)
    p = plan.add_parser("load", help="nạp kế hoạch từ tệp dữ liệu (kehoach.plan/1)")
    p.add_argument("file")
    p.set_defaults(func=cmd_plan_load)
    from kehoach.planimport.cli import add_parse_parser  # pure parser only: no database needed

    add_parse_parser(plan)
    user = sub.add_parser("user", help="người dùng").add_subparsers(dest="user_command", required=True)
    p = user.add_parser("token", help="cấp mã truy cập API (token) cho người dùng")
    p.add_argument("username")
    p.set_defaults(func=cmd_user_token)
    units = sub.add_parser("units", help="đơn vị hành chính").add_subparsers(
        dest="units_command", required=True
    )
    p = units.add_parser("load", help="nạp danh mục đơn vị (mặc định: toàn quốc)")
    p.add_argument("file", nargs="?")
    p.set_defaults(func=cmd_units_load)
    analytics = sub.add_parser("analytics", help="số liệu tổng hợp").add_subparsers(
        dest="analytics_command", required=True
    )
    p = analytics.add_parser(
        "recompute", help="tính lại toàn bộ bảng kết quả chỉ số (sửa chữa; chạy lại không đổi)"
    )
    p.set_defaults(func=cmd_analytics_recompute)
    portal = sub.add_parser("portal", help="cổng công khai").add_subparsers(
        dest="portal_command", required=True
    )
    p = portal.add_parser(
        "purge-contacts",
        help="xóa thông tin liên hệ của ý kiến đã xong quá thời hạn lưu giữ (chạy hằng ngày, ví dụ bằng cron)",
    )
    p.set_defaults(func=cmd_portal_purge_contacts)
    from kehoach.reports.cli_parser import add_report_parser  # the commands import the ORM when run

    add_report_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup()
    from kehoach.core.exceptions import KehoachError

    try:
        return int(args.func(args))
    except KehoachError as exc:
        return _fail([exc.message, *(f"  - {m}" for m in exc.messages[:100] if m != exc.message)])


if __name__ == "__main__":
    raise SystemExit(main())
