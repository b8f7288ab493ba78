"""API routes of indicators (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.indicators import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("indicators/", api.IndicatorList.as_view(), name="indicators-indicator-list"),
    path("indicators/<str:code>/", api.IndicatorDetail.as_view(), name="indicators-indicator-detail"),
    path("dataElements/", api.DataElementList.as_view(), name="indicators-dataelement-list"),
    path("dataSets/", api.DataSetList.as_view(), name="indicators-dataset-list"),
]
