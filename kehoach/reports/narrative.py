"""Vietnamese paragraphs pre-filled from the figures; the officer edits them before issuing. Pure.

Every sentence states where its number comes from (the as-at date, the unit of measure), so a
reader can check it against the indicator table appended to the report.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from kehoach.core.formatting import vn_date, vn_number, vn_percent
from kehoach.reports import document as d
from kehoach.reports.snapshot import ReportData, TargetRow

# The statuses that are neither a success nor a lack of data: anything else the engine may add
# later (e.g. "not achieved" for a passed milestone) counts as behind without a change here.
GOOD = ("achieved", "on_track")
NO_DATA = "no_data"
MAX_LISTED = 12
ZERO = Decimal(0)


def is_annual(data: ReportData) -> bool:
    return data.kind == "annual"


def sections_for(kind: str) -> tuple[tuple[str, str], ...]:
    """(key, Vietnamese heading) of the editable sections a report kind has, in document order."""
    common = [
        (d.RESULTS, _("Kết quả thực hiện các mục tiêu, chỉ tiêu")),
        (d.TASKS, _("Kết quả thực hiện các nhiệm vụ, giải pháp")),
        (d.BUDGET, _("Huy động, phân bổ và giải ngân nguồn lực")),
        (d.DIFFICULTIES, _("Khó khăn, vướng mắc và nguyên nhân")),
    ]
    if kind != "annual":
        common.append((d.LESSONS, _("Bài học kinh nghiệm")))
    common.append((d.PROPOSALS, _("Đề xuất, kiến nghị")))
    return tuple(common)


def assessment(row: TargetRow, review_year: int) -> str:
    """A review judges each target whose milestone has come: achieved or not (with the reason)."""
    if row.milestone_year > review_year:
        return row.status_label
    if row.status == "achieved":
        return _("Đạt")
    if row.status == NO_DATA:
        return _("Chưa có số liệu để đánh giá")
    return _("Không đạt")


def number(value: Decimal | None, row: TargetRow) -> str:
    if value is None:
        return "—"
    return vn_number(value, row.places)


def stated(value: Decimal | None) -> str:
    """A figure as the plan states it (no trailing zeros: 32, not 32,0)."""
    return "—" if value is None else vn_number(value)


def with_unit(value: Decimal | None, row: TargetRow) -> str:
    """A measured figure with the measure's unit (99,5%; 30,5 triệu đồng/người/năm)."""
    return _unit(number(value, row), row.measure_unit)


def difference(value: Decimal, row: TargetRow) -> str:
    """A difference of two figures: between two rates it is in percentage points ("11,0 điểm phần
    trăm"), never "11,0%" (which would read as a rate of its own)."""
    if row.measure_unit == "%":
        return _("{value} điểm phần trăm").format(value=number(value, row))
    return with_unit(value, row)


# Level words a unit's stored name may start with, for snapshots taken before the level was kept.
LEVEL_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Bản", "Thôn")


def unit_in_sentence(data: ReportData) -> str:
    """The unit's name inside a sentence, its level word in lower case: "tại huyện Mường Tè"
    (the stored name "Huyện Mường Tè" is how a heading or a list shows it)."""
    name = data.unit_name
    for kind in (data.unit_kind,) if data.unit_kind else LEVEL_WORDS:
        if kind and name.startswith(kind + " "):
            return kind.lower() + name[len(kind) :]
    return name


def stated_with_unit(row: TargetRow) -> str:
    """The target as the plan states it: "≥ 32 triệu đồng/người/năm", "≥ 4 điểm %/năm"."""
    return f"{row.comparator} {_unit(stated(row.value), row.unit)}" if row.value is not None else "—"


def _unit(text: str, unit: str) -> str:
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".strip()


def short(text: str, limit: int = 140) -> str:
    text = text.strip().rstrip(".;")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


NOT_ACHIEVED = "not_achieved"


def behind(data: ReportData) -> list[TargetRow]:
    return [t for t in data.targets if t.status not in GOOD and t.status != NO_DATA]


def _groups(data: ReportData) -> list[tuple[str, list[TargetRow]]]:
    """Targets that need attention, named for what they are: a milestone missed is "không đạt",
    not "at risk" (a review lists both, and the counts must add up). (what, rows)."""
    late = behind(data)
    missed = [t for t in late if t.status == NOT_ACHIEVED]
    lagging = [t for t in late if t.status != NOT_ACHIEVED]
    return [
        (what, rows)
        for what, rows in (
            (_("không đạt (đã qua mốc)"), missed),
            (_("chậm tiến độ hoặc có nguy cơ không đạt"), lagging),
        )
        if rows
    ]


