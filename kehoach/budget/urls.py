"""HTML pages of budget (mounted by config/urls.py)."""

from django.urls import URLPattern, URLResolver

app_name = "budget"

urlpatterns: list[URLPattern | URLResolver] = []
