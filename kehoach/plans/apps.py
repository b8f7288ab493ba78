from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "kehoach.plans"
    label = "plans"
    verbose_name = "Kế hoạch"
