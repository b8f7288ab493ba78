from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from kehoach.analytics.services_stored import recompute_results
from kehoach.core.bootstrap import initialise


class Command(BaseCommand):
    help = "Tạo/cập nhật cơ sở dữ liệu và nạp kế hoạch mặc định (--demo: thêm tài khoản và dữ liệu minh họa)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--demo", action="store_true", help="Thêm tài khoản và dữ liệu minh họa.")

    def handle(self, *args: Any, demo: bool = False, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        accounts = initialise(demo=demo, say=lambda s: self.stdout.write(s))
        if not demo:
            # Units, catalogue or plan may have changed: rebuild the stored figures (writes only the
            # cells that differ; the demo path already did this after approving its values).
            recompute_results(say=lambda s: self.stdout.write(s))
        if accounts:
            self.stdout.write("")
            self.stdout.write(
                "Tài khoản minh họa (mật khẩu chỉ hiện một lần; chạy lại lệnh để cấp mật khẩu mới):"
            )
            width = max(len(a.username) for a in accounts)
            for a in accounts:
                self.stdout.write(f"  {a.username:<{width}}  {a.password}  {a.role} — {a.scope}")
