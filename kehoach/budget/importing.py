"""Excel import of allocations and disbursements: a dry run that says, row by row, what would be
created, updated, left unchanged or rejected, and a commit that writes all of it or nothing.

Every row is accounted for (created + updated + unchanged + rejected = rows in the file); a row for
a commune outside the user's scope is rejected, never skipped (reliability.md, tests I1-I4)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from kehoach.accounts.scope import can_record_money
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.budget import services
from kehoach.budget.excel_format import (
    ALLOCATION_COLUMNS,
    ALLOCATION_SHEET,
    DISBURSEMENT_COLUMNS,
    DISBURSEMENT_SHEET,
)
from kehoach.budget.import_rows import Resolver
from kehoach.budget.inputs import AllocationInput, DisbursementInput, key_of
from kehoach.budget.models import Allocation, Disbursement
from kehoach.budget.selectors import over_plan
from kehoach.core.exceptions import PermissionDenied, ValidationFailed
from kehoach.plans.models import Plan
from kehoach.spreadsheets.errors import FileRejected, Problem
from kehoach.spreadsheets.reader import read_xlsx
from kehoach.spreadsheets.table import read_table

STATUSES = ("created", "updated", "unchanged", "rejected")


@dataclass
class RowOutcome:
    sheet: str
    row: int
    status: str = ""
    ref: str = ""  # the existing record it matched ("GV-12")
    problems: list[Problem] = field(default_factory=list)
    allocation: AllocationInput | None = None
    disbursement: DisbursementInput | None = None
    key: str = ""


@dataclass
class ImportReport:
    rows: list[RowOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the file or a header, not a row
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors()

    def errors(self) -> list[str]:
        found = [p for p in self.problems if p.severity == "error"]
        found += [p for r in self.rows for p in r.problems if p.severity == "error"]
        return [p.text() for p in found]

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for sheet in (ALLOCATION_SHEET, DISBURSEMENT_SHEET):
            seen = Counter(r.status for r in self.rows if r.sheet == sheet)
            out[sheet] = {status: seen.get(status, 0) for status in STATUSES}
        return out


def _outcome(row: RowOutcome, resolver: Resolver, seen: dict[str, int], existing: Any) -> None:
    row.problems += resolver.problems
    if row.key and row.key in seen:
        message = f"trùng với dòng {seen[row.key]} (cùng một khoản); mỗi khoản chỉ ghi một lần"
        row.problems.append(Problem(message, row.sheet, row.row))
    if row.key:
        seen.setdefault(row.key, row.row)
    if any(p.severity == "error" for p in row.problems):
        row.status = "rejected"
    elif existing is None:
        row.status = "created"
    else:
        row.ref = existing.ref
        row.status = "updated" if existing else "unchanged"


def analyse(*, actor: Any, plan: Plan, data: bytes) -> ImportReport:
    """The dry run: read, resolve and compare every row; write nothing."""
    report = ImportReport()
    try:
        book = read_xlsx(data)
    except FileRejected as exc:
        report.problems.append(Problem(exc.message))
        return report
    if ALLOCATION_SHEET not in book.sheets and DISBURSEMENT_SHEET not in book.sheets:
        report.problems.append(
            Problem(f"Tệp không có trang “{ALLOCATION_SHEET}” hay “{DISBURSEMENT_SHEET}”.")
        )
        return report
    by_cell = {(p.sheet, p.row): p for p in book.problems}
    allocations = {a.natural_key: a for a in Allocation.objects.filter(plan=plan).select_related("programme")}
    from_file: dict[str, AllocationInput] = {}
    for sheet, columns in (
        (ALLOCATION_SHEET, ALLOCATION_COLUMNS),
        (DISBURSEMENT_SHEET, DISBURSEMENT_COLUMNS),
    ):
        if sheet not in book.sheets:
            continue
        table = read_table(book.sheets[sheet], columns)
        report.problems += table.problems
        if any(p.severity == "error" for p in table.problems):
            continue
        seen: dict[str, int] = {}
        for row in table.rows:
            resolver = Resolver(plan=plan, actor=actor, sheet=sheet)
            outcome = RowOutcome(sheet, row.number)
            if (sheet, row.number) in by_cell:
                outcome.problems.append(by_cell[(sheet, row.number)])
            full = sheet == ALLOCATION_SHEET
            outcome.allocation = resolver.allocation(row, full=full)
            existing: Any = None
            if outcome.allocation is not None:
                akey = key_of(outcome.allocation)
                found = allocations.get(akey)
                if full:
                    outcome.key = akey
                    from_file.setdefault(akey, outcome.allocation)
                    existing = found and _allocation_diff(found, outcome.allocation)
                else:
                    existing = _disbursement_match(resolver, row, outcome, found, akey in from_file)
            _outcome(outcome, resolver, seen, existing)
            report.rows.append(outcome)
    report.problems += _over_plan(plan, report, allocations)
    return report


def _over_plan(plan: Plan, report: ImportReport, saved: dict[str, Allocation]) -> list[Problem]:
    """A warning (shown in the dry run; the import goes on) at the first row taking a programme's
    allocations past the plan's stated total, counting every earlier row of the file with it."""
    added: dict[str, Decimal] = {}
    warned: set[str] = set()
    found = []
    for row in report.rows:
        data = row.allocation
        if row.sheet != ALLOCATION_SHEET or data is None or row.status not in ("created", "updated"):
            continue
        old = saved[row.key].amount_million_vnd if row.status == "updated" else Decimal(0)
        code = data.programme.code
        added[code] = added.get(code, Decimal(0)) + data.amount_million_vnd - old
        if code in warned or added[code] <= 0:
            continue
        warning = over_plan(
            plan=plan, programme_id=data.programme.pk, programme_code=code, year=data.year, change=added[code]
        )
        if warning:
            warned.add(code)
            found.append(Problem(f"Cảnh báo: {warning}", row.sheet, row.row, severity="warning"))
    return found


