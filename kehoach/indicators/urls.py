"""HTML pages of indicators (mounted at /chi-so/ by config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.indicators import views

app_name = "indicators"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.catalogue, name="catalogue"),
    path("<str:code>/", views.indicator, name="indicator"),
]
