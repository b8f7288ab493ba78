"""The performance table as .xlsx, through the safe writer (no text becomes a formula).

The rows are those of the page for the same query string, rounded as the page shows them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from kehoach.analytics.performance import PerformanceRow, PerformanceTable
from kehoach.analytics.services import counted_label
from kehoach.core.formatting import vn_date
from kehoach.spreadsheets.writer import SheetSpec, write_xlsx

PERCENT_PLACES = 1
YEAR_COLUMNS = (3, 4)  # "Mốc", "Năm": plain integers (2025), not grouped numbers (2.025)


def headers() -> list[str]:
    return [
        _("Mã chỉ tiêu"),
        _("Chỉ tiêu"),
        _("Chỉ số đo"),
        _("Mốc"),
        _("Năm"),
        _("So sánh"),
        _("Mức phải đạt"),
        _("Loại mức"),
        _("Thực hiện"),
        _("% so với mức phải đạt"),
        _("Đạt mức của năm"),
        _("Đánh giá chung của chỉ tiêu (đến mốc)"),
        _("Gần đúng (do sắp xếp đơn vị hành chính 2025)"),
        _("Đơn vị tính"),
    ]


def line(row: PerformanceRow) -> list[Any]:
    p = row.progress
    return [
        p.target.code,
        p.target.text,
        p.indicator.name if p.indicator else "",
        p.judgement.milestone_year,
        row.year,
        p.comparator_symbol,
        row.shown(row.target_value),
        _("Mục tiêu") if row.milestone else _("Lộ trình"),
        row.shown(row.actual),
        row.shown(row.percent, PERCENT_PLACES),
        row.on_path,
        f"{row.symbol} {row.status_label}",
        row.approximate,
        p.unit_label,
    ]


def performance_xlsx(table: PerformanceTable, filters_text: str) -> bytes:
    progress = table.progress
    about = [
        [_("Kế hoạch"), progress.plan.title],
        [_("Đơn vị"), progress.unit.name],
        [_("Tính đến ngày"), vn_date(progress.as_of)],
        [_("Số liệu được tính"), counted_label(progress.statuses)],
        [_("Bộ lọc"), filters_text],
    ]
    return write_xlsx(
        [
            SheetSpec(
                _("Bảng chỉ tiêu"),
                headers(),
                [line(r) for r in table.rows],
                (12, 50, 40, 8, 8, 8, 14, 10),
                integer_columns=YEAR_COLUMNS,
            ),
            SheetSpec(_("Thông tin"), [_("Mục"), _("Nội dung")], about, (20, 80)),
        ]
    )