class _Match:
    """The existing record a row matched, truthy when the row would change it."""

    def __init__(self, ref: str, changed: bool) -> None:
        self.ref, self.changed = ref, changed

    def __bool__(self) -> bool:
        return self.changed


def _allocation_diff(found: Allocation, data: AllocationInput) -> _Match:
    same = (found.amount_million_vnd, found.decision_date, found.note) == (
        data.amount_million_vnd,
        data.decision_date,
        data.note,
    )
    return _Match(found.ref, not same)


def _disbursement_match(
    resolver: Resolver, row: Any, outcome: RowOutcome, found: Allocation | None, in_file: bool
) -> _Match | None:
    outcome.disbursement = resolver.disbursement(row)
    if found is None and not in_file:
        message = "không tìm thấy dòng giao vốn này (trong hệ thống hay trang “Giao vốn” của tệp)"
        resolver.problems.append(Problem(message, outcome.sheet, outcome.row))
        return None
    if outcome.disbursement is None or outcome.allocation is None:
        return None
    d = outcome.disbursement
    outcome.key = f"{key_of(outcome.allocation)}|{d.date.isoformat()}|{d.reference}"
    if found is None:
        return None
    old = Disbursement.objects.filter(allocation=found, date=d.date, reference=d.reference).first()
    if old is None:
        return None
    return _Match(old.ref, (old.amount_million_vnd, old.note) != (d.amount_million_vnd, d.note))


def run_import(*, actor: Any, plan: Plan, data: bytes, commit: bool) -> ImportReport:
    """Dry run (commit=False) or all-or-nothing commit; ValidationFailed when the file has errors."""
    if not can_record_money(actor, plan):
        raise PermissionDenied(services.MONEY_ONLY)
    report = analyse(actor=actor, plan=plan, data=data)
    if not commit:
        return report
    if not report.ok:
        errors = report.errors()
        raise ValidationFailed(f"Tệp có {len(errors)} lỗi; chưa nhập dòng nào.", messages=errors)
    with transaction.atomic():
        _apply(actor, plan, report)
        record_event(
            actor=actor,
            action="budget.import",
            obj=plan,
            changes={sheet: counts for sheet, counts in report.counts().items()},
            channel=Channel.IMPORT,
        )
    report.committed = True
    return report


def _apply(actor: Any, plan: Plan, report: ImportReport) -> None:
    saved: dict[str, Allocation] = {a.natural_key: a for a in Allocation.objects.filter(plan=plan)}
    for row in report.rows:
        if row.sheet != ALLOCATION_SHEET or row.allocation is None:
            continue
        if row.status == "created":
            # Over the plan: the dry run warned, and committing after it is the confirmation.
            saved[row.key] = services.create_allocation(
                actor=actor, plan=plan, data=row.allocation, channel=Channel.IMPORT, confirmed=True
            )
        elif row.status == "updated":
            services.update_allocation(
                actor=actor,
                allocation=saved[row.key],
                data=row.allocation,
                channel=Channel.IMPORT,
                confirmed=True,
            )
    for row in report.rows:
        if row.sheet != DISBURSEMENT_SHEET or row.allocation is None or row.disbursement is None:
            continue
        allocation = saved[key_of(row.allocation)]
        d = row.disbursement
        if row.status == "created":
            services.record_disbursement(actor=actor, allocation=allocation, data=d, channel=Channel.IMPORT)
        elif row.status == "updated":
            old = Disbursement.objects.get(allocation=allocation, date=d.date, reference=d.reference)
            services.update_disbursement(actor=actor, disbursement=old, data=d, channel=Channel.IMPORT)
