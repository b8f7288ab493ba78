"""Response schemas of the analytics pages API (drf-spectacular); the views return plain dicts.

Decimals are exact strings: clients round only for display."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kehoach.analytics.api import TargetProgressSerializer
from kehoach.analytics.targets import Status

Serializer = serializers.Serializer


def _decimal() -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=60, decimal_places=30, allow_null=True, coerce_to_string=True)


class HeadSerializer(Serializer[Any]):
    plan = serializers.CharField()
    unit = serializers.IntegerField()
    unitName = serializers.CharField()
    asOf = serializers.DateField()
    countedStatuses = serializers.ListField(child=serializers.CharField())
    counted = serializers.CharField(help_text="Những số liệu được tính (tiếng Việt).")


class CellSerializer(Serializer[Any]):
    value = _decimal()
    numerator = _decimal()
    denominator = _decimal()
    approximate = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Vì sao số liệu là gần đúng.")


class TrajectorySerializer(Serializer[Any]):
    target = serializers.CharField()
    value = _decimal()


class YearSerializer(CellSerializer):
    year = serializers.IntegerField()
    trajectories = TrajectorySerializer(many=True)


class UnitStatusSerializer(Serializer[Any]):
    target = serializers.CharField()
    status = serializers.ChoiceField(choices=[v.value for v in Status])
    statusLabel = serializers.CharField()


class UnitFigureSerializer(CellSerializer):
    unit = serializers.IntegerField()
    unitName = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    statuses = UnitStatusSerializer(many=True)


class BreakdownRowSerializer(CellSerializer):
    categoryOptionCombo = serializers.CharField()
    name = serializers.CharField()


class BreakdownSerializer(Serializer[Any]):
    name = serializers.CharField()
    year = serializers.IntegerField()
    rows = BreakdownRowSerializer(many=True)


class ComparisonRowSerializer(Serializer[Any]):
    year = serializers.IntegerField()
    minority = _decimal()
    whole = _decimal()
    difference = _decimal()
    approximate = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField())


class PairSerializer(Serializer[Any]):
    kind = serializers.ChoiceField(choices=["variant", "reference", "breakdown"])
    minorityIndicator = serializers.CharField()
    wholeIndicator = serializers.CharField()
    minorityLabel = serializers.CharField()
    wholeLabel = serializers.CharField()
    rows = ComparisonRowSerializer(many=True)


class ChartedTargetSerializer(TargetProgressSerializer):
    charted = serializers.BooleanField(help_text="Đánh giá trên chính chỉ số này (có lộ trình trên biểu đồ).")


class IndicatorPageSerializer(HeadSerializer):
    indicator = serializers.CharField()
    indicatorName = serializers.CharField()
    unitLabel = serializers.CharField()
    targets = ChartedTargetSerializer(many=True)
    years = YearSerializer(many=True)
    units = UnitFigureSerializer(many=True)
    breakdowns = BreakdownSerializer(many=True)
    comparisons = PairSerializer(many=True)


class ScorecardSerializer(HeadSerializer):
    targets = TargetProgressSerializer(many=True)


class PerformanceRowSerializer(Serializer[Any]):
    target = serializers.CharField()
    indicator = serializers.CharField(allow_null=True)
    milestoneYear = serializers.IntegerField()
    year = serializers.IntegerField(allow_null=True)
    comparator = serializers.CharField()
    targetValue = _decimal()
    isMilestone = serializers.BooleanField()
    actual = _decimal()
    percentOfTarget = _decimal()
    onPath = serializers.BooleanField(allow_null=True)
    status = serializers.ChoiceField(choices=[v.value for v in Status])
    statusLabel = serializers.CharField()
    approximate = serializers.BooleanField()


class FiltersSerializer(Serializer[Any]):
    sector = serializers.CharField()
    milestone = serializers.IntegerField(allow_null=True)
    status = serializers.CharField()


class PerformanceSerializer(HeadSerializer):
    filters = FiltersSerializer()
    rows = PerformanceRowSerializer(many=True)


class ComparisonSerializer(Serializer[Any]):
    plan = serializers.CharField()
    unit = serializers.IntegerField()
    unitName = serializers.CharField()
    countedStatuses = serializers.ListField(child=serializers.CharField())
    counted = serializers.CharField()
    pairs = PairSerializer(many=True)
