"""Turning spreadsheet rows into money inputs: every value resolved strictly by code, every
problem located (sheet, row, column) and worded in Vietnamese. No writes here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from kehoach.accounts.scope import can_record_money
from kehoach.agencies.models import Agency
from kehoach.budget.choices import KIND_ALIASES, SOURCE_ALIASES, Kind, Source
from kehoach.budget.inputs import (
    AllocationInput,
    DisbursementInput,
    allocation_problems,
    disbursement_problems,
)
from kehoach.budget.models import ProgrammeComponent
from kehoach.core.text import fold
from kehoach.orgunits.models import OrgUnit, UnitCode
from kehoach.plans.models import Plan, Programme
from kehoach.spreadsheets.errors import CellError, Problem
from kehoach.spreadsheets.table import Row
from kehoach.spreadsheets.values import Cell, clean_text, is_blank, strict_text, to_date, to_decimal, to_int

T = TypeVar("T")


def _choices(choices: Any, aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded label, code or alias -> code ("ngan sach trung uong", "nstw", "central" -> "central")."""
    out = {fold(value): value for value in choices.values}
    out.update({fold(str(label)): value for value, label in choices.choices})
    out.update({fold(alias): value for value, names in aliases.items() for alias in names})
    return out


SOURCES = _choices(Source, SOURCE_ALIASES)
KINDS = _choices(Kind, KIND_ALIASES)


class Resolver:
    """Lookups for one import, cached; `problems` collects what is wrong with the current row."""

    def __init__(self, *, plan: Plan, actor: Any, sheet: str) -> None:
        self.plan, self.actor, self.sheet = plan, actor, sheet
        self.programmes = {p.code: p for p in Programme.objects.all()}
        self.components = {(c.programme_id, c.code): c for c in ProgrammeComponent.objects.all()}
        self.agencies = {a.code: a for a in Agency.objects.all()}
        self.problems: list[Problem] = []

    def _cell(self, row: Row, key: str, convert: Callable[[Cell], T], required: bool = True) -> T | None:
        value = row.values.get(key)
        if is_blank(value):
            if required:
                self.problems.append(row.problem(self.sheet, key, "ô bắt buộc nhưng đang để trống"))
            return None
        try:
            return convert(value)
        except CellError as exc:
            self.problems.append(row.problem(self.sheet, key, str(exc)))
            return None

    def _lookup(
        self,
        row: Row,
        key: str,
        table: dict[Any, T],
        make_key: Callable[[str], Any],
        what: str,
        required: bool = False,
    ) -> T | None:
        code = self._cell(row, key, strict_text, required=required)
        if not code:
            return None
        found = table.get(make_key(code))
        if found is None:
            self.problems.append(row.problem(self.sheet, key, f"không có {what} mã “{code[:40]}”"))
        return found

    def _unit(self, row: Row) -> OrgUnit | None:
        code = self._cell(row, "commune", strict_text, required=False)
        if not code:
            return None
        matches = list(OrgUnit.objects.filter(key=code).select_related("level"))
        if not matches:
            ids = UnitCode.objects.filter(code__in={code, code.zfill(5)}).values_list("unit_id", flat=True)
            matches = list(OrgUnit.objects.filter(pk__in=ids).select_related("level"))
        if len(matches) == 1:
            return matches[0]
        message = (
            f"mã “{code[:40]}” dùng cho {len(matches)} đơn vị (mã bị dùng lại sau 01/7/2025); "
            "hãy ghi đủ hệ mã, ví dụ gso-legacy:03454"
            if matches
            else f"không có đơn vị hành chính mã “{code[:40]}”"
        )
        self.problems.append(row.problem(self.sheet, "commune", message))
        return None

    def _note(self, row: Row) -> str:
        """Free text: control characters are removed and the removal is reported, not fatal."""
        text, removed = clean_text(row.values.get("note"))
        if removed:
            message = "đã bỏ các ký tự điều khiển ẩn trong ghi chú (thường do dán từ Word)"
            self.problems.append(
                Problem(message, self.sheet, row.number, row.letters.get("note", ""), "warning")
            )
        return text

    def allocation(self, row: Row, *, full: bool) -> AllocationInput | None:
        """The allocation a row names; `full` for the Giao vốn sheet, where the row is the allocation
        itself (with amount and decision date), not a reference to it from the Giải ngân sheet."""
        plan_code = self._cell(row, "plan", strict_text, required=False)
        if plan_code and plan_code != self.plan.code:
            message = (
                f"dòng thuộc kế hoạch “{plan_code[:60]}”, không phải kế hoạch đang nhập ({self.plan.code})"
            )
            self.problems.append(row.problem(self.sheet, "plan", message))
        programme = self._lookup(
            row, "programme", self.programmes, lambda c: c, "chương trình", required=True
        )
        component = None
        if programme is not None:
            component = self._lookup(
                row,
                "component",
                self.components,
                lambda c: (programme.pk, c),
                f"dự án nào của {programme.code} có",
            )
        source = self._lookup(row, "source", SOURCES, fold, "nguồn vốn", required=True)
        kind = self._lookup(row, "kind", KINDS, fold, "loại vốn", required=True)
        year = self._cell(row, "year", to_int)
        commune = self._unit(row)
        agency = self._lookup(row, "agency", self.agencies, lambda c: c, "cơ quan")
        decision = self._cell(row, "decision_number", strict_text, required=False) or ""
        carried = self._cell(row, "carried_from_year", to_int, required=False)
        amount = self._cell(row, "amount", to_decimal) if full else None
        decision_date = self._cell(row, "decision_date", to_date, required=False) if full else None
        if commune is not None and not can_record_money(self.actor, self.plan, commune):
            self.problems.append(
                row.problem(self.sheet, "commune", f"“{commune}” nằm ngoài phạm vi của bạn; dòng bị từ chối")
            )
        if programme is None or source is None or kind is None or year is None:
            return None
        data = AllocationInput(
            programme=programme,
            component=component,
            source=source,
            kind=kind,
            year=year,
            commune=commune,
            agency=agency,
            decision_number=decision,
            carried_from_year=carried,
            amount_million_vnd=amount if amount is not None else to_decimal(0),
            decision_date=decision_date,
            note=self._note(row) if full else "",
        )
        if full:
            for message in allocation_problems(plan=self.plan, data=data):
                self.problems.append(row.problem(self.sheet, "", message))
        return data

    def disbursement(self, row: Row) -> DisbursementInput | None:
        date = self._cell(row, "date", to_date)
        amount = self._cell(row, "amount", to_decimal)
        reference = self._cell(row, "reference", strict_text)
        note = self._note(row)
        if date is None or amount is None or not reference:
            return None
        data = DisbursementInput(date=date, amount_million_vnd=amount, reference=reference, note=note)
        for message in disbursement_problems(data=data):
            self.problems.append(row.problem(self.sheet, "amount", message))
        return data
