"""API routes of budget (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.budget import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("allocations/", api.AllocationList.as_view(), name="budget-allocation-list"),
    path("allocations/<int:pk>/", api.AllocationDetail.as_view(), name="budget-allocation-detail"),
    path("disbursements/", api.DisbursementList.as_view(), name="budget-disbursement-list"),
    path("disbursements/<int:pk>/", api.DisbursementDetail.as_view(), name="budget-disbursement-detail"),
]
