"""HTML pages of datavalues (mounted at /so-lieu/ by config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.datavalues.views import entry, excel, history, workflow

app_name = "datavalues"

urlpatterns: list[URLPattern | URLResolver] = [
    path("ke-hoach/<str:code>/", workflow.overview, name="overview"),
    path("tien-do/", workflow.completeness_page, name="completeness"),
    path("phe-duyet/", workflow.approvals, name="approvals"),
    path("phe-duyet/<int:pk>/<str:action>/", workflow.decide, name="decide"),
    path("nhap/<str:data_set>/<int:unit>/<str:period>/", entry.entry, name="entry"),
    path("excel/<str:data_set>/<int:unit>/<str:period>/mau.xlsx", excel.template, name="excel-template"),
    path("excel/<str:data_set>/tai-len/", excel.upload, name="excel-upload"),
    path("don-vi/<int:unit>/lich-su/", history.unit_changes, name="unit-history"),
    path("gia-tri/<int:pk>/lich-su/", history.value_changes, name="value-history"),
]
