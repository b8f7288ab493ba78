"""API routes of plans added after the foundation (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, path

from kehoach.plans import api_unit_targets

urlpatterns: list[URLPattern] = [
    path(
        "plans/<str:code>/unit-targets/",
        api_unit_targets.UnitTargetView.as_view(),
        name="plans-unit-target-list",
    ),
]
