"""HTML pages of indicators (mounted by config/urls.py)."""

from django.urls import URLPattern, URLResolver

app_name = "indicators"

urlpatterns: list[URLPattern | URLResolver] = []
