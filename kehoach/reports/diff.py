"""What changed between an issued report's frozen figures and the same report computed today. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from kehoach.core.formatting import vn_number
from kehoach.reports.narrative import money_totals, number, stated
from kehoach.reports.snapshot import ReportData, TargetRow


@dataclass(frozen=True)
class Change:
    item: str  # what (a target code and text, "Nhiệm vụ", "Nguồn lực")
    field: str  # Vietnamese name of the figure
    before: str
    after: str


def _targets(old: TargetRow | None, new: TargetRow | None) -> list[Change]:
    row = new or old
    assert row is not None
    item = f"{row.code}. {row.text[:80]}"
    if old is None:
        return [Change(item, _("Chỉ tiêu"), "—", _("mới có"))]
    if new is None:
        return [Change(item, _("Chỉ tiêu"), _("có"), _("không còn"))]
    changes = []
    pairs: list[tuple[str, str, str]] = [
        (_("Tình trạng"), old.status_label, new.status_label),
        (
            _("Năm gốc"),
            f"{number(old.baseline, old)} ({old.baseline_year})",
            f"{number(new.baseline, new)} ({new.baseline_year})",
        ),
        (
            _("Giá trị mới nhất"),
            f"{number(old.latest, old)} ({old.latest_year})",
            f"{number(new.latest, new)} ({new.latest_year})",
        ),
        (_("Mục tiêu"), f"{old.comparator} {stated(old.value)}", f"{new.comparator} {stated(new.value)}"),
    ]
    years = sorted(dict(old.actual).keys() | dict(new.actual).keys())
    before, after = dict(old.actual), dict(new.actual)
    pairs += [
        (_("Thực hiện {year}").format(year=y), number(before.get(y), old), number(after.get(y), new))
        for y in years
    ]
    for field, a, b in pairs:
        if a != b:
            changes.append(Change(item, field, a, b))
    return changes


def changes(frozen: ReportData, today: ReportData) -> list[Change]:
    out: list[Change] = []
    old = {t.code: t for t in frozen.targets}
    new = {t.code: t for t in today.targets}
    for code in [*old, *(c for c in new if c not in old)]:
        out += _targets(old.get(code), new.get(code))
    tasks = _("Nhiệm vụ, giải pháp")
    for field, a, b in (
        (_("Số nhiệm vụ"), str(frozen.tasks.total), str(today.tasks.total)),
        (
            _("Hoàn thành bình quân (%)"),
            vn_number(frozen.tasks.mean_percent),
            vn_number(today.tasks.mean_percent),
        ),
        (_("Số nhiệm vụ quá hạn"), str(len(frozen.tasks.overdue)), str(len(today.tasks.overdue))),
    ):
        if a != b:
            out.append(Change(tasks, field, a, b))
    labels = (_("Vốn giao trong năm"), _("Giải ngân trong năm"), _("Vốn giao lũy kế"), _("Giải ngân lũy kế"))
    money = _("Nguồn lực (triệu đồng)")
    for label, x, y in zip(labels, money_totals(frozen), money_totals(today), strict=True):
        if x != y:
            out.append(Change(money, label, vn_number(x), vn_number(y)))
    return out
