from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "kehoach.reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from kehoach.web.nav import add_plan_tab

        add_plan_tab("reports:plan", _("Báo cáo"), 95)
