"""API routes of planimport (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
