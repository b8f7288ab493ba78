"""API of the target side and the budget-line side of the task links (read only)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.assignments.api import _link_maps
from kehoach.assignments.detail_selectors import budget_line_page, target_page
from kehoach.assignments.serializers import TaskProgressSerializer
from kehoach.plans.models import BudgetLine
from kehoach.plans.selectors import plan_for


def _line(line: BudgetLine) -> dict[str, Any]:
    return {
        "code": line.code,
        "programme": line.programme.code,
        "source": line.source,
        "kind": line.kind,
        "amount_million_vnd": str(line.amount_million_vnd),
    }


_LINE = inline_serializer(
    "LinkedBudgetLine",
    fields={
        "code": serializers.CharField(),
        "programme": serializers.CharField(),
        "source": serializers.CharField(),
        "kind": serializers.CharField(),
        "amount_million_vnd": serializers.DecimalField(max_digits=20, decimal_places=3),
    },
)


class TargetTasks(APIView):
    """The tasks serving a target, with status and progress, and the stated money funding them."""

    @extend_schema(
        responses=inline_serializer(
            "TargetTasks",
            fields={
                "target": serializers.CharField(),
                "tasks": TaskProgressSerializer(many=True),
                "budget_lines": _LINE.__class__(many=True),
                "stated_total_million_vnd": serializers.DecimalField(max_digits=20, decimal_places=3),
            },
        )
    )
    def get(self, request: Request, code: str, target_code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        page = target_page(plan=plan, code=target_code, today=timezone.localdate())
        context = _link_maps([r.task.pk for r in page.tasks])
        return Response(
            {
                "target": page.target.code,
                "tasks": TaskProgressSerializer(page.tasks, many=True, context=context).data,
                "budget_lines": [_line(b) for b in page.budget_lines],
                "stated_total_million_vnd": str(page.total),
            }
        )


class BudgetLineTasks(APIView):
    """The tasks a budget line funds and the targets they serve."""

    @extend_schema(
        responses=inline_serializer(
            "BudgetLineTasks",
            fields={
                "budget_line": _LINE,
                "tasks": TaskProgressSerializer(many=True),
                "targets": serializers.ListField(child=serializers.CharField()),
            },
        )
    )
    def get(self, request: Request, code: str, line_code: str) -> Response:
        plan = plan_for(user=request.user, code=code)
        page = budget_line_page(plan=plan, code=line_code, today=timezone.localdate())
        context = _link_maps([r.task.pk for r in page.tasks])
        return Response(
            {
                "budget_line": _line(page.line),
                "tasks": TaskProgressSerializer(page.tasks, many=True, context=context).data,
                "targets": [t.code for t in page.targets],
            }
        )
