"""API shapes of task tracking. Input serializers whitelist fields (no mass assignment)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from kehoach.assignments import models as am
from kehoach.assignments.choices import STORED_STATUS_CHOICES
from kehoach.assignments.selectors import TaskRow


class TaskProgressSerializer(serializers.Serializer[Any]):
    """A plan task with its tracking, computed status and rolled-up percent."""

    code = serializers.CharField(source="task.code")
    title = serializers.CharField(source="task.title")
    kind = serializers.CharField(source="task.kind")
    parent = serializers.CharField(source="task.parent.code", allow_null=True, default=None)  # type: ignore[assignment]  # DRF pops declared fields
    lead = serializers.CharField(source="task.lead.code", allow_null=True, default=None)
    coordinating = serializers.SerializerMethodField()
    # Plain text, not an enum: the shown status adds "overdue" to the stored ones, and two enums
    # both named "status" would collide in the OpenAPI schema.
    status = serializers.CharField(help_text="not_started | in_progress | done | overdue | cancelled")
    status_label = serializers.CharField()
    percent_complete = serializers.DecimalField(source="percent", max_digits=5, decimal_places=2)
    rolled_up = serializers.BooleanField(source="progress.derived")
    period_start = serializers.IntegerField(source="tracking.period_start", allow_null=True, default=None)
    due_year = serializers.IntegerField(source="tracking.due_year", allow_null=True, default=None)
    deadline = serializers.DateField(source="tracking.deadline", allow_null=True, default=None)
    due_on = serializers.DateField(allow_null=True)
    expected_output = serializers.CharField(source="tracking.expected_output", default="")
    guiding_documents = serializers.ListField(
        child=serializers.CharField(), source="tracking.guiding_documents", default=list
    )
    weight = serializers.DecimalField(
        source="tracking.weight", max_digits=7, decimal_places=2, allow_null=True, default=None
    )
    targets = serializers.SerializerMethodField()
    budget_lines = serializers.SerializerMethodField()
    is_demo = serializers.BooleanField()

    def get_coordinating(self, row: TaskRow) -> list[str]:
        return sorted(a.code for a in row.task.coordinating.all())

    def get_targets(self, row: TaskRow) -> list[str]:
        links: dict[int, list[str]] = self.context.get("targets", {})
        return links.get(row.task.pk, [])

    def get_budget_lines(self, row: TaskRow) -> list[str]:
        links: dict[int, list[str]] = self.context.get("budget_lines", {})
        return links.get(row.task.pk, [])


class EvidenceSerializer(serializers.ModelSerializer[am.Evidence]):
    name = serializers.CharField(source="original_name")
    download = serializers.SerializerMethodField()

    class Meta:
        model = am.Evidence
        fields = ["id", "name", "content_type", "size", "sha256", "uploaded_at", "download"]

    def get_download(self, obj: am.Evidence) -> str:
        return reverse("api:assignments-evidence-download", args=[obj.pk])


class ProgressReportSerializer(serializers.ModelSerializer[am.ProgressReport]):
    task = serializers.CharField(source="task.code")
    agency = serializers.CharField(source="agency.code", allow_null=True, default=None)
    evidence = EvidenceSerializer(many=True)

    class Meta:
        model = am.ProgressReport
        fields = [
            "id",
            "task",
            "reported_on",
            "narrative",
            "status",
            "percent_complete",
            "author_name",
            "agency",
            "is_demo",
            "created_at",
            "evidence",
        ]


class ProgressReportCreateSerializer(serializers.Serializer[Any]):
    reported_on = serializers.DateField(required=False)
    narrative = serializers.CharField(max_length=20_000)
    status = serializers.ChoiceField(choices=STORED_STATUS_CHOICES, required=False)
    percent_complete = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    files = serializers.ListField(child=serializers.FileField(allow_empty_file=True), required=False)


class TrackingUpdateSerializer(serializers.Serializer[Any]):
    period_start = serializers.IntegerField(required=False, allow_null=True)
    due_year = serializers.IntegerField(required=False, allow_null=True)
    deadline = serializers.DateField(required=False, allow_null=True)
    expected_output = serializers.CharField(required=False, allow_blank=True)
    guiding_documents = serializers.ListField(child=serializers.CharField(), required=False)
    weight = serializers.DecimalField(max_digits=7, decimal_places=2, required=False)
    status = serializers.ChoiceField(choices=STORED_STATUS_CHOICES, required=False)
    percent_complete = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)
    version = serializers.IntegerField(required=False)


class LinkSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=["target", "budget_line"])
    code = serializers.CharField(max_length=60)


class LinksSerializer(serializers.Serializer[Any]):
    targets = serializers.ListField(child=serializers.CharField())
    budget_lines = serializers.ListField(child=serializers.CharField())


class ReassignmentSerializer(serializers.ModelSerializer[am.Reassignment]):
    task = serializers.CharField(source="task.code")
    from_agency = serializers.CharField(source="from_agency.code")
    to_agency = serializers.CharField(source="to_agency.code")

    class Meta:
        model = am.Reassignment
        fields = ["task", "role", "from_agency", "to_agency", "kind", "reason", "actor_name", "at"]


class ReassignTaskSerializer(serializers.Serializer[Any]):
    from_agency = serializers.CharField(max_length=60)
    to_agency = serializers.CharField(max_length=60)
    reason = serializers.CharField(max_length=1000)


class SuccessionSerializer(serializers.Serializer[Any]):
    agency = serializers.CharField(max_length=60)
    lead_successor = serializers.CharField(max_length=60, required=False, allow_blank=True)
    others_coordinate = serializers.BooleanField(default=True)
    reason = serializers.CharField(max_length=1000)


class CeasedAgencySerializer(serializers.Serializer[Any]):
    agency = serializers.CharField(source="agency.code")
    lead_tasks = serializers.IntegerField()
    coordinating_tasks = serializers.IntegerField()
    successors = serializers.SerializerMethodField()
    default_lead = serializers.CharField(source="default_lead.code", allow_null=True, default=None)

    def get_successors(self, obj: Any) -> list[str]:
        return [a.code for a in obj.successors]
