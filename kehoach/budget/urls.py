"""HTML pages of budget (mounted at /von/ by config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.budget import views, views_edit, views_excel

app_name = "budget"

urlpatterns: list[URLPattern | URLResolver] = [
    path("ke-hoach/<str:code>/", views.overview_page, name="overview"),
    path("ke-hoach/<str:code>/theo-xa/", views.communes_page, name="communes"),
    path("ke-hoach/<str:code>/theo-du-an/", views.components_page, name="components"),
    path("ke-hoach/<str:code>/canh-bao/", views.alerts_page, name="alerts"),
    path("ke-hoach/<str:code>/giao-von/", views_edit.allocation_list, name="allocations"),
    path("ke-hoach/<str:code>/giao-von/them/", views_edit.allocation_create, name="allocation-create"),
    path("ke-hoach/<str:code>/xuat-excel/", views_excel.export_view, name="export"),
    path("ke-hoach/<str:code>/nhap-excel/", views_excel.import_view, name="import"),
    path("giao-von/<int:pk>/", views_edit.allocation_detail, name="allocation"),
    path("giao-von/<int:pk>/sua/", views_edit.allocation_edit, name="allocation-edit"),
    path("giao-von/<int:pk>/xoa/", views_edit.allocation_delete, name="allocation-delete"),
    path("giai-ngan/<int:pk>/sua/", views_edit.disbursement_edit, name="disbursement-edit"),
    path("giai-ngan/<int:pk>/xoa/", views_edit.disbursement_delete, name="disbursement-delete"),
]