def _count_phrase(data: ReportData) -> str:
    counts = {value: sum(1 for t in data.targets if t.status == value) for value, _label in data.statuses}
    parts = [f"{n} {label.lower()}" for (value, label) in data.statuses if (n := counts[value])]
    return "; ".join(parts)


def _behind_line(t: TargetRow) -> str:
    latest = (
        _("đạt {value} (năm {year})").format(value=with_unit(t.latest, t), year=t.latest_year)
        if t.latest is not None
        else _("chưa có số liệu năm gần nhất")
    )
    line = _("- {text} (mốc năm {year}): {latest}").format(
        text=short(t.text), year=t.milestone_year, latest=latest
    )
    if t.gap is not None and t.target_level is not None:
        line += _(", còn cách mức cần đạt {level} là {gap}").format(
            level=with_unit(t.target_level, t), gap=difference(abs(t.gap), t)
        )
    return f"{line}; {t.status_label.lower()}."


def results_text(data: ReportData) -> str:
    lines = [
        _("Tính đến ngày {date}, trong {n} chỉ tiêu định lượng của Kế hoạch tại {unit}: {counts}.").format(
            date=vn_date(data.as_of),
            n=len(data.targets),
            unit=unit_in_sentence(data),
            counts=_count_phrase(data),
        )
    ]
    if not is_annual(data):
        due = [t for t in data.targets if t.milestone_year <= data.year]
        verdicts = [assessment(t, data.year) for t in due]
        parts = [
            _("{n} chỉ tiêu {verdict}").format(n=n, verdict=verdict.lower())
            for verdict in (_("Đạt"), _("Không đạt"), _("Chưa có số liệu để đánh giá"))
            if (n := verdicts.count(verdict))
        ]
        lines.append(
            _("Trong {due} chỉ tiêu có mốc đến năm {year}: {parts}.").format(
                due=len(due), year=data.year, parts="; ".join(parts) or _("chưa có chỉ tiêu nào")
            )
        )
    for what, rows in _groups(data):
        lines.append(_("Các chỉ tiêu {what}:").format(what=what))
        lines += [_behind_line(t) for t in rows[:MAX_LISTED]]
        if len(rows) > MAX_LISTED:
            lines.append(
                _("- Và {n} chỉ tiêu khác (xem Biểu chỉ tiêu kèm theo).").format(n=len(rows) - MAX_LISTED)
            )
    missing = [t for t in data.targets if t.status == NO_DATA]
    if missing:
        lines.append(
            _("{n} chỉ tiêu chưa có số liệu để đánh giá: {codes}.").format(
                n=len(missing),
                codes=", ".join(t.code for t in missing[:30]) + ("…" if len(missing) > 30 else ""),
            )
        )
    if data.qualitative:
        lines.append(
            _("{n} mục tiêu định tính được đánh giá theo báo cáo của các cơ quan, đơn vị.").format(
                n=len(data.qualitative)
            )
        )
    lines.append(_("Số liệu: {counted}").format(counted=data.counted))
    return "\n".join(lines)


def tasks_text(data: ReportData) -> str:
    s = data.tasks
    counts = "; ".join(f"{label.lower()} {n}" for _value, label, n in s.counts if n)
    lines = [
        _(
            "Kế hoạch có {total} nhiệm vụ, giải pháp ({counts}); mức độ hoàn thành bình quân {percent}."
        ).format(total=s.total, counts=counts or "—", percent=vn_percent(s.mean_percent, 1))
    ]
    if s.overdue:
        lines.append(_("{n} nhiệm vụ quá hạn:").format(n=len(s.overdue)))
        for task in s.overdue[:MAX_LISTED]:
            lines.append(
                _("- {code}. {title} (chủ trì: {lead}; hạn {due}; hoàn thành {percent}).").format(
                    code=task.code,
                    title=short(task.title, 100),
                    lead=task.lead or "—",
                    due=vn_date(task.due_on) or "—",
                    percent=vn_percent(task.percent, 1),
                )
            )
    else:
        lines.append(_("Không có nhiệm vụ quá hạn."))
    return "\n".join(lines)


