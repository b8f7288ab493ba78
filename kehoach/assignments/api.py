"""API of task tracking under /api/v1/ (names prefixed `assignments-`).

Plans and tasks are resolved through the scope layer (404 outside); writes call the same services
as the web pages, which check the role (403) and audit with channel "api".
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.http import FileResponse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.agencies.models import Agency
from kehoach.assignments import link_services
from kehoach.assignments import models as am
from kehoach.assignments import serializers as s
from kehoach.assignments.detail_selectors import task_detail
from kehoach.assignments.filters import TaskProgressFilter
from kehoach.assignments.reassign import reassign_ceased_agency, reassign_task_to_successor
from kehoach.assignments.selectors import TaskRow, agency_task_rows, ceased_agencies, task_for, task_rows
from kehoach.assignments.services import record_progress, update_tracking
from kehoach.assignments.views.files import evidence_response, visible_evidence
from kehoach.audit.choices import Channel
from kehoach.core.exceptions import NotFound, ValidationFailed
from kehoach.plans.models import Plan, Task
from kehoach.plans.selectors import plan_for


def _link_maps(task_ids: list[int]) -> dict[str, dict[int, list[str]]]:
    targets: dict[int, list[str]] = defaultdict(list)
    lines: dict[int, list[str]] = defaultdict(list)
    for tid, code in am.TaskTargetLink.objects.filter(task_id__in=task_ids).values_list(
        "task_id", "target__code"
    ):
        targets[tid].append(code)
    for tid, code in am.TaskBudgetLink.objects.filter(task_id__in=task_ids).values_list(
        "task_id", "budget_line__code"
    ):
        lines[tid].append(code)
    return {"targets": targets, "budget_lines": lines}


def _rows_response(rows: list[TaskRow]) -> Response:
    context = _link_maps([r.task.pk for r in rows])
    return Response(s.TaskProgressSerializer(rows, many=True, context=context).data)


class _TaskView(APIView):
    def plan(self) -> Plan:
        return plan_for(user=self.request.user, code=self.kwargs["code"])

    def task(self) -> Task:
        return task_for(user=self.request.user, plan=self.plan(), code=self.kwargs["task_code"])


class TaskProgressList(APIView):
    """Tasks of a plan with status (overdue derived) and rolled-up percent; ?status=&agency=&kind=&q=."""

    @extend_schema(responses=s.TaskProgressSerializer(many=True))
    def get(self, request: Request, code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        today = timezone.localdate()
        fs = TaskProgressFilter(request.query_params, queryset=plan.tasks.all(), today=today)
        if not fs.is_valid():
            raise ValidationFailed("Bộ lọc không hợp lệ.", messages=[str(e) for e in fs.errors.values()])
        ids = set(fs.qs.values_list("pk", flat=True))
        return _rows_response(task_rows(plan=plan, today=today, only=ids))


class TaskProgressDetail(_TaskView):
    @extend_schema(responses=s.TaskProgressSerializer)
    def get(self, request: Request, code: str, task_code: str) -> Response:
        task = self.task()
        row = task_detail(task=task, today=timezone.localdate()).row
        return Response(s.TaskProgressSerializer(row, context=_link_maps([task.pk])).data)

    @extend_schema(request=s.TrackingUpdateSerializer, responses=s.TaskProgressSerializer)
    def patch(self, request: Request, code: str, task_code: str) -> Response:
        task = self.task()
        data = s.TrackingUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        update_tracking(
            task=task,
            actor=request.user,
            values={k: v[k] for k in v if k not in {"status", "percent_complete", "reason", "version"}},
            status=v.get("status"),
            percent=v.get("percent_complete"),
            reason=v.get("reason", ""),
            channel=Channel.API,
            expected_version=v.get("version"),
        )
        return self.get(request, code, task_code)


class ProgressReportList(_TaskView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(responses=s.ProgressReportSerializer(many=True))
    def get(self, request: Request, code: str, task_code: str) -> Response:
        reports = am.ProgressReport.objects.filter(task=self.task()).prefetch_related("evidence")
        return Response(s.ProgressReportSerializer(reports.select_related("task", "agency"), many=True).data)

    @extend_schema(request=s.ProgressReportCreateSerializer, responses={201: s.ProgressReportSerializer})
    def post(self, request: Request, code: str, task_code: str) -> Response:
        task = self.task()
        data = s.ProgressReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        report = record_progress(
            task=task,
            actor=request.user,
            narrative=v["narrative"],
            reported_on=v.get("reported_on"),
            status=v.get("status"),
            percent=v.get("percent_complete"),
            files=v.get("files", []),
            channel=Channel.API,
        )
        return Response(s.ProgressReportSerializer(report).data, status=status.HTTP_201_CREATED)


class _LinkWriter(_TaskView):
    def apply(self, task: Task, kind: str, other: str, *, add: bool) -> None:
        if kind == "target":
            target = task.plan.targets.filter(code=other).first()
            if target is None:
                raise NotFound("Không tìm thấy chỉ tiêu.")
            fn = link_services.link_target if add else link_services.unlink_target
            fn(task=task, target=target, actor=self.request.user, channel=Channel.API)
        else:
            line = task.plan.budget_lines.filter(code=other).first()
            if line is None:
                raise NotFound("Không tìm thấy dòng nguồn lực.")
            fb = link_services.link_budget_line if add else link_services.unlink_budget_line
            fb(task=task, budget_line=line, actor=self.request.user, channel=Channel.API)


def _links_of(task: Task) -> dict[str, list[str]]:
    maps = _link_maps([task.pk])
    return {"targets": maps["targets"][task.pk], "budget_lines": maps["budget_lines"][task.pk]}


class TaskLinks(_LinkWriter):
    """Targets the task serves and budget lines that fund it; POST adds one (plan owners)."""

    @extend_schema(responses=s.LinksSerializer)
    def get(self, request: Request, code: str, task_code: str) -> Response:
        return Response(_links_of(self.task()))

    @extend_schema(request=s.LinkSerializer, responses={201: s.LinksSerializer})
    def post(self, request: Request, code: str, task_code: str) -> Response:
        task = self.task()
        data = s.LinkSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        self.apply(task, data.validated_data["kind"], data.validated_data["code"], add=True)
        return Response(_links_of(task), status=status.HTTP_201_CREATED)


class TaskLinkDetail(_LinkWriter):
    @extend_schema(responses={204: None})
    def delete(self, request: Request, code: str, task_code: str, kind: str, other: str) -> Response:
        if kind not in ("target", "budget_line"):
            raise NotFound("Không tìm thấy liên kết.")
        self.apply(self.task(), kind, other, add=False)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TaskReassign(_TaskView):
    @extend_schema(request=s.ReassignTaskSerializer, responses=s.ReassignmentSerializer(many=True))
    def post(self, request: Request, code: str, task_code: str) -> Response:
        task = self.task()
        data = s.ReassignTaskSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        source = _agency(data.validated_data["from_agency"])
        target = _agency(data.validated_data["to_agency"])
        reassign_task_to_successor(
            task=task, from_agency=source, to_agency=target, actor=request.user,
            reason=data.validated_data["reason"], channel=Channel.API,
        )  # fmt: skip
        history = am.Reassignment.objects.filter(task=task).select_related("task", "from_agency", "to_agency")
        return Response(s.ReassignmentSerializer(history, many=True).data)


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise NotFound(f"Không tìm thấy cơ quan {code}.")
    return agency


class Succession(APIView):
    """Ceased agencies still holding open tasks of the plan; POST moves them to their successors."""

    @extend_schema(responses=s.CeasedAgencySerializer(many=True))
    def get(self, request: Request, code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        return Response(
            s.CeasedAgencySerializer(ceased_agencies(plan=plan, today=timezone.localdate()), many=True).data
        )

    @extend_schema(request=s.SuccessionSerializer, responses=s.CeasedAgencySerializer(many=True))
    def post(self, request: Request, code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        data = s.SuccessionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        reassign_ceased_agency(
            plan=plan,
            agency=_agency(v["agency"]),
            actor=request.user,
            reason=v["reason"],
            lead_successor=_agency(v["lead_successor"]) if v.get("lead_successor") else None,
            others_coordinate=v["others_coordinate"],
            channel=Channel.API,
        )
        return self.get(request, code)


class MyTasks(APIView):
    """Tasks of the user's agency (or ?agency=CODE), including those inherited through succession."""

    @extend_schema(responses=s.TaskProgressSerializer(many=True))
    def get(self, request: Request) -> Response:
        code = request.query_params.get("agency", "")
        agency: Any = _agency(code) if code else getattr(request.user, "agency", None)
        if agency is None:
            return Response([])
        return _rows_response(agency_task_rows(user=request.user, agency=agency, today=timezone.localdate()))


class EvidenceDownload(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request: Request, pk: int) -> FileResponse:
        return evidence_response(visible_evidence(request.user, pk))
