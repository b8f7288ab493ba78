"""API routes of portal (mounted under /api/v1/ by kehoach/api/urls.py): public, read-only."""

from django.urls import URLPattern, path

from kehoach.portal import api

urlpatterns: list[URLPattern] = [
    path("public/plans/", api.PlanListView.as_cached_view(), name="portal-plan-list"),
    path("public/plans/<str:code>/targets/", api.TargetsView.as_cached_view(), name="portal-targets"),
    path(
        "public/plans/<str:code>/indicators/<str:indicator>/",
        api.IndicatorView.as_cached_view(),
        name="portal-indicator",
    ),
    path("public/plans/<str:code>/budget/", api.MoneyView.as_cached_view(), name="portal-budget"),
    path("public/plans/<str:code>/tasks/", api.TasksView.as_cached_view(), name="portal-tasks"),
    path("public/plans/<str:code>/feedback/", api.FeedbackView.as_cached_view(), name="portal-feedback"),
]
