from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "kehoach.budget"
    label = "budget"
    verbose_name = "Nguồn vốn: giao vốn và giải ngân"

    def ready(self) -> None:
        from kehoach.web.nav import add_plan_tab

        add_plan_tab("budget:overview", _("Giải ngân"), 65)
