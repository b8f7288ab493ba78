from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "kehoach.assignments"
    label = "assignments"
    verbose_name = "Theo dõi nhiệm vụ"

    def ready(self) -> None:
        from kehoach.web.nav import add_main_link, add_plan_tab

        add_plan_tab("assignments:board", _("Tiến độ nhiệm vụ"), 45)
        add_main_link("assignments:mine", _("Nhiệm vụ của tôi"), 20)
