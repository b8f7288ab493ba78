from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "kehoach.portal"
    verbose_name = "Cổng công khai"
