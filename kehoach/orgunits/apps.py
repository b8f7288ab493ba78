from django.apps import AppConfig


class OrgUnitsConfig(AppConfig):
    name = "kehoach.orgunits"
    label = "orgunits"
    verbose_name = "Đơn vị hành chính"
