"""Gather a report's figures from the public reads of the other apps into a frozen ReportData.

Figures come only from analytics (target_progress, indicator_cells), the budget selectors and the
task selectors; this module only reshapes them. Money is read as `reader` may see it: the
issuer's officer in the UI, an all-seeing reader for the command line (SYSTEM_READER).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kehoach.accounts.choices import Role
from kehoach.analytics.definitions import TOTAL
from kehoach.analytics.labels import STATUS_TEXT
from kehoach.analytics.results import indicator_cells
from kehoach.analytics.services import counted_label, target_progress
from kehoach.analytics.targets import Status
from kehoach.assignments.selectors import status_counts, task_rows
from kehoach.budget.aggregate import overview
from kehoach.budget.checks import check_stated_components
from kehoach.budget.choices import Source
from kehoach.budget.facts import AllocationFact, DisbursementFact, PlannedLine
from kehoach.budget.selectors import allocations_visible_to, disbursements_visible_to
from kehoach.core.formatting import vn_date
from kehoach.plans.models import Plan
from kehoach.reports.snapshot import MoneyRow, OverdueTask, ReportData, TargetRow, TaskSummary

ZERO = Decimal(0)


class _SystemReader:
    """The command line's reader: the operator runs it on the server, with the database at hand,
    so it reads as the administrator role does through the one scope layer."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    role = Role.ADMIN
    agency_id = None
    pk = None


SYSTEM_READER: Any = _SystemReader()


def plan_reference(plan: Plan) -> str:
    """How the report cites the plan the first time: type, number, date, issuer and subject."""
    number = f"{plan.number}/{plan.symbol}" if plan.number else f"…/{plan.symbol}" if plan.symbol else ""
    parts = [_("Kế hoạch")]
    if number:
        parts.append(_("số {number}").format(number=number))
    if plan.issued_on:
        parts.append(_("ngày {date}").format(date=vn_date(plan.issued_on)))
    elif plan.issued_year:
        month = _("tháng {m} ").format(m=plan.issued_month) if plan.issued_month else ""
        parts.append(f"{month}{_('năm')} {plan.issued_year}")
    issuer = plan.issuer_name or (plan.issuer.short_name if plan.issuer else "")
    if issuer:
        parts.append(_("của {issuer}").format(issuer=issuer))
    title = plan.title[:1].lower() + plan.title[1:]
    return " ".join([*parts, title])


def report_years(plan: Plan, year: int) -> tuple[int, ...]:
    return tuple(range(plan.period_start, min(year, plan.period_end) + 1))


def _actual(
    cells: dict[Any, Any], code: str | None, unit: int, years: Iterable[int]
) -> tuple[tuple[int, Decimal], ...]:
    if code is None:
        return ()
    wanted = {str(y) for y in years}
    found = {
        int(period): cell.value
        for (indicator, area, period, coc), cell in cells.items()
        if indicator == code and area == unit and coc == TOTAL and period in wanted and cell.value is not None
    }
    return tuple(sorted(found.items()))


def target_rows(plan: Plan, year: int, as_of: dt.date) -> tuple[list[TargetRow], str]:
    progress = target_progress(plan, None, as_of)
    years = report_years(plan, year)
    codes = sorted({r.series for r in progress.rows if r.series})
    cells = indicator_cells(indicators=codes, areas=[progress.unit.pk], as_of=as_of) if codes else {}
    rows = []
    for r in progress.rows:
        j = r.judgement
        rows.append(
            TargetRow(
                code=r.target.code,
                text=r.target.text,
                milestone_year=j.milestone_year,
                comparator=r.comparator_symbol,
                value=r.target.value,
                unit=str(r.target.get_unit_display()) if r.target.unit else "",
                measure_unit=r.unit_label,  # of the judged figures (a growth target: the level's)
                places=r.decimals,
                status=j.status.value,
                status_label=str(STATUS_TEXT.get(j.status, j.status.value)),
                target_level=j.target_level,
                baseline_year=j.baseline.year if j.baseline else None,
                baseline=j.baseline.value if j.baseline else None,
                latest_year=j.latest_year,
                latest=j.latest,
                gap=j.gap,
                annual_change_needed=j.annual_change_needed,
                forecast=j.forecast,
                approximate=j.approximate,
                sentence=j.explanation.sentence,
                actual=_actual(cells, r.series or None, progress.unit.pk, years),
                parent=j.parent,
            )
        )
    return rows, counted_label(progress.statuses)


def task_summary(plan: Plan, as_of: dt.date) -> TaskSummary:
    rows = task_rows(plan=plan, today=as_of)
    top = [r for r in rows if r.depth == 0]
    mean = sum((r.percent for r in top), ZERO) / len(top) if top else ZERO
    overdue = sorted(
        (r for r in rows if r.status == "overdue"), key=lambda r: (r.due_on or dt.date.max, r.task.order)
    )
    return TaskSummary(
        total=len(rows),
        counts=tuple(status_counts(rows)),
        mean_percent=mean.quantize(Decimal("0.1")),
        overdue=tuple(
            OverdueTask(
                code=r.task.code,
                title=r.task.title,
                lead=(r.task.lead.short_name or r.task.lead.name) if r.task.lead else "",
                due_on=r.due_on,
                percent=r.percent,
            )
            for r in overdue
        ),
    )


