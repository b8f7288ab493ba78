"""API of money records: /api/v1/allocations/ and /api/v1/disbursements/ (list, create, read,
update, delete). Same scope and audit as the pages: out of scope = 404, other roles = 403."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kehoach.agencies.models import Agency
from kehoach.audit.choices import Channel
from kehoach.budget import filters, services
from kehoach.budget.choices import Kind, Source
from kehoach.budget.inputs import AllocationInput, DisbursementInput
from kehoach.budget.models import Allocation, Disbursement, ProgrammeComponent
from kehoach.budget.selectors import (
    allocation_for,
    allocations_visible_to,
    disbursement_for,
    disbursements_visible_to,
)
from kehoach.core.exceptions import ValidationFailed
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Programme
from kehoach.plans.selectors import plan_for


class AllocationSerializer(serializers.ModelSerializer[Allocation]):
    ref = serializers.CharField(read_only=True)
    plan = serializers.CharField(source="plan.code", help_text="Mã kế hoạch")
    programme = serializers.CharField(source="programme.code", help_text="Mã chương trình")
    component = serializers.CharField(
        source="component.code", allow_null=True, required=False, help_text="Mã dự án, tiểu dự án"
    )
    commune = serializers.CharField(
        source="commune.key", allow_null=True, required=False, help_text="Khóa đơn vị, ví dụ gso-legacy:03454"
    )
    agency = serializers.CharField(source="agency.code", allow_null=True, required=False)
    source = serializers.ChoiceField(choices=Source.choices)  # type: ignore[assignment]  # DRF pops declared fields
    kind = serializers.ChoiceField(choices=Kind.choices)
    amount_million_vnd = serializers.DecimalField(max_digits=20, decimal_places=3, coerce_to_string=True)
    # Sent true when the amount takes the programme past the plan's stated total on purpose.
    confirmOverPlan = serializers.BooleanField(write_only=True, required=False, default=False)

    class Meta:
        model = Allocation
        fields = [
            "id",
            "ref",
            "plan",
            "programme",
            "component",
            "source",
            "kind",
            "year",
            "commune",
            "agency",
            "amount_million_vnd",
            "decision_number",
            "decision_date",
            "carried_from_year",
            "note",
            "is_demo",
            "confirmOverPlan",
        ]
        read_only_fields = ["is_demo"]

    def to_input(self) -> AllocationInput:
        data: dict[str, Any] = self.validated_data

        def find(model: Any, field: str, value: Any, what: str) -> Any:
            if value is None:
                return None
            found = model.objects.filter(**{field: value}).first()
            if found is None:
                raise ValidationFailed(f"Không có {what} “{value}”.")
            return found

        programme = find(Programme, "code", data["programme"]["code"], "chương trình")
        component_code = (data.get("component") or {}).get("code")
        component = find(ProgrammeComponent, "code", component_code, "dự án") if component_code else None
        if component is not None:
            component = (
                ProgrammeComponent.objects.filter(programme=programme, code=component_code).first()
                or component
            )
        return AllocationInput(
            programme=programme,
            component=component,
            source=data["source"],
            kind=data["kind"],
            year=data["year"],
            commune=find(OrgUnit, "key", (data.get("commune") or {}).get("key"), "đơn vị"),
            agency=find(Agency, "code", (data.get("agency") or {}).get("code"), "cơ quan"),
            amount_million_vnd=data["amount_million_vnd"],
            decision_number=data.get("decision_number", ""),
            decision_date=data.get("decision_date"),
            carried_from_year=data.get("carried_from_year"),
            note=data.get("note", ""),
        )


class DisbursementSerializer(serializers.ModelSerializer[Disbursement]):
    ref = serializers.CharField(read_only=True)
    allocation: serializers.PrimaryKeyRelatedField[Allocation] = serializers.PrimaryKeyRelatedField(
        queryset=Allocation.objects.all(), help_text="Mã số (id) của dòng giao vốn"
    )
    amount_million_vnd = serializers.DecimalField(max_digits=20, decimal_places=3, coerce_to_string=True)

    class Meta:
        model = Disbursement
        fields = ["id", "ref", "allocation", "date", "amount_million_vnd", "reference", "note", "is_demo"]
        read_only_fields = ["is_demo"]

    def to_input(self) -> DisbursementInput:
        data: dict[str, Any] = self.validated_data
        return DisbursementInput(
            date=data["date"],
            amount_million_vnd=data["amount_million_vnd"],
            reference=data["reference"],
            note=data.get("note", ""),
        )


class AllocationList(generics.ListCreateAPIView[Allocation]):
    serializer_class = AllocationSerializer
    filterset_class = filters.AllocationFilter

    def get_queryset(self) -> QuerySet[Allocation]:
        return allocations_visible_to(user=self.request.user).order_by("id")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = plan_for(user=request.user, code=serializer.validated_data["plan"]["code"])
        allocation = services.create_allocation(
            actor=request.user,
            plan=plan,
            data=serializer.to_input(),
            channel=Channel.API,
            confirmed=serializer.validated_data.get("confirmOverPlan", False),
        )
        return Response(AllocationSerializer(allocation).data, status=201)


class AllocationDetail(generics.RetrieveUpdateDestroyAPIView[Allocation]):
    serializer_class = AllocationSerializer

    def get_object(self) -> Allocation:
        return allocation_for(user=self.request.user, pk=self.kwargs["pk"])

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        allocation = self.get_object()
        incoming: Any = request.data
        # PATCH: fill the fields not sent from the current record, then validate the whole record.
        data = {**AllocationSerializer(allocation).data, **incoming} if kwargs.get("partial") else incoming
        serializer = AllocationSerializer(allocation, data=data)
        serializer.is_valid(raise_exception=True)
        services.update_allocation(
            actor=request.user,
            allocation=allocation,
            data=serializer.to_input(),
            channel=Channel.API,
            confirmed=serializer.validated_data.get("confirmOverPlan", False),
        )
        return Response(AllocationSerializer(allocation).data)

    def perform_destroy(self, instance: Allocation) -> None:
        services.delete_allocation(actor=self.request.user, allocation=instance, channel=Channel.API)


class DisbursementList(generics.ListCreateAPIView[Disbursement]):
    serializer_class = DisbursementSerializer
    filterset_class = filters.DisbursementFilter

    def get_queryset(self) -> QuerySet[Disbursement]:
        return disbursements_visible_to(user=self.request.user).order_by("id")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        # Resolved again through the scope layer: an id the user cannot see is "not found".
        allocation = allocation_for(user=request.user, pk=serializer.validated_data["allocation"].pk)
        disbursement = services.record_disbursement(
            actor=request.user, allocation=allocation, data=serializer.to_input(), channel=Channel.API
        )
        return Response(DisbursementSerializer(disbursement).data, status=201)


class DisbursementDetail(generics.RetrieveUpdateDestroyAPIView[Disbursement]):
    serializer_class = DisbursementSerializer

    def get_object(self) -> Disbursement:
        return disbursement_for(user=self.request.user, pk=self.kwargs["pk"])

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        disbursement = self.get_object()
        incoming: Any = request.data
        # PATCH: fill the fields not sent from the current record, then validate the whole record.
        data = (
            {**DisbursementSerializer(disbursement).data, **incoming} if kwargs.get("partial") else incoming
        )
        serializer = DisbursementSerializer(disbursement, data=data)
        serializer.is_valid(raise_exception=True)
        services.update_disbursement(
            actor=request.user, disbursement=disbursement, data=serializer.to_input(), channel=Channel.API
        )
        return Response(DisbursementSerializer(disbursement).data)

    def perform_destroy(self, instance: Disbursement) -> None:
        services.delete_disbursement(actor=self.request.user, disbursement=instance, channel=Channel.API)
