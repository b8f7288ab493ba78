"""First half of saving: resolve each row's codes and check it on its own (scope, type, period,
round, lock, duplicates, version). Rows are never skipped: a row that fails gets a Problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kehoach.accounts import scope
from kehoach.core.formatting import vn_date
from kehoach.datavalues import rows as r
from kehoach.datavalues.catalogue import DataSetCatalogue, ElementInfo
from kehoach.datavalues.choices import EDITABLE, SubmissionStatus
from kehoach.datavalues.selectors import active_during, area_units
from kehoach.datavalues.validation import type_problem
from kehoach.indicators.models import ReportingRound
from kehoach.indicators.periods import Period, parse_period
from kehoach.orgunits.models import OrgUnit

LOCKED = {
    SubmissionStatus.SUBMITTED: (
        "đã gửi và đang chờ phê duyệt: số liệu tạm khóa; muốn sửa, cấp phê duyệt cần trả lại báo cáo."
    ),
    SubmissionStatus.APPROVED: (
        "đã được phê duyệt nên số liệu bị khóa; muốn sửa, cấp phê duyệt phải mở lại (có ghi lý do)."
    ),
}


@dataclass(slots=True)  # one per row of an import
class Resolved:
    """A row whose codes all resolved (problems may still be found later by the rules)."""

    row: r.ValueRow
    result: r.RowResult
    unit_id: int
    element_id: int
    option_combo_id: int
    period: Period
    key: tuple[int, int, str, int]  # (element_id, unit_id, period code, option_combo_id)


@dataclass(frozen=True)
class _Verdict:
    """What the codes of a row decide, the same for every row with the same codes."""

    problems: tuple[r.Problem, ...]
    ids: tuple[int, ...] = ()  # (unit id,) or (element id, option combo id) when no problem
    period: Period | None = None
    code: str = ""  # the period's code
    info: ElementInfo | None = None


def resolve_rows(
    *,
    actor: Any,
    cat: DataSetCatalogue,
    rows: Sequence[r.ValueRow],
    results: dict[int, r.RowResult],
    today: dt.date,
) -> list[Resolved]:
    """Checks that depend on a row's codes are decided once per distinct code (an import repeats
    the same unit, period and element thousands of times); only the value is checked per row,
    and once per distinct value of an element."""
    judge = _Judge(actor, cat, rows, today)
    resolved: list[Resolved] = []
    _duplicates(rows, results)
    for row in rows:
        res = results[row.line]
        if row.problems:
            res.problems[:0] = row.problems
        place, code = judge.place(row), judge.code(row)
        problems = res.problems
        problems += place.problems
        problems += code.problems
        info, value = code.info, row.value
        if info is not None and value is not None and (found := judge.value(info, value)):
            problems.append(found)
        if problems or place.period is None or not code.ids:
            continue
        unit_id, (element_id, coc_id) = place.ids[0], code.ids
        key = (element_id, unit_id, place.code, coc_id)
        resolved.append(Resolved(row, res, unit_id, element_id, coc_id, place.period, key))
    return resolved


class _Judge:
    """The row checks that depend only on codes or on an element's value, each decided once and
    remembered (rows are looked up by their codes as written, the checks keyed as normalised)."""

    def __init__(self, actor: Any, cat: DataSetCatalogue, rows: Sequence[r.ValueRow], today: dt.date) -> None:
        ds = cat.data_set
        self.actor, self.cat, self.ds, self.today = actor, cat, ds, today
        self.units = {u.key: u for u in OrgUnit.objects.filter(key__in={row.unit.strip() for row in rows})}
        self.area = area_units(plan=ds.plan)
        codes = {row.period.strip().upper() for row in rows}
        self.rounds = {rd.period: rd for rd in ReportingRound.objects.filter(data_set=ds, period__in=codes)}
        self.periods: dict[str, Period | str] = {}
        self.unit_verdicts: dict[tuple[str, str], r.Problem | None] = {}
        self.round_verdicts: dict[str, r.Problem | None] = {}
        self.places: dict[tuple[str, str], _Verdict] = {}
        self.codes: dict[tuple[str, str], _Verdict] = {}
        self.values: dict[tuple[str, Decimal], r.Problem | None] = {}

    def place(self, row: r.ValueRow) -> _Verdict:
        found = self.places.get((row.unit, row.period))
        if found is None:
            found = self.places[(row.unit, row.period)] = self._place(row)
        return found

    def code(self, row: r.ValueRow) -> _Verdict:
        found = self.codes.get((row.element, row.option_combo))
        if found is None:
            found = self.codes[(row.element, row.option_combo)] = self._code(row)
        return found

    def _place(self, row: r.ValueRow) -> _Verdict:
        """Period, round and unit checks of a row's (unit, period)."""
        problems: list[r.Problem] = []
        unit_key = row.unit.strip()
        period = _period(self.periods, row.period, self.ds.period_type)
        if isinstance(period, str):
            problems.append(r.Problem(r.PERIOD, period))
        else:
            if period.code not in self.round_verdicts:
                text = round_problem(self.rounds.get(period.code), period, self.today)
                self.round_verdicts[period.code] = r.Problem(r.PERIOD, text) if text else None
            if found := self.round_verdicts[period.code]:
                problems.append(found)
        verdict_key = (unit_key, period.code if isinstance(period, Period) else "")
        if verdict_key not in self.unit_verdicts:
            unit = self.units.get(unit_key)
            self.unit_verdicts[verdict_key] = _unit_problem(
                self.actor, self.ds, unit, unit_key, period, self.area
            )
        if found := self.unit_verdicts[verdict_key]:
            problems.append(found)
        if problems or not isinstance(period, Period):
            return _Verdict(tuple(problems))
        return _Verdict((), (self.units[unit_key].pk,), period, period.code)

    def _code(self, row: r.ValueRow) -> _Verdict:
        """Element and disaggregation checks of a row's codes."""
        element, coc = row.element.strip(), row.option_combo.strip()
        info = self.cat.elements.get(element)
        found = _element_problem(self.actor, self.cat, element, coc)
        if found or info is None:
            return _Verdict((found,) if found else (), info=info)
        return _Verdict((), (info.pk, self.cat.option_combos[coc]), info=info)

    def value(self, info: ElementInfo, value: Decimal) -> r.Problem | None:
        """type_problem of the value, decided once per element and value (it depends on the
        value, not on how it is written: 5 and 5.0 get the same answer). Only finite values are
        remembered (a NaN equals nothing, and a signalling NaN cannot even be hashed)."""
        if not value.is_finite():
            return _value_problem(info, value)
        key = (info.code, value)
        if key not in self.values:
            self.values[key] = _value_problem(info, value)
        return self.values[key]