def money_totals(data: ReportData) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(allocated in the year, disbursed in the year, allocated to date, disbursed to date)."""
    top = [m for m in data.money if m.depth == 0]
    return (
        sum((m.allocated_year for m in top), ZERO),
        sum((m.disbursed_year for m in top), ZERO),
        sum((m.allocated_total for m in top), ZERO),
        sum((m.disbursed_total for m in top), ZERO),
    )


def rate(part: Decimal, whole: Decimal) -> str:
    return vn_percent(part * 100 / whole, 1) if whole > 0 else "—"


def budget_text(data: ReportData) -> str:
    if not data.money:
        return _("Chưa có số liệu giao vốn, giải ngân của Kế hoạch.")
    year_alloc, year_paid, all_alloc, all_paid = money_totals(data)
    lines = []
    if is_annual(data):
        lines.append(
            _(
                "Năm {year}, tổng vốn được giao {alloc} triệu đồng, đã giải ngân {paid} triệu đồng, đạt {rate}."
            ).format(
                year=data.year,
                alloc=vn_number(year_alloc),
                paid=vn_number(year_paid),
                rate=rate(year_paid, year_alloc),
            )
        )
    lines.append(
        _(
            "Lũy kế từ năm {start} đến ngày {date}: vốn giao {alloc} triệu đồng, "
            "giải ngân {paid} triệu đồng, đạt {rate}."
        ).format(
            start=data.period_start,
            date=vn_date(data.as_of),
            alloc=vn_number(all_alloc),
            paid=vn_number(all_paid),
            rate=rate(all_paid, all_alloc),
        )
    )
    for m in data.money:
        if m.depth == 0 and m.allocated_total > 0:
            lines.append(
                _("- {label}: giao {alloc} triệu đồng, giải ngân {paid} triệu đồng ({rate}).").format(
                    label=m.label,
                    alloc=vn_number(m.allocated_total),
                    paid=vn_number(m.disbursed_total),
                    rate=rate(m.disbursed_total, m.allocated_total),
                )
            )
    if data.money_note:
        lines.append(data.money_note)
    return "\n".join(lines)


def difficulties_text(data: ReportData) -> str:
    lines = []
    for what, rows in _groups(data):
        codes = ", ".join(t.code for t in rows[:MAX_LISTED]) + ("…" if len(rows) > MAX_LISTED else "")
        lines.append(_("- {n} chỉ tiêu {what} ({codes}).").format(n=len(rows), what=what, codes=codes))
    _ya, _yp, alloc, paid = money_totals(data)
    if alloc > 0 and paid * 100 / alloc < 80:
        lines.append(_("- Tỷ lệ giải ngân lũy kế mới đạt {rate}.").format(rate=rate(paid, alloc)))
    if data.tasks.overdue:
        lines.append(
            _("- {n} nhiệm vụ, giải pháp quá hạn chưa hoàn thành.").format(n=len(data.tasks.overdue))
        )
    missing = sum(1 for t in data.targets if t.status == NO_DATA)
    if missing:
        lines.append(_("- {n} chỉ tiêu chưa có số liệu để theo dõi, đánh giá.").format(n=missing))
    lines.append(_("- Nguyên nhân: (cơ quan soạn thảo bổ sung)."))
    return "\n".join(lines)


def lessons_text(data: ReportData) -> str:
    return _(
        "- (Cơ quan soạn thảo bổ sung bài học kinh nghiệm rút ra trong giai đoạn {start} - {year}.)"
    ).format(start=data.period_start, year=data.year)


def proposals_text(data: ReportData) -> str:
    lines = []
    late = behind(data)
    if late:
        lines.append(
            _("- Tập trung chỉ đạo, bố trí nguồn lực cho các chỉ tiêu chậm tiến độ: {codes}.").format(
                codes=", ".join(t.code for t in late[:MAX_LISTED])
            )
        )
    if data.tasks.overdue:
        lines.append(
            _("- Đôn đốc các cơ quan chủ trì hoàn thành {n} nhiệm vụ quá hạn.").format(
                n=len(data.tasks.overdue)
            )
        )
    lines.append(_("- (Cơ quan soạn thảo bổ sung kiến nghị với cấp trên.)"))
    return "\n".join(lines)


def prefill(data: ReportData) -> dict[str, str]:
    """Every editable section of the report kind, filled from the figures."""
    makers = {
        d.RESULTS: results_text,
        d.TASKS: tasks_text,
        d.BUDGET: budget_text,
        d.DIFFICULTIES: difficulties_text,
        d.LESSONS: lessons_text,
        d.PROPOSALS: proposals_text,
    }
    return {key: makers[key](data) for key, _heading in sections_for(data.kind)}
