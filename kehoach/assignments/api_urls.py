"""API routes of assignments (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.assignments import api, api_sides

_TASK = "plans/<str:code>/task-progress/<str:task_code>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("plans/<str:code>/task-progress/", api.TaskProgressList.as_view(), name="assignments-task-list"),
    path(_TASK, api.TaskProgressDetail.as_view(), name="assignments-task-detail"),
    path(_TASK + "reports/", api.ProgressReportList.as_view(), name="assignments-report-list"),
    path(_TASK + "links/", api.TaskLinks.as_view(), name="assignments-link-list"),
    path(
        _TASK + "links/<str:kind>/<str:other>/", api.TaskLinkDetail.as_view(), name="assignments-link-detail"
    ),
    path(_TASK + "reassign/", api.TaskReassign.as_view(), name="assignments-task-reassign"),
    path("plans/<str:code>/succession/", api.Succession.as_view(), name="assignments-succession"),
    path(
        "plans/<str:code>/target-tasks/<str:target_code>/",
        api_sides.TargetTasks.as_view(),
        name="assignments-target-tasks",
    ),
    path(
        "plans/<str:code>/budget-line-tasks/<str:line_code>/",
        api_sides.BudgetLineTasks.as_view(),
        name="assignments-budgetline-tasks",
    ),
    path("my-tasks/", api.MyTasks.as_view(), name="assignments-my-tasks"),
    path("evidence/<int:pk>/", api.EvidenceDownload.as_view(), name="assignments-evidence-download"),
]
