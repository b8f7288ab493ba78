"""API routes of reports (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, path

from kehoach.reports import api

urlpatterns: list[URLPattern] = [
    path("reports/", api.ReportList.as_view(), name="reports-list"),
    path("reports/<int:pk>/", api.ReportDetail.as_view(), name="reports-detail"),
    path("reports/<int:pk>/issue/", api.ReportIssue.as_view(), name="reports-issue"),
    path("reports/<int:pk>/file/<str:fmt>/", api.ReportFile.as_view(), name="reports-file"),
]
