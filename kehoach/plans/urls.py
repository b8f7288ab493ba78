"""HTML routes of plans added after the foundation (the foundation's plan pages are in kehoach.web).

Mounted at the site root by config/urls.py, so the page sits beside the other plan pages.
"""

from django.urls import URLPattern, path

from kehoach.plans import views

app_name = "plans"
urlpatterns: list[URLPattern] = [
    path("ke-hoach/<str:code>/muc-tieu-don-vi/", views.unit_targets, name="unit-targets"),
]
