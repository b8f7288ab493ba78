from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "kehoach.plans"
    label = "plans"
    verbose_name = "Kế hoạch"

    def ready(self) -> None:
        from kehoach.web.nav import add_plan_tab

        add_plan_tab("plans:unit-targets", _("Mục tiêu của đơn vị"), 27)
