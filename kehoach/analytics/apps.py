from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "kehoach.analytics"
    label = "analytics"
    verbose_name = "Tiến độ chỉ tiêu"

    def ready(self) -> None:
        from kehoach.web.nav import add_plan_tab

        add_plan_tab("analytics:dashboard", _("Tiến độ chỉ tiêu"), 25)
        add_plan_tab("analytics:performance", _("Bảng chỉ tiêu theo năm"), 26)
        add_plan_tab("analytics:comparison", _("So sánh DTTS với toàn dân"), 27)
