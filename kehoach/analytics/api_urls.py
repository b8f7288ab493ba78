"""API routes of analytics (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, path

from kehoach.analytics import api, api_pages

urlpatterns: list[URLPattern] = [
    path("plans/<str:code>/progress/", api.PlanProgressView.as_view(), name="analytics-plan-progress"),
    path(
        "plans/<str:code>/indicators/<str:indicator>/",
        api_pages.IndicatorFiguresView.as_view(),
        name="analytics-indicator",
    ),
    path(
        "plans/<str:code>/units/<int:unit_id>/scorecard/",
        api_pages.UnitScorecardView.as_view(),
        name="analytics-unit-scorecard",
    ),
    path("plans/<str:code>/performance/", api_pages.PerformanceView.as_view(), name="analytics-performance"),
    path("plans/<str:code>/comparison/", api_pages.ComparisonView.as_view(), name="analytics-comparison"),
]
