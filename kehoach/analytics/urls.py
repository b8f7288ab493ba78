"""HTML routes of analytics (mounted at /tien-do/)."""

from django.urls import URLPattern, path

from kehoach.analytics import views

app_name = "analytics"
urlpatterns: list[URLPattern] = [
    path("ke-hoach/<str:code>/", views.dashboard, name="dashboard"),
    path("ke-hoach/<str:code>/chi-tieu/<str:target>/", views.explain, name="explain"),
]
