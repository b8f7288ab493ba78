from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanImportConfig(AppConfig):
    name = "kehoach.planimport"
    label = "planimport"
    verbose_name = "Nhập kế hoạch từ văn bản"

    def ready(self) -> None:
        from kehoach.web.nav import add_main_link

        # Shown to everyone; roles that may not import get a 403 page that says why.
        add_main_link("planimport:upload", _("Nhập kế hoạch"), 20)
