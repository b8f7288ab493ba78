"""API routes of datavalues (mounted under /api/v1/ by kehoach/api/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.datavalues import api, api_excel, api_workflow

urlpatterns: list[URLPattern | URLResolver] = [
    path("dataValueSets", api.DataValueSets.as_view(), name="datavalues-datavalueset"),
    path("dataValueSets/template", api_excel.ExcelTemplate.as_view(), name="datavalues-excel-template"),
    path("dataValueSets/excel", api_excel.ExcelUpload.as_view(), name="datavalues-excel-upload"),
    path("submissions/", api_workflow.SubmissionList.as_view(), name="datavalues-submission-list"),
    path("submissions/submit/", api_workflow.SubmitView.as_view(), name="datavalues-submission-submit"),
    path(
        "submissions/<int:pk>/<str:action>/",
        api_workflow.DecisionView.as_view(),
        name="datavalues-submission-decide",
    ),
    path("completeness/", api_workflow.CompletenessView.as_view(), name="datavalues-completeness"),
    path("dataValueAudits/", api_workflow.AuditList.as_view(), name="datavalues-audit-list"),
]
