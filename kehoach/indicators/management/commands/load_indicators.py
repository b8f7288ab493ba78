from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kehoach.core.exceptions import ValidationFailed
from kehoach.indicators.services import load_default_catalogue


class Command(BaseCommand):
    help = "Nạp danh mục dân tộc, chuẩn, chỉ số, quy tắc kiểm tra (--update: ghi đè sửa đổi trong trang quản trị)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--update", action="store_true", help="Đưa cơ sở dữ liệu về đúng như tệp.")

    def handle(self, *args: Any, update: bool = False, **options: Any) -> None:
        try:
            load_default_catalogue(say=lambda s: self.stdout.write(s), update=update)
        except ValidationFailed as exc:
            raise CommandError("\n".join([exc.message, *exc.messages])) from exc
