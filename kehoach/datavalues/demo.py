"""Demo data for `kehoach init --demo`: a 2020 baseline and 2021–2025 values for every unit at each
form's level, entered, submitted and approved through the same services as real data.

Deterministic (demo_units), marked `is_demo` on every value, submission and baseline so pages show
"dữ liệu minh họa". Idempotent: nothing is added when demo values exist already.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction

from kehoach.audit.choices import Channel
from kehoach.datavalues import demo_units
from kehoach.datavalues import rows as r
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.datavalues.demo_values import Values, unit_hash
from kehoach.datavalues.models import DataValue, Submission
from kehoach.datavalues.selectors import active_during, area_units
from kehoach.datavalues.services import SYSTEM, approve_submission, save_data_values, submit_submission
from kehoach.indicators.formula import Formula
from kehoach.indicators.models import Baseline, DataSet, Indicator, MeasurementStandard
from kehoach.indicators.periods import Period
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan

YEARS = range(2020, 2026)
DEMO_COMMENT = "Số liệu minh họa (tạo tự động), khác thường so với các năm trước."
ChosenValues = Callable[[OrgUnit, int], Values]


def _generator(level: str) -> ChosenValues:
    if level == "village":
        return lambda unit, year: demo_units.village(unit.key, year)
    if level == "commune":
        return lambda unit, year: demo_units.commune(unit.key, year, town=unit.kind == "Thị trấn")
    return lambda unit, year: demo_units.district(unit.key, year)


def _units(ds: DataSet, period: Period) -> list[OrgUnit]:
    """Units reporting the period: those existing at its end, or, for a level that ended during it
    (the district in 2025), those existing at some point of it."""
    start, end = period.window(ds.window)
    units = [
        u for u in OrgUnit.objects.filter(id__in=area_units(plan=ds.plan), level=ds.level).order_by("key")
    ]
    at_end = [u for u in units if active_during(u, end, end)]
    return at_end or [u for u in units if active_during(u, start, end)]


@transaction.atomic
def create_demo_data(*, plan: Plan, say: Callable[[str], None]) -> int:
    if DataValue.objects.filter(is_demo=True).exists():
        say("Dữ liệu minh họa: số liệu chỉ tiêu đã có, giữ nguyên.")
        return 0
    total = 0
    for ds in DataSet.objects.filter(plan=plan).select_related("level", "plan").order_by("code"):
        cat, make = data_set_catalogue(data_set=ds), _generator(ds.level.code)
        for year in YEARS:
            period = Period(year, 0)
            today = period.window(ds.window)[1] - dt.timedelta(days=1)
            units = _units(ds, period)
            figures = {u.pk: make(u, year) for u in units}
            cells = [
                (u.key, key, value)
                for u in units
                for key, value in figures[u.pk].items()
                if key[0] in cat.elements
            ]
            rows = [
                r.ValueRow(i, unit_key, period.code, el, coc, value)
                for i, (unit_key, (el, coc), value) in enumerate(cells, 1)
            ]
            total += _save(ds, rows, today)
            _decide(ds, units, period, today)
            if year == YEARS[0]:
                _baselines(ds, units, figures, year)
    say(f"Dữ liệu minh họa: {total} giá trị số liệu năm 2020–2025, đã gửi và phần lớn đã phê duyệt.")
    return total


def _save(ds: DataSet, rows: list[r.ValueRow], today: dt.date) -> int:
    """Values whose warnings need an explanation get the demo comment (as a person would write one)."""
    kw = {"actor": SYSTEM, "data_set": ds, "channel": Channel.SYSTEM, "today": today, "is_demo": True}
    preview = save_data_values(rows=rows, dry_run=True, **kw)  # type: ignore[arg-type]
    warned = {res.line for res in preview.rows if any(p.field == r.COMMENT for p in res.problems)}
    rows = [
        r.ValueRow(x.line, x.unit, x.period, x.element, x.option_combo, x.value, DEMO_COMMENT)
        if x.line in warned
        else x
        for x in rows
    ]
    summary = save_data_values(rows=rows, **kw)  # type: ignore[arg-type]
    if not summary.committed:
        raise RuntimeError(f"demo data for {ds.code} refused: {summary.problems[:5]}")
    return summary.counts["created"]


def _decide(ds: DataSet, units: list[OrgUnit], period: Period, today: dt.date) -> None:
    """Past years approved; in 2025 some units approved, some waiting, some still entering. The
    dates are those of the simulated year (about one unit in six sent after the due date)."""
    due = ds.rounds.get(period=period.code).due_on
    for unit in units:
        chance = unit_hash(unit.key, f"status{period.code}")
        if period.year == YEARS[-1] and chance > 0.8:
            continue
        sub = submit_submission(
            actor=SYSTEM, data_set=ds, unit=unit, period=period.code, channel=Channel.SYSTEM, today=today
        )
        approved = period.year < YEARS[-1] or chance < 0.5
        if approved:
            approve_submission(actor=SYSTEM, submission=sub, channel=Channel.SYSTEM, comment="Đạt (minh họa)")
        sent = due + dt.timedelta(days=int(unit_hash(unit.key, f"late{period.code}") * 25) - 20)
        at = dt.datetime.combine(sent, dt.time(9), tzinfo=dt.UTC)
        decided = at + dt.timedelta(days=7) if approved else None
        Submission.objects.filter(pk=sub.pk).update(submitted_at=at, decided_at=decided)
    Submission.objects.filter(data_set=ds, period=period.code).update(is_demo=True)


def _baselines(ds: DataSet, units: list[OrgUnit], figures: dict[int, Values], year: int) -> None:
    standard = MeasurementStandard.objects.filter(first_year__lte=year, last_year__gte=year).first()
    for ind in Indicator.objects.filter(level=ds.level).select_related(
        "numerator", "denominator", "numerator_combo", "denominator_combo"
    ):
        if ind.type == "rate_of_change":
            continue  # needs the year before the baseline
        formula = Formula(ind.type, ind.factor, ind.denominator_id is not None)
        num_key = (ind.numerator.code, ind.numerator_combo.code if ind.numerator_combo else "default")
        den_key = (
            (ind.denominator.code, ind.denominator_combo.code if ind.denominator_combo else "default")
            if ind.denominator
            else None
        )
        for unit in units:
            num = figures[unit.pk].get(num_key)
            den = figures[unit.pk].get(den_key) if den_key else None
            value = formula.value(num, den)
            if value is None:
                continue
            Baseline.objects.get_or_create(
                indicator=ind,
                unit=unit,
                year=year,
                defaults={
                    "value": value.quantize(Decimal("0.000001")),
                    "numerator": num,
                    "denominator": den,
                    "standard": standard if ind.standard_topic else None,
                    "source": "Số liệu minh họa năm gốc",
                    "is_demo": True,
                },
            )
