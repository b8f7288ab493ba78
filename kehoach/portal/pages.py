"""The tables of the public pages (targets, money, tasks), built from the apps' own reads.

Figures: targets from `analytics.services.target_progress` (approved only), money from the budget
app's pure aggregation, tasks from the assignments roll-up. Every page and its downloads use these.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from kehoach.analytics.labels import STATUS_TEXT
from kehoach.analytics.services import PlanProgress, TargetProgress
from kehoach.analytics.targets import Status
from kehoach.assignments.choices import TaskStatus
from kehoach.assignments.selectors import TaskRow
from kehoach.budget.aggregate import group_money, overview, planned_amount
from kehoach.budget.checks import check_stated_components
from kehoach.budget.choices import Source
from kehoach.budget.facts import AllocationFact
from kehoach.budget.selectors import PlanMoney
from kehoach.core.formatting import vn_date, vn_number
from kehoach.orgunits.models import OrgUnit
from kehoach.portal.tables import Column, Table, Value


def in_sentence(unit: OrgUnit, *, say_ended: bool = False) -> str:
    """A unit's name inside a sentence: its level word in lower case ("tại xã Bum Nưa"; the name
    stored is "Xã Bum Nưa", as a heading or list item shows it). `say_ended`: a unit that ended in
    the 2025 reorganisation says so, since a new commune may carry the same name: "xã Bum Nưa (cũ,
    đến 30/06/2025)"."""
    kind = (unit.kind or "").strip()
    name = kind.lower() + unit.name[len(kind) :] if kind and unit.name.startswith(kind) else unit.name
    if say_ended and unit.valid_to is not None:
        name += " " + _("(cũ, đến %(day)s)") % {"day": vn_date(unit.valid_to)}
    return name


def counted() -> str:
    return _("Chỉ tính số liệu đã được phê duyệt.")


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def status_counts(progress: PlanProgress) -> list[StatusCount]:
    """Every judgement status, in the engine's order (a status added there shows up here)."""
    counted = Counter(r.judgement.status for r in progress.rows)
    return [StatusCount(s.value, str(STATUS_TEXT.get(s, s.value)), counted.get(s, 0)) for s in Status]


def goal_text(row: TargetProgress) -> str:
    level = row.judgement.target_level
    if level is None:
        return ""
    # The judged figure's unit: for a growth target that is the level the rate must reach (million
    # đồng), never the rate's "%/năm" (the note says which rate the level stands for).
    goal = f"{row.comparator_symbol} {vn_number(level, row.decimals)}{row.unit_suffix}"
    return f"{goal} ({row.level_note})" if row.level_note else goal


def plain_status(row: TargetProgress) -> str:
    """One plain sentence a villager can read aloud."""
    j = row.judgement
    status = str(STATUS_TEXT.get(j.status, j.status))
    if j.latest is None or j.latest_year is None:
        return _("Chưa có số liệu đã phê duyệt để đánh giá.")
    return _("Năm %(year)s đạt %(value)s; mục tiêu năm %(milestone)s là %(goal)s. Đánh giá: %(status)s.") % {
        "year": j.latest_year,
        "value": f"{vn_number(j.latest, row.decimals)}{row.unit_suffix}",
        "milestone": j.milestone_year,
        "goal": goal_text(row),
        "status": status.lower(),
    }


def targets_table(progress: PlanProgress) -> Table:
    columns = [
        Column("code", _("Mã")),
        Column("target", _("Chỉ tiêu")),
        Column("milestone", _("Mốc năm"), "year"),
        Column("goal", _("Mục tiêu")),
        Column("latest_year", _("Năm số liệu"), "year"),
        Column("latest", _("Đạt được"), "number"),
        Column("status", _("Đánh giá")),
    ]
    rows: list[list[Value]] = []
    for r in progress.rows:
        j = r.judgement
        latest = None if j.latest is None else j.latest.quantize(_step(r.decimals))
        rows.append(
            [
                r.target.code,
                r.target.text,
                j.milestone_year,
                goal_text(r),
                j.latest_year,
                latest,
                r.status_label,
            ]
        )
    title = _("Chỉ tiêu của kế hoạch tại %(unit)s") % {"unit": in_sentence(progress.unit)}
    return Table("chi-tieu", title, columns, rows, counted())


