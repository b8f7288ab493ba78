"""HTML pages of datavalues (mounted by config/urls.py)."""

from django.urls import URLPattern, URLResolver

app_name = "datavalues"

urlpatterns: list[URLPattern | URLResolver] = []
