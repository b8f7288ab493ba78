from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "kehoach.indicators"
    label = "indicators"
    verbose_name = "Chỉ số và kỳ báo cáo"

    def ready(self) -> None:
        from kehoach.web.nav import add_main_link

        add_main_link("indicators:catalogue", _("Danh mục chỉ số"), 20)
