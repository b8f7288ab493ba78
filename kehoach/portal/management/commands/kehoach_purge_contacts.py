from typing import Any

from django.core.management.base import BaseCommand

from kehoach.core.formatting import vn_number
from kehoach.portal import conf
from kehoach.portal.services import purge_contacts


class Command(BaseCommand):
    help = "Xóa thông tin liên hệ của người gửi ý kiến đã trả lời hoặc không công khai quá thời hạn lưu giữ."

    def handle(self, *args: Any, **options: Any) -> None:
        erased = purge_contacts()
        self.stdout.write(
            f"Đã xóa thông tin liên hệ của {vn_number(erased)} ý kiến "
            f"(đã trả lời hoặc không công khai quá {vn_number(conf.contact_days())} ngày)."
        )