def _value_problem(info: ElementInfo, value: Decimal) -> r.Problem | None:
    text = type_problem(info.value_type, value)
    return r.Problem(r.VALUE, f"“{info.name}”: {text}") if text else None


def _unit_problem(
    actor: Any, ds: Any, unit: OrgUnit | None, key: str, period: Period | str, area: frozenset[int]
) -> r.Problem | None:
    if unit is None:
        return r.Problem(r.UNIT, f"Không có đơn vị mã “{key}”.")
    if not scope.can_enter_data(actor, unit.pk):
        return r.Problem(
            r.UNIT, f"Đơn vị “{unit.name}” ({unit.key}) nằm ngoài phạm vi bạn được nhập số liệu."
        )
    if unit.level_id != ds.level_id or unit.pk not in area:
        text = f"Đơn vị “{unit.name}” không thuộc biểu “{ds.name}” (khác cấp hoặc ngoài địa bàn)."
        return r.Problem(r.UNIT, text)
    if isinstance(period, Period) and not active_during(unit, *period.window(ds.window)):
        return r.Problem(r.UNIT, f"Đơn vị “{unit.name}” không tồn tại trong {period.label.lower()}.")
    return None


def _element_problem(actor: Any, cat: DataSetCatalogue, element: str, coc: str) -> r.Problem | None:
    info = cat.elements.get(element)
    if info is None:
        return r.Problem(r.ELEMENT, f"Số liệu mã “{element}” không có trong biểu “{cat.data_set.name}”.")
    if not scope.can_handle_element(actor, info.agencies):
        return r.Problem(
            r.ELEMENT, f"Số liệu “{info.name}” không thuộc các chỉ số cơ quan của bạn phụ trách."
        )
    if coc not in info.option_combos:
        return r.Problem(r.OPTION_COMBO, f"Số liệu “{info.name}” không có ô phân tổ “{coc}”.")
    return None


def _period(cache: dict[str, Period | str], text: str, period_type: str) -> Period | str:
    if text not in cache:
        try:
            cache[text] = parse_period(text, expected=period_type)
        except ValueError as exc:
            cache[text] = str(exc)
    return cache[text]


def round_problem(rd: ReportingRound | None, period: Period, today: dt.date) -> str | None:
    """Why the period may not be written today (no round, not yet open, closed), or None."""
    if rd is None:
        return f"Chưa mở đợt báo cáo cho {period.label.lower()}: không nhận số liệu."
    if today < rd.opens_on:
        return f"Đợt báo cáo {period.label.lower()} mở từ ngày {vn_date(rd.opens_on)}: chưa nhận số liệu."
    if today > rd.closes_on:
        return f"Đợt báo cáo {period.label.lower()} đã khóa sổ ngày {vn_date(rd.closes_on)}: không sửa được số liệu."
    return None


def lock_problem(status: str, data_set_name: str, period: Period) -> str | None:
    if status in EDITABLE:
        return None
    return f"Biểu “{data_set_name}” {period.label.lower()} {LOCKED[SubmissionStatus(status)]}"


def _duplicates(rows: Sequence[r.ValueRow], results: dict[int, r.RowResult]) -> None:
    """The same key twice in one payload: every such row is refused (which one is meant is unknown)."""
    first: dict[tuple[str, str, str, str], int] = {}
    same: dict[tuple[str, str, str, str], list[int]] = {}
    periods: dict[str, str] = {}
    for row in rows:
        period = periods.get(row.period)
        if period is None:
            period = periods[row.period] = row.period.strip().upper()
        key = (row.unit.strip(), period, row.element.strip(), row.option_combo.strip())
        line = first.setdefault(key, row.line)
        if line != row.line:
            same.setdefault(key, [line]).append(row.line)
    for lines in same.values():
        for line in lines:
            others = ", ".join(str(n) for n in lines if n != line)
            text = (
                f"Trùng với dòng {others} (cùng đơn vị, kỳ, số liệu và ô phân tổ): không rõ giá trị nào đúng."
            )
            results[line].problems.append(r.Problem("", text))
