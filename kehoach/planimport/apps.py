from django.apps import AppConfig


class PlanImportConfig(AppConfig):
    name = "kehoach.planimport"
    label = "planimport"
    verbose_name = "Nhập kế hoạch từ văn bản"
