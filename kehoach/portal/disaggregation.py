"""An indicator's public figures: yearly totals and one disaggregation, small counts protected.

Protection is decided over the whole area at once (the plan's unit and all its communes, every
option of the disaggregation), whatever unit the visitor picked: a cell hidden in one view is
hidden in every view, so comparing the district with its communes gives nothing away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from kehoach.analytics.definitions import TOTAL, IndicatorValue
from kehoach.analytics.results import indicator_cells
from kehoach.indicators.choices import IndicatorType
from kehoach.indicators.models import CategoryOptionCombo, Indicator
from kehoach.orgunits.models import OrgUnit
from kehoach.portal import conf
from kehoach.portal.selectors import APPROVED
from kehoach.portal.suppression import Counts, Protection, protect
from kehoach.portal.tables import SUPPRESSED, Column, Table, Value


@dataclass(frozen=True)
class Option:
    code: str
    name: str
    combo: str
    combo_name: str


@dataclass
class IndicatorView:
    indicator: Indicator
    unit: OrgUnit
    combos: list[tuple[str, str]]  # disaggregations with figures: (code, name)
    combo: str  # the one shown ("" for totals only)
    table: Table
    chart: dict[str, Any]


def _options() -> dict[str, Option]:
    rows = CategoryOptionCombo.objects.select_related("combo").order_by("combo__code", "order", "code")
    return {r.code: Option(r.code, r.name, r.combo.code, r.combo.name) for r in rows}


def _counts(cell: IndicatorValue) -> Counts:
    return Counts(cell.numerator, cell.denominator)


def protection_for(
    cells: dict[tuple[int, str], IndicatorValue], units: list[int], options: list[str], min_count: int
) -> Protection[tuple[int, str]]:
    """One period: groups are each unit's options (adding up to its total) and each option's units
    (the communes adding up to the district's cell)."""
    counts = {key: _counts(cell) for key, cell in cells.items()}
    groups = [[(u, o) for o in options] for u in units]
    groups += [[(u, o) for u in units] for o in options]
    return protect(counts, groups, min_count)


def indicator_view(
    *, indicator: Indicator, area: list[OrgUnit], unit: OrgUnit, combo: str, as_of: dt.date
) -> IndicatorView:
    raw = indicator_cells(
        indicators=[indicator.code], areas=[u.pk for u in area], as_of=as_of, statuses=APPROVED
    )
    options = _options()
    disaggregable = indicator.type != IndicatorType.RATE_OF_CHANGE
    present = (
        {coc for (_i, _u, _p, coc) in raw if coc != TOTAL and coc in options} if disaggregable else set()
    )
    combos = sorted({(options[c].combo, options[c].combo_name) for c in present})
    if combo not in {c for c, _n in combos}:
        combo = ""
    chosen = [c for c in options if c in present and options[c].combo == combo]
    periods = sorted({p for (_i, u, p, _c) in raw if u == unit.pk})
    places = indicator.decimals
    columns = [Column("period", _("Kỳ")), Column("total", _("Tổng số"), "number", places)]
    columns += [Column(c, options[c].name, "number", places) for c in chosen]
    rows: list[list[Value]] = []
    units = [u.pk for u in area]
    for period in periods:
        total = raw.get((indicator.code, unit.pk, period, TOTAL))
        row: list[Value] = [period, total.value if total else None]
        if chosen:
            cells = {
                (u, c): raw[(indicator.code, u, period, c)]
                for u in units
                for c in chosen
                if (indicator.code, u, period, c) in raw
            }
            shield = protection_for(cells, units, chosen, conf.min_count())
            if units.index(unit.pk) in shield.withheld:
                row[1] = SUPPRESSED
            for c in chosen:
                cell = cells.get((unit.pk, c))
                row.append(
                    None if cell is None else (cell.value if shield.shows((unit.pk, c)) else SUPPRESSED)
                )
        rows.append(row)
    note = _(
        "Chỉ tính số liệu đã được phê duyệt. Ô ghi “ẩn”: số người, số hộ phía sau con số dưới %(k)s "
        "nên không công bố để bảo vệ thông tin cá nhân (kèm theo ô ẩn bổ sung để không suy ra được)."
    ) % {"k": conf.min_count()}
    table = Table(f"chi-so-{indicator.code}", indicator.name, columns, rows, note)
    return IndicatorView(indicator, unit, combos, combo, table, _chart(table))


def _chart(table: Table) -> dict[str, Any]:
    """Chart.js data: one line per column, suppressed and missing points left as gaps (null)."""
    labels = [str(row[0]) for row in table.rows]
    datasets = []
    for index, column in enumerate(table.columns[1:], start=1):
        data = [
            str(row[index]) if row[index] is not None and row[index] is not SUPPRESSED else None
            for row in table.rows
        ]
        datasets.append({"label": column.label, "data": data})
    return {"labels": labels, "datasets": datasets, "unit": ""}
