"""HTML pages of assignments (mounted at /nhiem-vu/ by config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.assignments.views import actions, files, pages

app_name = "assignments"

urlpatterns: list[URLPattern | URLResolver] = [
    path("cua-toi/", pages.mine, name="mine"),
    path("tep/<int:pk>/", files.evidence, name="evidence"),
    path("ke-hoach/<str:code>/", pages.board, name="board"),
    path("ke-hoach/<str:code>/qua-han/", pages.overdue, name="overdue"),
    path("ke-hoach/<str:code>/chuyen-giao/", actions.succession, name="succession"),
    path("ke-hoach/<str:plan_code>/chi-tieu/<str:target_code>/", pages.target, name="target"),
    path("ke-hoach/<str:plan_code>/nguon-luc/<str:line_code>/", pages.budget_line, name="budget-line"),
    path("ke-hoach/<str:code>/nv/<str:task_code>/", pages.task_page, name="task"),
    path("ke-hoach/<str:code>/nv/<str:task_code>/bao-cao/", actions.report, name="report"),
    path("ke-hoach/<str:code>/nv/<str:task_code>/sua/", actions.edit, name="edit"),
    path("ke-hoach/<str:code>/nv/<str:task_code>/trong-so/", actions.weights, name="weights"),
    path("ke-hoach/<str:code>/nv/<str:task_code>/lien-ket/", actions.links, name="links"),
    path("ke-hoach/<str:code>/nv/<str:task_code>/chuyen-giao/", actions.reassign_task, name="reassign-task"),
]
