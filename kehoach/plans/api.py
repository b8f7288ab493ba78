"""Read API for plans and their elements, under /api/v1/plans/{code}/..."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.plans import filters
from kehoach.plans import models as m
from kehoach.plans.selectors import plan_export, plan_findings, plan_for, plans_visible_to


class CodeField(serializers.SlugRelatedField):  # type: ignore[type-arg]
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="code", read_only=True, **kwargs)


class PlanSerializer(serializers.ModelSerializer[m.Plan]):
    issuer = CodeField()
    admin_unit: serializers.PrimaryKeyRelatedField[Any] = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = m.Plan
        fields = [
            "code",
            "doc_type",
            "doc_type_name",
            "number",
            "symbol",
            "issuer",
            "issuer_name",
            "place",
            "issued_on",
            "issued_text",
            "title",
            "period_start",
            "period_end",
            "vision_year",
            "admin_unit",
            "signer",
            "recipients",
        ]


class SectionSerializer(serializers.ModelSerializer[m.Section]):
    parent = CodeField()  # type: ignore[assignment]  # DRF pops declared fields; no clash with Field.parent

    class Meta:
        model = m.Section
        fields = ["code", "parent", "label", "kind", "title", "text", "depth", "order"]


class TargetSerializer(serializers.ModelSerializer[m.Target]):
    section = CodeField()
    parent = CodeField()  # type: ignore[assignment]  # DRF pops declared fields; no clash with Field.parent

    class Meta:
        model = m.Target
        fields = [
            "code",
            "section",
            "text",
            "milestone_year",
            "quantified",
            "comparator",
            "value",
            "unit",
            "kind",
            "direction",
            "measure",
            "sector",
            "population",
            "relative_to",
            "parent",
        ]


class TaskSerializer(serializers.ModelSerializer[m.Task]):
    section = CodeField()
    parent = CodeField()  # type: ignore[assignment]  # DRF pops declared fields; no clash with Field.parent
    lead = CodeField()
    coordinating = CodeField(many=True)

    class Meta:
        model = m.Task
        fields = [
            "code",
            "section",
            "kind",
            "title",
            "text",
            "sector",
            "lead",
            "coordinating",
            "assignment_basis",
            "parent",
        ]


class BudgetLineSerializer(serializers.ModelSerializer[m.BudgetLine]):
    section = CodeField()
    parent = CodeField()  # type: ignore[assignment]  # DRF pops declared fields; no clash with Field.parent
    programme = CodeField()

    class Meta:
        model = m.BudgetLine
        fields = [
            "code",
            "section",
            "programme",
            "phase",
            "source",
            "kind",
            "amount_million_vnd",
            "text",
            "parent",
        ]


class ResponsibilitySerializer(serializers.ModelSerializer[m.Responsibility]):
    section = CodeField()
    agency = CodeField()

    class Meta:
        model = m.Responsibility
        fields = ["code", "section", "agency", "text", "duties"]


class ObligationSerializer(serializers.ModelSerializer[m.Obligation]):
    section = CodeField()
    agency = CodeField()
    recipients = CodeField(many=True)

    class Meta:
        model = m.Obligation
        fields = ["code", "section", "kind", "agency", "recipients", "frequency", "due_year", "text"]


class FindingSerializer(serializers.Serializer[Any]):
    severity = serializers.ChoiceField(choices=["error", "warning", "info"])
    code = serializers.CharField()
    message = serializers.CharField()
    location = serializers.CharField()


class PlanList(generics.ListAPIView[m.Plan]):
    serializer_class = PlanSerializer

    def get_queryset(self) -> QuerySet[m.Plan]:
        return plans_visible_to(user=self.request.user)


class PlanDetail(generics.RetrieveAPIView[m.Plan]):
    serializer_class = PlanSerializer

    def get_object(self) -> m.Plan:
        return plan_for(user=self.request.user, code=self.kwargs["code"])


class _PlanElementList(generics.ListAPIView[Any]):
    """Elements of one plan; the plan is resolved through the scope layer first (404 outside)."""

    model: type[Any]
    related: tuple[str, ...] = ()

    def get_queryset(self) -> QuerySet[Any]:
        plan = plan_for(user=self.request.user, code=self.kwargs["code"])
        qs: QuerySet[Any] = self.model.objects.filter(plan=plan)
        return qs.select_related(*self.related).order_by("order")


class SectionList(_PlanElementList):
    model, serializer_class, related = m.Section, SectionSerializer, ("parent",)


class TargetList(_PlanElementList):
    model, serializer_class, related = m.Target, TargetSerializer, ("section", "parent")
    filterset_class = filters.TargetFilter


class TaskList(_PlanElementList):
    model, serializer_class, related = m.Task, TaskSerializer, ("section", "parent", "lead")
    filterset_class = filters.TaskFilter

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().prefetch_related("coordinating")


class BudgetLineList(_PlanElementList):
    model, serializer_class, related = m.BudgetLine, BudgetLineSerializer, ("section", "parent", "programme")
    filterset_class = filters.BudgetLineFilter


class ResponsibilityList(_PlanElementList):
    model, serializer_class, related = m.Responsibility, ResponsibilitySerializer, ("section", "agency")


class ObligationList(_PlanElementList):
    model, serializer_class, related = m.Obligation, ObligationSerializer, ("section", "agency")

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().prefetch_related("recipients")


class FindingList(APIView):
    @extend_schema(responses=FindingSerializer(many=True))
    def get(self, request: Request, code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        return Response(FindingSerializer(plan_findings(plan=plan), many=True).data)


class PlanExport(APIView):
    """The documented JSON export (same as `kehoach plan export --format json`)."""

    @extend_schema(responses=inline_serializer("PlanExport", fields={"plan": serializers.DictField()}))
    def get(self, request: Request, code: str) -> Response:
        return Response(plan_export(plan=plan_for(user=request.user, code=code)))
