from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "kehoach.budget"
    label = "budget"
    verbose_name = "Nguồn vốn: giao vốn và giải ngân"
