"""The import summary answered by every import path (API and Excel), and its OpenAPI schema."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kehoach.datavalues.rows import ImportSummary


class CountSerializer(serializers.Serializer[Any]):
    created = serializers.IntegerField()
    updated = serializers.IntegerField(help_text="Gồm cả giá trị bị xóa (xem deleted).")
    unchanged = serializers.IntegerField()
    rejected = serializers.IntegerField()
    deleted = serializers.IntegerField()


class ConflictSerializer(serializers.Serializer[Any]):
    row = serializers.IntegerField()
    field = serializers.CharField()
    severity = serializers.CharField()
    message = serializers.CharField()


class RowSerializer(serializers.Serializer[Any]):
    row = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=["created", "updated", "unchanged", "rejected"])


class ImportSummarySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["SUCCESS", "ERROR"])
    description = serializers.CharField()
    dryRun = serializers.BooleanField()
    committed = serializers.BooleanField()
    received = serializers.IntegerField()
    importCount = CountSerializer()
    conflicts = ConflictSerializer(many=True)
    rows = RowSerializer(many=True)


def summary_json(summary: ImportSummary, field_names: dict[str, str]) -> dict[str, Any]:
    """created + updated + unchanged + rejected always equals `received`; nothing is "ignored"."""
    counts = summary.counts
    if summary.ok:
        verb = "sẽ được ghi (chạy thử, chưa ghi gì)" if summary.dry_run else "đã được ghi"
        description = f"{summary.received} dòng {verb}."
    else:
        description = (
            f"Không ghi gì: {counts['rejected']}/{summary.received} dòng bị từ chối (xem conflicts)."
        )
    return {
        "status": "SUCCESS" if summary.ok else "ERROR",
        "description": description,
        "dryRun": summary.dry_run,
        "committed": summary.committed,
        "received": summary.received,
        "importCount": counts,
        "conflicts": [
            {
                "row": line,
                "field": field_names.get(p.field, p.field),
                "severity": p.severity,
                "message": p.text,
            }
            for line, p in summary.problems
        ],
        "rows": [{"row": res.line, "outcome": res.outcome} for res in summary.rows],
    }
