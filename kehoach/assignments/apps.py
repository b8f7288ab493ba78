from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    name = "kehoach.assignments"
    label = "assignments"
    verbose_name = "Theo dõi nhiệm vụ"
