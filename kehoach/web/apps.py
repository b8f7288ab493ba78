from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kehoach.web"
    label = "web"
    verbose_name = "Giao diện web"
