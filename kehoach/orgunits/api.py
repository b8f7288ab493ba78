"""Read API for administrative units, limited to the user's scope."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import QuerySet
from rest_framework import generics, serializers

from kehoach.accounts.scope import visible_units
from kehoach.core.text import fold
from kehoach.orgunits.models import OrgUnit
from kehoach.orgunits.selectors import units_with_details


class UnitFilter(df.FilterSet):
    level = df.CharFilter(field_name="level__code")
    scheme = df.CharFilter(field_name="codes__scheme__code", distinct=True)
    code = df.CharFilter(field_name="codes__code", distinct=True)
    q = df.CharFilter(method="search")

    class Meta:
        model = OrgUnit
        fields = ["level", "scheme", "code", "q"]

    def search(self, queryset: QuerySet[OrgUnit], name: str, value: str) -> QuerySet[OrgUnit]:
        return queryset.filter(search_text__contains=fold(value)) if value.strip() else queryset


class UnitSerializer(serializers.ModelSerializer[OrgUnit]):
    level: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="code", read_only=True)
    codes = serializers.SerializerMethodField()
    parents = serializers.SerializerMethodField()
    successors = serializers.SerializerMethodField()
    predecessors = serializers.SerializerMethodField()

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "key",
            "name",
            "kind",
            "level",
            "valid_from",
            "valid_to",
            "is_demo",
            "codes",
            "parents",
            "successors",
            "predecessors",
        ]

    def get_codes(self, obj: OrgUnit) -> list[dict[str, str]]:
        return [{"scheme": c.scheme.code, "code": c.code} for c in obj.codes.all()]

    def get_parents(self, obj: OrgUnit) -> list[dict[str, Any]]:
        return [
            {"parent": p.parent.key, "valid_from": p.valid_from, "valid_to": p.valid_to}
            for p in obj.parent_links.all()
        ]

    def get_successors(self, obj: OrgUnit) -> list[dict[str, Any]]:
        return [
            {"unit": ln.successor.key, "kind": ln.kind, "date": ln.date, "partial": ln.partial}
            for ln in obj.successor_links.all()
        ]

    def get_predecessors(self, obj: OrgUnit) -> list[dict[str, Any]]:
        return [
            {"unit": ln.predecessor.key, "kind": ln.kind, "date": ln.date, "partial": ln.partial}
            for ln in obj.predecessor_links.all()
        ]


class UnitList(generics.ListAPIView[OrgUnit]):
    serializer_class = UnitSerializer
    filterset_class = UnitFilter

    def get_queryset(self) -> QuerySet[OrgUnit]:
        return units_with_details(queryset=visible_units(self.request.user)).order_by(
            "level__rank", "name", "id"
        )


class UnitDetail(generics.RetrieveAPIView[OrgUnit]):
    serializer_class = UnitSerializer

    def get_queryset(self) -> QuerySet[OrgUnit]:
        return units_with_details(queryset=visible_units(self.request.user))
