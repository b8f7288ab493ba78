"""Public read-only API (/api/v1/public/...): the tables of the public pages as JSON, anonymous.

Each answer carries exactly what the matching page shows (same tables, same suppressed cells as
null, listed under "suppressed"); there is no other path to the figures behind the portal.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kehoach.assignments.selectors import task_rows
from kehoach.core import exceptions
from kehoach.plans.models import Plan
from kehoach.portal import pages, selectors
from kehoach.portal.caching import public_page
from kehoach.portal.disaggregation import indicator_view
from kehoach.portal.tables import Table, to_json


def _plan(code: str) -> Plan:
    try:
        return selectors.public_plan(code)
    except exceptions.NotFound as exc:
        raise NotFound(exc.message) from exc


def _answer(plan: Plan, tables: list[Table], **extra: Any) -> Response:
    return Response({"plan": plan.code, **extra, "tables": [to_json(t) for t in tables]})


class PublicView(APIView):
    authentication_classes: list[Any] = []  # anonymous by design: no session, no CSRF, no token
    permission_classes = [AllowAny]

    @classmethod
    def as_cached_view(cls) -> Any:
        return public_page(cls.as_view())

    def unit(self, request: Request, plan: Plan) -> Any:
        try:
            return selectors.public_unit(plan, request.query_params.get("don-vi"))
        except exceptions.NotFound as exc:
            raise NotFound(exc.message) from exc


class PlanListView(PublicView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Các kế hoạch được công khai")
    def get(self, request: Request) -> Response:
        plans = [
            {"code": p.code, "title": p.title, "periodStart": p.period_start, "periodEnd": p.period_end}
            for p in selectors.public_plans()
        ]
        return Response({"plans": plans})


class TargetsView(PublicView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Chỉ tiêu và đánh giá (số liệu đã phê duyệt)")
    def get(self, request: Request, code: str) -> Response:
        plan = _plan(code)
        unit = self.unit(request, plan)
        progress = selectors.progress(plan, unit, timezone.localdate())
        counts = {c.status: c.count for c in pages.status_counts(progress)}
        return _answer(plan, [pages.targets_table(progress)], unit=unit.pk, unitName=unit.name, counts=counts)


class IndicatorView(PublicView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Số liệu một chỉ số theo năm, có phân tổ")
    def get(self, request: Request, code: str, indicator: str) -> Response:
        plan = _plan(code)
        unit = self.unit(request, plan)
        try:
            found = selectors.public_indicator(plan, indicator)
        except exceptions.NotFound as exc:
            raise NotFound(exc.message) from exc
        view = indicator_view(
            indicator=found,
            area=selectors.area_units(plan),
            unit=unit,
            combo=request.query_params.get("phan-to", ""),
            as_of=timezone.localdate(),
        )
        combos = [{"code": c, "name": n} for c, n in view.combos]
        return _answer(plan, [view.table], unit=unit.pk, disaggregations=combos, disaggregation=view.combo)


class MoneyView(PublicView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Vốn kế hoạch, đã giao, đã giải ngân")
    def get(self, request: Request, code: str) -> Response:
        plan = _plan(code)
        money = selectors.public_money(plan)
        return _answer(
            plan,
            [pages.programme_table(money, selectors.programme_names(plan)), pages.commune_money_table(money)],
        )


class TasksView(PublicView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Nhiệm vụ và tiến độ")
    def get(self, request: Request, code: str) -> Response:
        plan = _plan(code)
        return _answer(plan, [pages.tasks_table(task_rows(plan=plan, today=timezone.localdate()))])


class FeedbackView(PublicView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Ý kiến đã công khai và trả lời")
    def get(self, request: Request, code: str) -> Response:
        plan = _plan(code)
        items = [
            {
                "id": f.pk,
                "subject": f.subject_kind,
                "target": f.target.code if f.target else None,
                "task": f.task.code if f.task else None,
                "budgetLine": f.budget_line.code if f.budget_line else None,
                "commune": f.commune.name if f.commune else None,
                "name": f.name,
                "text": f.text,
                "createdAt": f.created_at.date().isoformat(),
                "agency": f.agency.name,
                "dueOn": f.due_on.isoformat(),
                "answer": f.answer,
                "answeredAt": f.answered_at.date().isoformat() if f.answered_at else None,
            }
            for f in selectors.published_feedback(plan)[:500]
        ]
        return Response({"plan": plan.code, "feedback": items})
