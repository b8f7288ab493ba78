"""resolve_rows decides each code check once per distinct code and each type check once per
element and value: what it reports must be what checking every row on its own reports. The
reference below is the row-by-row loop it replaced."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.datavalues import rows as r
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.datavalues.selectors import area_units
from kehoach.datavalues.services import SYSTEM
from kehoach.datavalues.services.resolve import (
    _duplicates,
    _element_problem,
    _period,
    _unit_problem,
    resolve_rows,
    round_problem,
)
from kehoach.datavalues.tests.helpers import COMMUNE
from kehoach.datavalues.validation import type_problem
from kehoach.indicators.models import ReportingRound
from kehoach.indicators.periods import Period
from kehoach.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db


def _careful(actor, cat, rows, results, today):
    """Every check for every row, nothing remembered across rows."""
    ds = cat.data_set
    units = {u.key: u for u in OrgUnit.objects.filter(key__in={row.unit.strip() for row in rows})}
    area = area_units(plan=ds.plan)
    rounds = {rd.period: rd for rd in ReportingRound.objects.filter(data_set=ds)}
    out = []
    _duplicates(rows, results)
    for row in rows:
        res = results[row.line]
        res.problems[:0] = row.problems
        unit_key, element, coc = row.unit.strip(), row.element.strip(), row.option_combo.strip()
        period = _period({}, row.period, ds.period_type)
        if isinstance(period, str):
            res.problems.append(r.Problem(r.PERIOD, period))
        elif text := round_problem(rounds.get(period.code), period, today):
            res.problems.append(r.Problem(r.PERIOD, text))
        if found := _unit_problem(actor, ds, units.get(unit_key), unit_key, period, area):
            res.problems.append(found)
        if found := _element_problem(actor, cat, element, coc):
            res.problems.append(found)
        info = cat.elements.get(element)
        if info is not None and row.value is not None and (text := type_problem(info.value_type, row.value)):
            res.problems.append(r.Problem(r.VALUE, f"“{info.name}”: {text}"))
        if res.problems or info is None or not isinstance(period, Period):
            continue
        key = (info.pk, units[unit_key].pk, period.code, cat.option_combos[coc])
        out.append((row.line, key, period))
    return out


def _pad(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from([text, f" {text}", f"{text} "])


_VALUES = [None, "0", "5", "5.000", "-1", "0.5", "0.1234567", "101", "1e20", "NaN", "2"]


@pytest.fixture
def codes(xa, opened):
    cat = data_set_catalogue(data_set=xa)
    elements = [e.code for e in cat.elements.values()][:4]
    cocs = sorted({c for e in cat.elements.values() for c in e.option_combos})[:3]
    return cat, elements, cocs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_remembered_verdicts_equal_row_by_row_checks(codes, personas, seed_plan, data):
    cat, elements, cocs = codes
    unit = st.one_of(_pad(COMMUNE), st.sampled_from(["gso-legacy:00000", "", seed_plan.admin_unit.key]))
    period = st.one_of(_pad("2024"), st.sampled_from(["2024s1", "2023", "2024S1", "abc", "1800"]))
    element = st.one_of(*(_pad(e) for e in elements), st.just("KHONG_CO"))
    coc = st.one_of(*(_pad(c) for c in cocs), st.just("zzz"))
    value = st.sampled_from(_VALUES).map(lambda v: None if v is None else Decimal(v))
    raw = data.draw(st.lists(st.tuples(unit, period, element, coc, value), min_size=1, max_size=25))
    rows = [r.ValueRow(i, *fields) for i, fields in enumerate(raw, 1)]
    actor = data.draw(st.sampled_from([SYSTEM, personas.commune, personas.agency, personas.outsider_commune]))
    today = timezone.localdate()
    fast = {row.line: r.RowResult(row.line) for row in rows}
    careful = {row.line: r.RowResult(row.line) for row in rows}
    resolved = resolve_rows(actor=actor, cat=cat, rows=rows, results=fast, today=today)
    expected = _careful(actor, cat, rows, careful, today)
    assert [(x.row.line, x.key, x.period) for x in resolved] == expected
    assert all(x.key == (x.element_id, x.unit_id, x.period.code, x.option_combo_id) for x in resolved)
    assert {n: res.problems for n, res in fast.items()} == {n: res.problems for n, res in careful.items()}


@given(
    value=st.decimals(allow_nan=False, allow_infinity=False, places=None),
    places=st.integers(min_value=0, max_value=9),
    value_type=st.sampled_from(["integer", "number", "signed_number", "percentage", "yes_no"]),
)
def test_type_problem_depends_on_the_value_not_on_how_it_is_written(value, places, value_type):
    """What lets resolve_rows remember type checks by value: 5, 5.0 and 5.000 are one key."""
    try:
        written = value.quantize(Decimal(1).scaleb(-places))
    except ArithmeticError:
        return
    if written == value:
        assert type_problem(value_type, written) == type_problem(value_type, value)
