from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "kehoach.portal"
    verbose_name = "Cổng công khai"

    def ready(self) -> None:
        from kehoach.web.nav import add_main_link

        add_main_link("portal:moderation", _("Ý kiến người dân"), 70)
        add_main_link("portal:home", _("Cổng công khai"), 75)
