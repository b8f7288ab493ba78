"""HTML pages of planimport (mounted by config/urls.py)."""

from django.urls import URLPattern, URLResolver

app_name = "planimport"

urlpatterns: list[URLPattern | URLResolver] = []
