"""Export of a plan's money records (those the user may see) to .xlsx, in the import template."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Sum

from kehoach.budget.excel_format import (
    ALLOCATION_COLUMNS,
    ALLOCATION_SHEET,
    DISBURSEMENT_COLUMNS,
    DISBURSEMENT_SHEET,
    GUIDE,
)
from kehoach.budget.models import Allocation
from kehoach.budget.selectors import allocations_visible_to, disbursements_visible_to
from kehoach.plans.models import Plan
from kehoach.spreadsheets.writer import SheetSpec, write_xlsx

DEMO = "Có (dữ liệu minh họa)"


def _line(a: Allocation) -> list[Any]:
    return [
        a.plan.code,
        a.programme.code,
        a.component.code if a.component else "",
        a.get_source_display(),
        a.get_kind_display(),
        a.year,
        a.commune.key if a.commune else "",
        a.commune.name if a.commune else "",
        a.agency.code if a.agency else "",
        a.decision_number,
        a.carried_from_year,
    ]


def export_money(*, plan: Plan, user: Any) -> bytes:
    allocations = (
        allocations_visible_to(user=user)
        .filter(plan=plan)
        .annotate(paid=Sum("disbursements__amount_million_vnd"))
    )
    rows = [
        [
            *_line(a),
            a.decision_date,
            a.amount_million_vnd,
            a.note,
            a.ref,
            a.paid or Decimal(0),
            DEMO if a.is_demo else "",
        ]
        for a in allocations.order_by("year", "programme__code", "id")
    ]
    disbursements = disbursements_visible_to(user=user).filter(allocation__plan=plan).order_by("date", "id")
    paid = [
        [
            *_line(d.allocation),
            d.date,
            d.amount_million_vnd,
            d.reference,
            d.note,
            d.allocation.ref,
            DEMO if d.is_demo else "",
        ]
        for d in disbursements
    ]
    widths = [22, 14, 12, 22, 16, 7, 18, 20, 18, 18, 10, 14, 16, 30, 10, 16, 12]
    return write_xlsx(
        [
            SheetSpec(ALLOCATION_SHEET, [c.header for c in ALLOCATION_COLUMNS], rows, widths),
            SheetSpec(DISBURSEMENT_SHEET, [c.header for c in DISBURSEMENT_COLUMNS], paid, widths),
            SheetSpec("Hướng dẫn", ["Hướng dẫn"], GUIDE, [110]),
        ]
    )
