"""HTML routes of analytics (mounted at /tien-do/)."""

from django.urls import URLPattern, path

from kehoach.analytics import views, views_pages

app_name = "analytics"
urlpatterns: list[URLPattern] = [
    path("ke-hoach/<str:code>/", views.dashboard, name="dashboard"),
    path("ke-hoach/<str:code>/chi-tieu/<str:target>/", views.explain, name="explain"),
    path("ke-hoach/<str:code>/chi-so/<str:indicator>/", views_pages.indicator, name="indicator"),
    path(
        "ke-hoach/<str:code>/chi-so/<str:indicator>/don-vi/",
        views_pages.indicator_units,
        name="indicator-units",
    ),
    path("ke-hoach/<str:code>/don-vi/<int:unit_id>/", views_pages.scorecard, name="scorecard"),
    path("ke-hoach/<str:code>/bang-chi-tieu/", views_pages.performance, name="performance"),
    path("ke-hoach/<str:code>/bang-chi-tieu/excel/", views_pages.performance_excel, name="performance-excel"),
    path("ke-hoach/<str:code>/so-sanh-dtts/", views_pages.minority, name="comparison"),
]
