"""Mounts each app's api.py under /api/v1/ and serves the OpenAPI schema."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from kehoach.agencies import api as agencies
from kehoach.orgunits import api as orgunits
from kehoach.plans import api as plans

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("plans/", plans.PlanList.as_view(), name="plan-list"),
    path("plans/<str:code>/", plans.PlanDetail.as_view(), name="plan-detail"),
    path("plans/<str:code>/sections/", plans.SectionList.as_view(), name="section-list"),
    path("plans/<str:code>/targets/", plans.TargetList.as_view(), name="target-list"),
    path("plans/<str:code>/tasks/", plans.TaskList.as_view(), name="task-list"),
    path("plans/<str:code>/budget-lines/", plans.BudgetLineList.as_view(), name="budgetline-list"),
    path(
        "plans/<str:code>/responsibilities/", plans.ResponsibilityList.as_view(), name="responsibility-list"
    ),
    path("plans/<str:code>/obligations/", plans.ObligationList.as_view(), name="obligation-list"),
    path("plans/<str:code>/findings/", plans.FindingList.as_view(), name="finding-list"),
    path("plans/<str:code>/export/", plans.PlanExport.as_view(), name="plan-export"),
    path("units/", orgunits.UnitList.as_view(), name="unit-list"),
    path("units/<int:pk>/", orgunits.UnitDetail.as_view(), name="unit-detail"),
    path("agencies/", agencies.AgencyList.as_view(), name="agency-list"),
    path("agencies/<str:code>/", agencies.AgencyDetail.as_view(), name="agency-detail"),
    # Each later app mounts its own routes (names are prefixed by the app, e.g. "api:budget-...").
    path("", include("kehoach.plans.api_urls")),
    path("", include("kehoach.indicators.api_urls")),
    path("", include("kehoach.datavalues.api_urls")),
    path("", include("kehoach.budget.api_urls")),
    path("", include("kehoach.assignments.api_urls")),
    path("", include("kehoach.planimport.api_urls")),
    path("", include("kehoach.analytics.api_urls")),
    path("", include("kehoach.reports.api_urls")),
    path("", include("kehoach.portal.api_urls")),
]
