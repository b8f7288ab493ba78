from typing import Any

from django.core.management.base import BaseCommand

from kehoach.analytics.services_stored import recompute_results


class Command(BaseCommand):
    help = "Tính lại toàn bộ bảng kết quả chỉ số (sửa chữa; chạy lại bao nhiêu lần cũng cho cùng kết quả)."

    def handle(self, *args: Any, **options: Any) -> None:
        recompute_results(say=lambda s: self.stdout.write(s))
