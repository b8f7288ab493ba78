"""Read API of the catalogue. Indicators expose their numerator and denominator data elements (and
option combos) so any client can recompute a figure from raw values exported by dataValueSets."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import generics, serializers

from kehoach.indicators import models as m
from kehoach.indicators.filters import IndicatorFilter
from kehoach.indicators.selectors import indicators_with_details


class Code(serializers.SlugRelatedField):  # type: ignore[type-arg]
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="code", read_only=True, **kwargs)


class OptionComboSerializer(serializers.ModelSerializer[m.CategoryOptionCombo]):
    class Meta:
        model = m.CategoryOptionCombo
        fields = ["code", "name"]


class DisaggregationSerializer(serializers.ModelSerializer[m.CategoryCombo]):
    categoryOptionCombos = OptionComboSerializer(source="option_combos", many=True, read_only=True)

    class Meta:
        model = m.CategoryCombo
        fields = ["code", "name", "categoryOptionCombos"]


class DataElementSerializer(serializers.ModelSerializer[m.DataElement]):
    valueType = serializers.CharField(source="value_type")
    unit = serializers.CharField(source="unit_label")
    aggregationType = serializers.CharField(source="aggregation")
    disaggregations = DisaggregationSerializer(many=True, read_only=True)

    class Meta:
        model = m.DataElement
        fields = [
            "code",
            "name",
            "description",
            "valueType",
            "unit",
            "aggregationType",
            "decimals",
            "disaggregations",
        ]


class TermSerializer(serializers.Serializer[Any]):
    dataElement = serializers.CharField()
    categoryOptionCombo = serializers.CharField(help_text="“default” là tổng số")


def _term(element: m.DataElement | None, combo: m.CategoryOptionCombo | None) -> dict[str, str] | None:
    if element is None:
        return None
    return {"dataElement": element.code, "categoryOptionCombo": combo.code if combo else m.DEFAULT_COMBO}


class IndicatorSerializer(serializers.ModelSerializer[m.Indicator]):
    unit = serializers.CharField(source="unit_label")
    numerator = serializers.SerializerMethodField()
    denominator = serializers.SerializerMethodField()
    disaggregations = serializers.SerializerMethodField()
    level = Code()
    frequency = serializers.CharField(source="period_type")
    agency = Code()
    standardTopic = serializers.CharField(source="standard_topic")
    targets = serializers.SerializerMethodField()

    class Meta:
        model = m.Indicator
        fields = [
            "code",
            "name",
            "definition",
            "type",
            "unit",
            "factor",
            "decimals",
            "numerator",
            "denominator",
            "disaggregations",
            "level",
            "frequency",
            "source",
            "agency",
            "direction",
            "sector",
            "population",
            "standardTopic",
            "targets",
        ]

    @extend_schema_field(TermSerializer)
    def get_numerator(self, obj: m.Indicator) -> dict[str, str] | None:
        return _term(obj.numerator, obj.numerator_combo)

    @extend_schema_field(TermSerializer(allow_null=True))
    def get_denominator(self, obj: m.Indicator) -> dict[str, str] | None:
        return _term(obj.denominator, obj.denominator_combo)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_disaggregations(self, obj: m.Indicator) -> list[str]:
        """Combos the value can be computed by: those of the numerator (and of the denominator)."""
        if obj.numerator_combo_id is not None:
            return []
        codes = [d.code for d in obj.numerator.disaggregations.all()]
        if obj.denominator is not None:
            theirs = {d.code for d in obj.denominator.disaggregations.all()}
            codes = [c for c in codes if c in theirs]
        return codes

    @extend_schema_field(serializers.ListField(child=serializers.DictField(child=serializers.CharField())))
    def get_targets(self, obj: m.Indicator) -> list[dict[str, str]]:
        return [
            {"plan": t.target.plan.code, "code": t.target.code, "role": t.role}
            for t in obj.target_links.all()
        ]


class IndicatorList(generics.ListAPIView[m.Indicator]):
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter

    def get_queryset(self) -> QuerySet[m.Indicator]:
        return indicators_with_details().order_by("order", "code")


class IndicatorDetail(generics.RetrieveAPIView[m.Indicator]):
    serializer_class = IndicatorSerializer
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[m.Indicator]:
        return indicators_with_details()


def _elements() -> QuerySet[m.DataElement]:
    cocs = Prefetch("option_combos", queryset=m.CategoryOptionCombo.objects.order_by("order"))
    return m.DataElement.objects.prefetch_related(
        Prefetch("disaggregations", queryset=m.CategoryCombo.objects.prefetch_related(cocs))
    ).order_by("code")


class DataElementList(generics.ListAPIView[m.DataElement]):
    serializer_class = DataElementSerializer

    def get_queryset(self) -> QuerySet[m.DataElement]:
        return _elements()


class RoundSerializer(serializers.ModelSerializer[m.ReportingRound]):
    class Meta:
        model = m.ReportingRound
        fields = ["period", "opens_on", "due_on", "closes_on"]


class DataSetSerializer(serializers.ModelSerializer[m.DataSet]):
    level = Code()
    periodType = serializers.CharField(source="period_type")
    plan = Code()
    agency = Code()
    dataElements = serializers.SerializerMethodField()
    rounds = RoundSerializer(many=True, read_only=True)

    class Meta:
        model = m.DataSet
        fields = [
            "code",
            "name",
            "description",
            "level",
            "periodType",
            "window",
            "plan",
            "agency",
            "dataElements",
            "rounds",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_dataElements(self, obj: m.DataSet) -> list[str]:
        return [mb.element.code for mb in obj.members.all()]


class DataSetList(generics.ListAPIView[m.DataSet]):
    serializer_class = DataSetSerializer

    def get_queryset(self) -> QuerySet[m.DataSet]:
        members = Prefetch(
            "members", queryset=m.DataSetElement.objects.select_related("element").order_by("order")
        )
        return (
            m.DataSet.objects.select_related("level", "plan", "agency")
            .prefetch_related(members, "rounds")
            .order_by("code")
        )
