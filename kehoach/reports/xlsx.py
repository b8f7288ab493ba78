"""The indicator table (biểu chỉ tiêu) as .xlsx through the safe writer. Pure.

Figures go in as numbers (exact Decimals), text through kehoach.spreadsheets.writer, which
writes every text cell as a string and quote-prefixes "= + - @" so nothing becomes a formula.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from kehoach.core.formatting import vn_date
from kehoach.reports.document import clean
from kehoach.reports.narrative import assessment
from kehoach.reports.snapshot import ReportData
from kehoach.spreadsheets.writer import SheetSpec, write_xlsx


def indicator_sheet(data: ReportData) -> SheetSpec:
    headers = [
        _("TT"),
        _("Mã"),
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Mốc năm"),
        _("So sánh"),
        _("Mục tiêu (như kế hoạch)"),
        _("Đơn vị của mục tiêu"),
        _("Mức cần đạt"),
        _("Năm gốc"),
        _("Giá trị gốc"),
        *[_("Thực hiện {year}").format(year=y) for y in data.years],
        _("Chênh lệch còn thiếu"),
        _("Tình trạng"),
    ]
    rows: list[list[Any]] = []
    for i, t in enumerate(data.targets, start=1):
        actual = dict(t.actual)
        judged = assessment(t, data.year) if data.kind != "annual" else t.status_label
        rows.append(
            [
                i,
                t.code,
                t.text,
                t.measure_unit or t.unit,
                _year(t.milestone_year),
                t.comparator,
                t.value,
                t.unit,
                t.target_level,
                _year(t.baseline_year),
                t.baseline,
                *[actual.get(y) for y in data.years],
                t.gap,
                judged,
            ]
        )
    widths = [5, 10, 60, 14, 9, 8, 11, 12, 11, 9, 11, *[11] * len(data.years), 12, 22]
    return SheetSpec(name=_("Biểu chỉ tiêu"), headers=headers, rows=rows, widths=widths)


def _year(year: int | None) -> str | None:
    """A year as text: the sheet writer gives numbers a thousands format, which prints 2.025."""
    return None if year is None else str(year)


def about_sheet(data: ReportData, number: str, issuer: str) -> SheetSpec:
    rows: list[list[Any]] = [
        [_("Kế hoạch"), data.plan_reference],
        [_("Địa bàn"), data.unit_name],
        [_("Báo cáo"), number],
        [_("Cơ quan ban hành"), issuer],
        [_("Số liệu tính đến ngày"), vn_date(data.as_of)],
        [_("Số liệu được tính"), data.counted],
    ]
    rows += [[_("Mục tiêu định tính"), text] for text in data.qualitative]
    return SheetSpec(name=_("Thông tin"), headers=[_("Mục"), _("Nội dung")], rows=rows, widths=[26, 100])


def _cleaned(spec: SheetSpec) -> SheetSpec:
    """Lone surrogates pass the writer's own filter and then fail the UTF-8 encoding at save."""
    rows = [[clean(v) if isinstance(v, str) else v for v in row] for row in spec.rows]
    return SheetSpec(name=spec.name, headers=spec.headers, rows=rows, widths=spec.widths)


def build_indicator_xlsx(data: ReportData, *, number: str = "", issuer: str = "") -> bytes:
    return write_xlsx([_cleaned(indicator_sheet(data)), _cleaned(about_sheet(data, number, issuer))])
