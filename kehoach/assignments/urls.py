"""HTML pages of assignments (mounted by config/urls.py)."""

from django.urls import URLPattern, URLResolver

app_name = "assignments"

urlpatterns: list[URLPattern | URLResolver] = []
