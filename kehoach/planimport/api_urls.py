"""API routes of planimport (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from . import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("plan-imports/parse", api.PlanImportParse.as_view(), name="planimport-parse"),
]