def _step(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def _source_label(code: str) -> str:
    return str(Source(code).label) if code in Source.values else code


def _money() -> list[Column]:
    return [
        Column("planned", _("Kế hoạch (triệu đồng)"), "number", 0),
        Column("allocated", _("Đã giao (triệu đồng)"), "number", 0),
        Column("disbursed", _("Đã giải ngân (triệu đồng)"), "number", 0),
        Column("rate", _("Tỷ lệ giải ngân"), "percent", 1),
    ]


def _stated(money: PlanMoney, programme: str) -> Decimal | None:
    line = planned_amount(money.planned, programme, "total")
    if line is not None:
        return line.amount
    parts = [
        p.amount for p in money.planned if p.programme == programme and p.kind == "total" and p.parent is None
    ]
    return sum(parts, Decimal(0)) if parts else None


def stated_total(money: PlanMoney) -> Decimal:
    """All the money the plan states, over its programmes (as the programme table shows them)."""
    programmes = dict.fromkeys(p.programme for p in money.planned)
    return sum((_stated(money, p) or Decimal(0) for p in programmes), Decimal(0))


def components_note() -> str:
    return _("Các nguồn thành phần không cộng đúng tổng ghi trong kế hoạch; số liệu giữ nguyên như văn bản.")


def not_adding_up(money: PlanMoney) -> set[str]:
    """Codes of the stated lines whose components do not add up to them (the plan is kept as is)."""
    return {f["location"] for f in check_stated_components(money.planned)}


def _unallocated_sources(
    money: PlanMoney, programme: str, shown: set[str], rows: list[list[Value]], codes: list[str]
) -> None:
    """Rows for the sources the plan states for a programme that nothing was allocated from."""
    for line in money.planned:
        if line.programme == programme and line.kind == "total" and line.source not in ("total", *shown):
            rows.append(["— " + _source_label(line.source), line.amount, Decimal(0), Decimal(0), None])
            codes.append(line.code)


def programme_table(money: PlanMoney, names: dict[str, str]) -> Table:
    """Each programme with every source the plan states for it (allocated to or not, so the sources
    shown are the ones that make up the stated total); programmes the plan states but nothing was
    allocated to yet are listed too, so the page shows every promise. A row whose stated
    components do not add up to it carries a note (the figures stay as the document has them)."""
    groups = overview(money.planned, money.allocations, money.disbursements, _source_label)
    rows: list[list[Value]] = []
    codes: list[str] = []
    for i, g in enumerate(groups):
        rows.append(
            [
                ("— " if g.depth else "") + g.label,
                g.planned,
                g.total.allocated,
                g.total.disbursed,
                g.total.rate,
            ]
        )
        codes.append(g.planned_code)
        if i + 1 < len(groups) and groups[i + 1].depth != 0:
            continue  # the programme's block goes on
        programme = str(g.key[0] if isinstance(g.key, tuple) else g.key)
        shown = {str(h.key[1]) for h in groups if isinstance(h.key, tuple) and h.key[0] == programme}
        _unallocated_sources(money, programme, shown, rows, codes)
    allocated = {str(g.key) for g in groups if g.depth == 0}
    for programme in dict.fromkeys(p.programme for p in money.planned):
        if programme not in allocated:
            rows.append(
                [names.get(programme, programme), _stated(money, programme), Decimal(0), Decimal(0), None]
            )
            line = planned_amount(money.planned, programme, "total")
            codes.append(line.code if line else "")
            _unallocated_sources(money, programme, set(), rows, codes)
    columns = [Column("programme", _("Chương trình, nguồn vốn")), *_money()]
    note = _("Kế hoạch: số vốn ghi trong văn bản; đã giao và đã giải ngân: theo quyết định và chứng từ.")
    flagged = not_adding_up(money)
    row_notes = {i: components_note() for i, code in enumerate(codes) if code and code in flagged}
    return Table("von-chuong-trinh", _("Vốn theo chương trình"), columns, rows, note, row_notes)


def _commune(a: AllocationFact) -> tuple[str, str]:
    return (a.commune_key or "", a.commune or _("Cấp huyện, không chia theo xã"))


def commune_money_table(money: PlanMoney, only: str | None = None) -> Table:
    """Allocated and disbursed per commune (`only`: one commune's key)."""
    facts = [a for a in money.allocations if only is None or a.commune_key == only]
    ordered = sorted(facts, key=lambda a: (a.commune_key == "", a.commune, a.commune_key))
    groups = group_money(ordered, money.disbursements, _commune)
    rows: list[list[Value]] = [[g.label, g.total.allocated, g.total.disbursed, g.total.rate] for g in groups]
    columns = [Column("commune", _("Xã")), *_money()[1:]]
    return Table("von-theo-xa", _("Vốn theo xã"), columns, rows)


def tasks_table(rows: list[TaskRow]) -> Table:
    columns = [
        Column("code", _("Mã")),
        Column("task", _("Nhiệm vụ")),
        Column("lead", _("Cơ quan chủ trì")),
        Column("due", _("Hạn hoàn thành"), "date"),
        Column("status", _("Tình trạng")),
        Column("percent", _("Tiến độ"), "percent", 0),
    ]
    out: list[list[Value]] = [
        [
            r.task.code,
            r.task.title,
            r.task.lead.name if r.task.lead else "",
            r.due_on,
            r.status_label,
            r.percent,
        ]
        for r in rows
    ]
    return Table("nhiem-vu", _("Nhiệm vụ và tiến độ"), columns, out)


def task_counts(rows: list[TaskRow]) -> list[StatusCount]:
    counted = Counter(r.status for r in rows)
    return [StatusCount(v, str(label), counted.get(v, 0)) for v, label in TaskStatus.choices]


def days_left(due: dt.date, today: dt.date) -> int:
    return (due - today).days
