"""The figures a report is built from, as frozen dataclasses, and their JSON form. Pure.

Issuing a report stores `ReportData` as JSON (decimals as strings, dates ISO) so that re-rendering
it years later gives exactly the figures that were signed, whatever changed in the data since.
The codec follows the type hints, so a field added here is stored without more code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

FORMAT = "kehoach.report-data/1"


@dataclass(frozen=True)
class TargetRow:
    """One quantified target as judged on the report's as-at date (figures in the measure's unit)."""

    code: str
    text: str
    milestone_year: int
    comparator: str  # "≥", "≤", "="…
    value: Decimal | None  # as the plan states it
    unit: str  # unit of the stated value ("%", "điểm %/năm")
    measure_unit: str  # unit of the measured figures (latest, baseline, actual by year, gap)
    places: int  # decimals shown
    status: str  # kehoach.analytics.targets.Status value
    status_label: str
    target_level: Decimal | None
    baseline_year: int | None
    baseline: Decimal | None
    latest_year: int | None
    latest: Decimal | None
    gap: Decimal | None
    annual_change_needed: Decimal | None
    forecast: Decimal | None
    approximate: bool
    sentence: str  # the judgement's own Vietnamese explanation
    actual: tuple[tuple[int, Decimal], ...] = ()  # (year, value) of the measure at the plan's unit
    parent: str | None = None


@dataclass(frozen=True)
class OverdueTask:
    code: str
    title: str
    lead: str
    due_on: dt.date | None
    percent: Decimal


@dataclass(frozen=True)
class TaskSummary:
    total: int
    counts: tuple[tuple[str, str, int], ...]  # (status, Vietnamese label, number)
    mean_percent: Decimal
    overdue: tuple[OverdueTask, ...]


@dataclass(frozen=True)
class MoneyRow:
    """A programme (depth 0) or one of its sources (depth 1), in million VND."""

    label: str
    depth: int
    planned: Decimal | None
    allocated_year: Decimal
    disbursed_year: Decimal
    allocated_total: Decimal
    disbursed_total: Decimal
    parts_differ: bool = False  # its stated components do not add up to it (kept as the plan states)


@dataclass(frozen=True)
class ReportData:
    kind: str  # kehoach.reports.choices.ReportKind value
    year: int  # the reported year (annual) or the milestone (reviews)
    as_of: dt.date
    plan_code: str
    plan_title: str
    plan_reference: str  # "Kế hoạch số …/KH-UBND ngày … của …" as first cited
    unit_name: str
    period_start: int
    period_end: int
    counted: str  # which values count (approved only, …), Vietnamese
    statuses: tuple[tuple[str, str], ...]  # every judgement status with its label, in display order
    years: tuple[int, ...]  # columns of "actual by year"
    targets: tuple[TargetRow, ...]
    qualitative: tuple[str, ...]  # targets the plan states without a number
    tasks: TaskSummary
    money: tuple[MoneyRow, ...]
    money_note: str = ""
    unit_kind: str = ""  # the level word the unit's name starts with ("Huyện"); "" in older snapshots


def to_json(value: Any) -> Any:
    """JSON-ready form: dataclasses as objects, Decimals as strings (exact), dates ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    return value


def dump(data: ReportData) -> dict[str, Any]:
    return {"format": FORMAT, "data": to_json(data)}


def load(stored: dict[str, Any]) -> ReportData:
    if stored.get("format") != FORMAT:
        raise ValueError(f"Dữ liệu báo cáo không đúng định dạng {FORMAT}.")
    result: ReportData = _decode(ReportData, stored["data"])
    return result


def _decode(hint: Any, raw: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if raw is None:
            return None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner, raw)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in raw)
        return tuple(_decode(a, v) for a, v in zip(args, raw, strict=True))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        return hint(
            **{f.name: _decode(hints[f.name], raw[f.name]) for f in dataclasses.fields(hint) if f.name in raw}
        )
    if hint is Decimal:
        return Decimal(raw)
    if hint is dt.date:
        return dt.date.fromisoformat(raw)
    return raw
