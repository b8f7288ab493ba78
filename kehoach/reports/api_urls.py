"""API routes of reports (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
