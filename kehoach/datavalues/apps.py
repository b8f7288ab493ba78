from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataValuesConfig(AppConfig):
    name = "kehoach.datavalues"
    label = "datavalues"
    verbose_name = "Số liệu và phê duyệt"

    def ready(self) -> None:
        from kehoach.web.nav import add_main_link, add_plan_tab

        add_plan_tab("datavalues:overview", _("Số liệu"), 30)
        add_main_link("datavalues:completeness", _("Tiến độ báo cáo"), 30)
        add_main_link("datavalues:approvals", _("Phê duyệt số liệu"), 35)
