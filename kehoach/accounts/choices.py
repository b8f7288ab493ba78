from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    PLAN_OWNER = "plan_owner", _("Cơ quan chủ trì kế hoạch")
    FINANCE = "finance", _("Tài chính - Kế hoạch")
    AGENCY_OFFICER = "agency_officer", _("Cán bộ cơ quan ngành")
    COMMUNE_OFFICER = "commune_officer", _("Cán bộ xã")
    VIEWER = "viewer", _("Người xem")
