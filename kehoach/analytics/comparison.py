"""Ethnic-minority vs whole-population comparison, where the catalogue and the data allow one.

Three kinds of pair, all from the plan's own indicators:
- variant: an ethnic-minority indicator and its whole-population twin (TL_HO_NGHEO_DTTS ↔ TL_HO_NGHEO,
  found by name, type and unit: `pages.name_pairs`);
- reference: a target comparing a minority share with another measure (T2025-29: ethnic-minority
  cadres vs the ethnic-minority share of the population);
- breakdown: an indicator collected by ethnic group where at least one group is not a minority
  (Kinh): the minority figure sums every other group's numerators and denominators, the whole
  population is the total. Where every group of the breakdown is a minority (the seed catalogue,
  whose groups are those living in Mường Tè) the two would be equal by construction, so no such
  pair is offered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from kehoach.analytics import pages, plan_targets
from kehoach.analytics.definitions import CellKey, IndicatorValue
from kehoach.analytics.results import indicator_cells
from kehoach.analytics.targets import TargetKind
from kehoach.indicators import models as im
from kehoach.plans.choices import Population
from kehoach.plans.models import Plan


@dataclass(frozen=True)
class Pair:
    kind: str  # "variant", "reference" or "breakdown"
    minority: im.Indicator
    whole: im.Indicator  # the same indicator for a breakdown pair
    minority_label: str
    whole_label: str


@dataclass(frozen=True)
class Row:
    year: int
    minority: Decimal | None
    whole: Decimal | None
    difference: Decimal | None  # minority − whole, in the indicator's unit
    approximate: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    pair: Pair
    rows: list[Row]

    @property
    def decimals(self) -> int:
        return self.pair.minority.decimals


def minority_combos() -> tuple[frozenset[str], frozenset[str]]:
    """(combos standing for an ethnic-minority group, every combo of an ethnic-group breakdown).

    A breakdown is by ethnic group when one of its options names a group of the GSO list; an
    option counts as minority unless it names a group that is not (Kinh), so "other minorities"
    (no GSO code) counts as minority."""
    ethnic: set[str] = set()
    minority: set[str] = set()
    combos = im.CategoryOptionCombo.objects.filter(
        combo__categories__options__ethnic_group__isnull=False
    ).distinct()
    for coc in combos.prefetch_related("options__ethnic_group"):
        ethnic.add(coc.code)
        if all(o.ethnic_group is None or o.ethnic_group.is_minority for o in coc.options.all()):
            minority.add(coc.code)
    return frozenset(minority), frozenset(ethnic)


def plan_indicators(plan: Plan) -> list[im.Indicator]:
    """Indicators measuring (or referenced by) the plan's targets, in catalogue order."""
    rows = im.Indicator.objects.filter(target_links__target__plan=plan).distinct()
    return list(rows.select_related("numerator", "denominator").order_by("order", "code"))


def pairs(plan: Plan, measured: Sequence[plan_targets.MeasuredTarget] | None = None) -> list[Pair]:
    indicators = plan_indicators(plan)
    by_code = {i.code: i for i in indicators}
    named = [
        pages.Named(i.code, i.name, i.population == Population.ETHNIC_MINORITY, i.type, i.unit_label)
        for i in indicators
    ]
    found = [
        Pair("variant", by_code[m], by_code[w], _("Đồng bào DTTS"), _("Toàn dân"))
        for m, w in pages.name_pairs(named)
    ]
    for row in measured if measured is not None else plan_targets.measured_targets(plan=plan):
        if row.spec.kind is TargetKind.RELATIVE_TO_MEASURE and row.measure and row.reference:
            # The heading names both measures; short column labels keep the table readable on a phone.
            found.append(
                Pair("reference", row.measure, row.reference, _("Số đo của chỉ tiêu"), _("Số đo tham chiếu"))
            )
    minority, ethnic = minority_combos()
    if ethnic - minority:  # some group of a breakdown is not a minority: the comparison says something
        elements = set(
            im.DataElement.objects.filter(disaggregations__option_combos__code__in=ethnic).values_list(
                "code", flat=True
            )
        )
        for i in indicators:
            if i.numerator.code in elements and i.numerator_combo_id is None:
                found.append(
                    Pair("breakdown", i, i, _("Đồng bào DTTS (mọi dân tộc trừ Kinh)"), _("Toàn dân"))
                )
    return found


def _rows(pair: Pair, cells: dict[CellKey, IndicatorValue], unit: int, minority: frozenset[str]) -> list[Row]:
    mine = pages.yearly(cells, pair.minority.code, unit)
    whole = pages.yearly(cells, pair.whole.code, unit)
    rows = []
    for year in sorted(mine.keys() | whole.keys()):
        w = whole.get(year)
        if pair.kind == "breakdown":
            combos = pages.by_combo(cells, pair.minority.code, unit, year)
            m: pages.Combined | IndicatorValue | None = pages.minority_figure(
                combos, minority, pair.minority.factor
            )
        else:
            m = mine.get(year)
        mv, wv = (m.value if m else None), (w.value if w else None)
        used = [c for c in (m, w) if c is not None]
        rows.append(
            Row(
                year,
                mv,
                wv,
                mv - wv if mv is not None and wv is not None else None,
                any(c.approximate for c in used),
                tuple(dict.fromkeys(r for c in used for r in c.reasons)),
            )
        )
    return rows


def tables(
    plan: Plan,
    unit: int,
    *,
    only: str | None = None,
    as_of: dt.date | None = None,
    measured: Sequence[plan_targets.MeasuredTarget] | None = None,
) -> list[Table]:
    """Every pair with data at the unit, year by year (`only`: the pairs involving one indicator;
    `measured`: the plan's measured targets when the caller has them already)."""
    chosen = [p for p in pairs(plan, measured) if only is None or only in (p.minority.code, p.whole.code)]
    if not chosen:
        return []
    codes = {p.minority.code for p in chosen} | {p.whole.code for p in chosen}
    cells = indicator_cells(indicators=codes, areas=[unit], as_of=as_of)
    minority, _ethnic = minority_combos()
    found = [Table(p, _rows(p, cells, unit, minority)) for p in chosen]
    return [t for t in found if any(r.minority is not None or r.whole is not None for r in t.rows)]
