"""Read API for agencies (a directory: every signed-in user may read it)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import generics, serializers

from kehoach.agencies.models import Agency


class AgencySerializer(serializers.ModelSerializer[Agency]):
    parent: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True
    )
    admin_unit: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="key", read_only=True
    )
    successors = serializers.SerializerMethodField()

    class Meta:
        model = Agency
        fields = [
            "code",
            "name",
            "short_name",
            "kind",
            "sector",
            "admin_unit",
            "parent",
            "valid_from",
            "valid_to",
            "aliases",
            "successors",
        ]

    def get_successors(self, obj: Agency) -> list[dict[str, Any]]:
        return [
            {"agency": s.successor.code, "date": s.date, "note": s.note} for s in obj.successor_links.all()
        ]


class AgencyList(generics.ListAPIView[Agency]):
    serializer_class = AgencySerializer
    filterset_fields = ["kind", "sector"]

    def get_queryset(self) -> QuerySet[Agency]:
        return Agency.objects.select_related("parent", "admin_unit").prefetch_related(
            "successor_links__successor"
        )


class AgencyDetail(generics.RetrieveAPIView[Agency]):
    serializer_class = AgencySerializer
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Agency]:
        return AgencyList.get_queryset(self)  # type: ignore[arg-type]