def _source_label(code: str) -> str:
    return str(Source(code).label) if code in Source.values else code


def _money_facts(
    plan: Plan, year: int, as_of: dt.date, reader: Any
) -> tuple[list[PlannedLine], list[AllocationFact], list[DisbursementFact], bool]:
    """The budget selectors' scoped querysets, read as plain columns: plan_money builds every
    allocation and disbursement as a model with five joined models, which was half the time of
    a report; the report needs eight columns of each."""
    planned = [
        PlannedLine(
            code=b.code,
            programme=b.programme.code,
            source=b.source,
            kind=b.kind,
            amount=b.amount_million_vnd,
            parent=b.parent.code if b.parent else None,
        )
        for b in plan.budget_lines.select_related("programme", "parent").order_by("order")
    ]
    allocations = allocations_visible_to(user=reader).filter(plan=plan, year__lte=year).order_by("year", "id")
    facts = [
        AllocationFact(
            ref=f"GV-{pk}",
            programme=code,
            programme_name=short or name,
            source=source,
            kind=kind,
            year=y,
            amount=amount,
            carried_from_year=carried,
        )
        for pk, code, short, name, source, kind, y, amount, carried in allocations.values_list(
            "pk",
            "programme__code",
            "programme__short_name",
            "programme__name",
            "source",
            "kind",
            "year",
            "amount_million_vnd",
            "carried_from_year",
        )
    ]
    paid = disbursements_visible_to(user=reader).filter(allocation__plan=plan, date__lte=as_of)
    payments = [
        DisbursementFact(f"GN-{pk}", f"GV-{allocation}", date, amount)
        for pk, allocation, date, amount in paid.values_list(
            "pk", "allocation_id", "date", "amount_million_vnd"
        )
    ]
    return planned, facts, payments, allocations.filter(is_demo=True).exists()


def money_rows(plan: Plan, year: int, as_of: dt.date, reader: Any) -> tuple[list[MoneyRow], str]:
    """Programme rows each followed by every source the plan states for it (allocated to or not, so
    the sources listed are the ones making up the stated total); a row whose stated components do
    not add up to it is marked (the figures stay as the plan states them)."""
    planned, allocations, disbursements, has_demo = _money_facts(plan, year, as_of, reader)
    groups = overview(planned, allocations, disbursements, _source_label)
    flagged = {f["location"] for f in check_stated_components(planned)}
    rows = []
    for i, g in enumerate(groups):
        cell = g.years.get(year)
        rows.append(
            MoneyRow(
                label=g.label,
                depth=g.depth,
                planned=g.planned,
                allocated_year=cell.allocated if cell else ZERO,
                disbursed_year=cell.disbursed if cell else ZERO,
                allocated_total=g.total.allocated,
                disbursed_total=g.total.disbursed,
                parts_differ=bool(g.planned_code) and g.planned_code in flagged,
            )
        )
        if i + 1 < len(groups) and groups[i + 1].depth != 0:
            continue  # the programme's block goes on
        programme = str(g.key[0] if isinstance(g.key, tuple) else g.key)
        shown = {str(h.key[1]) for h in groups if isinstance(h.key, tuple) and h.key[0] == programme}
        rows += [
            MoneyRow(
                label=_source_label(line.source),
                depth=1,
                planned=line.amount,
                allocated_year=ZERO,
                disbursed_year=ZERO,
                allocated_total=ZERO,
                disbursed_total=ZERO,
                parts_differ=line.code in flagged,
            )
            for line in planned
            if line.programme == programme and line.kind == "total" and line.source not in ("total", *shown)
        ]
    note = _("Số liệu vốn có dữ liệu minh họa.") if has_demo else ""
    return rows, note


def collect(*, plan: Plan, kind: str, year: int, as_of: dt.date, reader: Any) -> ReportData:
    targets, counted = target_rows(plan, year, as_of)
    measured = {t.code for t in targets}
    qualitative = tuple(t.text for t in plan.targets.order_by("order") if t.code not in measured)
    money, note = money_rows(plan, year, as_of, reader)
    return ReportData(
        kind=kind,
        year=year,
        as_of=as_of,
        plan_code=plan.code,
        plan_title=plan.title,
        plan_reference=plan_reference(plan),
        unit_name=plan.admin_unit.name if plan.admin_unit else "",
        unit_kind=plan.admin_unit.kind if plan.admin_unit else "",
        period_start=plan.period_start,
        period_end=plan.period_end,
        counted=counted,
        statuses=tuple((s.value, str(STATUS_TEXT.get(s, s.value))) for s in Status),
        years=report_years(plan, year),
        targets=tuple(targets),
        qualitative=qualitative,
        tasks=task_summary(plan, as_of),
        money=tuple(money),
        money_note=note,
    )
