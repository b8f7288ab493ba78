from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanImportConfig(AppConfig):
    name = "kehoach.planimport"
    label = "planimport"
    verbose_name = "Nhập kế hoạch từ văn bản"

    def ready(self) -> None:
        from kehoach.accounts.scope import can_import_plan
        from kehoach.web.nav import add_main_link

        # Only to roles that import plans; others typing the URL get a 403 page that says why.
        add_main_link("planimport:upload", _("Nhập kế hoạch"), 20, visible=can_import_plan)
