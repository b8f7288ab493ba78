from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kehoach.core"
    verbose_name = "Hệ thống"
