from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    PEOPLE_COMMITTEE = "people_committee", _("Ủy ban nhân dân")
    ETHNIC_AFFAIRS = "ethnic_affairs", _("Cơ quan công tác dân tộc")
    FINANCE_PLANNING = "finance_planning", _("Tài chính - Kế hoạch")
    SECTOR = "sector", _("Cơ quan chuyên môn ngành")
    PARTY = "party", _("Cơ quan Đảng")
    MASS_ORG = "mass_org", _("Đoàn thể")
    ARMED_FORCES = "armed_forces", _("Lực lượng vũ trang")
    OTHER = "other", _("Khác")
