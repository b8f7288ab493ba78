from django.apps import AppConfig


class DataValuesConfig(AppConfig):
    name = "kehoach.datavalues"
    label = "datavalues"
    verbose_name = "Số liệu và phê duyệt"
