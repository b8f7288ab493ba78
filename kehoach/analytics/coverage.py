"""How complete a year's figure is at an area: the forms behind it that count, out of those owed.

A figure summed from a few reports (one village approved of forty) is a true sum of what counts,
but judging a target on it would say the district fell from 95 % to 94 % when one village has
spoken. So while a year's forms are still being collected (its round not yet closed), a year in
which any form behind the figure has fewer reports counted than units owe it does not judge a
target: the earlier year does, and the page says why. Once the round is closed the figure judges,
complete or not (no more reports will come). Reads only; `services.target_progress` applies it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kehoach.analytics.definitions import ValueStatus
from kehoach.analytics.formulas import Compiled
from kehoach.analytics.geography import Geography
from kehoach.analytics.selectors import value_status
from kehoach.core.formatting import vn_number
from kehoach.core.recent import Recent
from kehoach.datavalues.choices import SubmissionStatus
from kehoach.datavalues.models import Submission
from kehoach.datavalues.selectors import expected_units
from kehoach.indicators.choices import PeriodType
from kehoach.indicators.models import DataSet, DataSetElement, ReportingRound
from kehoach.indicators.periods import parse_period

_EXPECTED: Recent[frozenset[int]] = Recent(size=256)  # (form, period) → units that owe it


@dataclass(frozen=True)
class Coverage:
    form: str  # the form's name, for the sentence
    counted: int
    expected: int
    closed: bool

    @property
    def judges(self) -> bool:
        """May this year's figure judge a target (as far as this form goes)?"""
        return self.closed or self.counted >= self.expected


def elements_of(compiled: Compiled, code: str) -> set[str]:
    """Data elements an indicator's figure is computed from (a rate of change: its level's)."""
    formula = compiled.formula(code)
    if formula.base is not None:
        formula = compiled.formula(formula.base)
    found: set[str] = set()
    for term in (*formula.numerator, *(formula.denominator or ())):
        found.add(term.series.element)
        if term.series.weight:
            found.add(term.series.weight)
    return found


class YearCoverage:
    """Coverage of every yearly form behind some elements, at one area, for some years."""

    def __init__(
        self,
        *,
        geography: Geography,
        area: int,
        elements: Collection[str],
        years: Collection[int],
        statuses: frozenset[ValueStatus],
        today: dt.date,
    ) -> None:
        self._forms_of: dict[str, set[int]] = defaultdict(set)
        self._coverage: dict[tuple[int, int], Coverage] = {}
        if ValueStatus.DRAFT in statuses or not elements or not years:
            return  # everything entered counts: no report is awaited
        memberships = DataSetElement.objects.filter(
            element__code__in=list(elements), data_set__period_type=PeriodType.YEAR
        ).select_related("data_set", "element")
        forms: dict[int, DataSet] = {}
        for m in memberships:
            self._forms_of[m.element.code].add(m.data_set_id)
            forms[m.data_set_id] = m.data_set
        members = geography.members(area)
        owed = {(form, year): _expected(forms[form], year) & members for form in forms for year in years}
        # One unit owing the form: the figure is that unit's own report (or, across the 2025
        # reorganisation, its predecessor's), not a sum still waiting for others.
        owed = {key: units for key, units in owed.items() if len(units) > 1}
        if not owed:
            return
        closes = dict(
            ((form, int(period)), closes_on)
            for form, period, closes_on in ReportingRound.objects.filter(
                data_set_id__in=forms, period__in=[str(y) for y in years]
            ).values_list("data_set_id", "period", "closes_on")
        )
        counting = [s for s in SubmissionStatus if value_status(s) in statuses]
        counted: dict[tuple[int, int], int] = defaultdict(int)
        for form, period, unit in Submission.objects.filter(
            data_set_id__in=forms,
            period__in=[str(y) for y in years],
            unit_id__in={u for units in owed.values() for u in units},
            status__in=counting,
        ).values_list("data_set_id", "period", "unit_id"):
            if unit in owed.get((form, int(period)), ()):
                counted[(form, int(period))] += 1
        for (form, year), units in owed.items():
            closing = closes.get((form, year))
            self._coverage[(form, year)] = Coverage(
                form=forms[form].name,
                counted=counted[(form, year)],
                expected=len(units),
                closed=closing is None or closing < today,  # no round: nothing more will come
            )

    def pending(self, elements: Iterable[str], year: int) -> list[Coverage]:
        """The forms behind these elements whose reports for `year` are still awaited."""
        forms = {f for e in elements for f in self._forms_of.get(e, ())}
        found = (self._coverage.get((f, year)) for f in sorted(forms))
        return [c for c in found if c is not None and not c.judges]


def pending_note(year: int, pending: Iterable[Coverage]) -> str:
    """Vietnamese: why a year's figure does not judge the target yet."""
    forms = "; ".join(
        _("biểu “%(form)s” mới có %(counted)s/%(expected)s báo cáo được tính")
        % {"form": c.form, "counted": vn_number(c.counted), "expected": vn_number(c.expected)}
        for c in pending
    )
    return _("Số liệu năm %(year)s chưa dùng để đánh giá: %(forms)s (đợt báo cáo chưa khóa sổ).") % {
        "year": year,
        "forms": forms,
    }


def _expected(form: DataSet, year: int) -> frozenset[int]:
    def read() -> frozenset[int]:
        period = parse_period(str(year), expected=form.period_type)
        return frozenset(expected_units(data_set=form, period=period).values_list("id", flat=True))

    return _EXPECTED.get((form.pk, year), read)
