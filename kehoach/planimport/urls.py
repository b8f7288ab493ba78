"""HTML pages of planimport (mounted at /nhap-ke-hoach/ by config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from . import views, views_edit

app_name = "planimport"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.upload, name="upload"),
    path("ban-nhap/<slug:draft_id>/", views.draft, name="draft"),
    path("ban-nhap/<slug:draft_id>/xac-nhan/", views.resolve, name="resolve"),
    path("ban-nhap/<slug:draft_id>/huy/", views.discard, name="discard"),
    path("ban-nhap/<slug:draft_id>/sua/<slug:kind>/<str:code>/", views_edit.edit_item, name="edit"),
]
