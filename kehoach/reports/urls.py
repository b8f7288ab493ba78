"""HTML routes of reports (mounted at /bao-cao/ by config/urls.py)."""

from django.urls import URLPattern, path

from kehoach.reports import views

app_name = "reports"
urlpatterns: list[URLPattern] = [
    path("ke-hoach/<str:code>/", views.plan_reports, name="plan"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/ban-hanh/", views.report_issue, name="issue"),
    path("<int:pk>/xoa/", views.report_delete, name="delete"),
    path("<int:pk>/thay-doi/", views.report_changes, name="changes"),
    path("<int:pk>/tai/<str:fmt>/", views.report_download, name="download"),
]
