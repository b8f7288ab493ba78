"""API routes of analytics (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, path

from kehoach.analytics import api

urlpatterns: list[URLPattern] = [
    path("plans/<str:code>/progress/", api.PlanProgressView.as_view(), name="analytics-plan-progress"),
]
