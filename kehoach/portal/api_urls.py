"""API routes of portal (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
