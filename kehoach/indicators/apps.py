from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "kehoach.indicators"
    label = "indicators"
    verbose_name = "Chỉ số và kỳ báo cáo"
