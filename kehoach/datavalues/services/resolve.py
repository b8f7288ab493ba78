"""First half of saving: resolve each row's codes and check it on its own (scope, type, period,
round, lock, duplicates, version). Rows are never skipped: a row that fails gets a Problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kehoach.accounts import scope
from kehoach.core.formatting import vn_date
from kehoach.datavalues import rows as r
from kehoach.datavalues.catalogue import DataSetCatalogue
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


@dataclass
class Resolved:
    """A row whose codes all resolved (problems may still be found later by the rules)."""

    row: r.ValueRow
    result: r.RowResult
    unit_id: int
    element_id: int
    option_combo_id: int
    period: Period


def resolve_rows(
    *,
    actor: Any,
    cat: DataSetCatalogue,
    rows: Sequence[r.ValueRow],
    results: dict[int, r.RowResult],
    today: dt.date,
) -> list[Resolved]:
    """Checks that depend on a row's codes are decided once per distinct code (an import repeats
    the same unit, period and element thousands of times); only the value is checked per row."""
    ds = cat.data_set
    units = {u.key: u for u in OrgUnit.objects.filter(key__in={row.unit.strip() for row in rows})}
    area = area_units(plan=ds.plan)
    period_codes = {row.period.strip().upper() for row in rows}
    rounds = {rd.period: rd for rd in ReportingRound.objects.filter(data_set=ds, period__in=period_codes)}
    periods: dict[str, Period | str] = {}
    unit_verdicts: dict[tuple[str, str], r.Problem | None] = {}
    element_verdicts: dict[tuple[str, str], r.Problem | None] = {}
    round_verdicts: dict[str, r.Problem | None] = {}
    resolved: list[Resolved] = []
    _duplicates(rows, results)
    for row in rows:
        res = results[row.line]
        res.problems[:0] = row.problems
        unit_key, element, coc = row.unit.strip(), row.element.strip(), row.option_combo.strip()
        period = _period(periods, row.period, ds.period_type)
        if isinstance(period, str):
            res.problems.append(r.Problem(r.PERIOD, period))
        else:
            if period.code not in round_verdicts:
                text = round_problem(rounds.get(period.code), period, today)
                round_verdicts[period.code] = r.Problem(r.PERIOD, text) if text else None
            found = round_verdicts[period.code]
            if found:
                res.problems.append(found)
        verdict_key = (unit_key, period.code if isinstance(period, Period) else "")
        if verdict_key not in unit_verdicts:
            unit_verdicts[verdict_key] = _unit_problem(actor, ds, units.get(unit_key), unit_key, period, area)
        found = unit_verdicts[verdict_key]
        if found:
            res.problems.append(found)
        if (element, coc) not in element_verdicts:
            element_verdicts[(element, coc)] = _element_problem(actor, cat, element, coc)
        found = element_verdicts[(element, coc)]
        if found:
            res.problems.append(found)
        info = cat.elements.get(element)
        if info is not None and row.value is not None:
            problem = type_problem(info.value_type, row.value)
            if problem:
                res.problems.append(r.Problem(r.VALUE, f"“{info.name}”: {problem}"))
        if res.problems or info is None or not isinstance(period, Period):
            continue
        resolved.append(Resolved(row, res, units[unit_key].pk, info.pk, cat.option_combos[coc], period))
    return resolved


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
    lines: dict[tuple[str, str, str, str], list[int]] = {}
    for row in rows:
        key = (row.unit.strip(), row.period.strip().upper(), row.element.strip(), row.option_combo.strip())
        lines.setdefault(key, []).append(row.line)
    for same in lines.values():
        for line in same if len(same) > 1 else ():
            others = ", ".join(str(n) for n in same if n != line)
            text = (
                f"Trùng với dòng {others} (cùng đơn vị, kỳ, số liệu và ô phân tổ): không rõ giá trị nào đúng."
            )
            results[line].problems.append(r.Problem("", text))
