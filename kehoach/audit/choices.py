from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """Where a change came from."""

    WEB = "web", _("Giao diện web")
    API = "api", _("API")
    CLI = "cli", _("Dòng lệnh")
    IMPORT = "import", _("Nhập tệp")
    ADMIN = "admin", _("Trang quản trị")
    SYSTEM = "system", _("Hệ thống")
