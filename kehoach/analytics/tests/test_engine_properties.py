"""Property tests: the engines against the brute force, totals against combos, incremental against full."""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.analytics.columnar import recompute
from kehoach.analytics.columnar_frames import to_indicator_values, to_series_sums, values_frame
from kehoach.analytics.columnar_geo import GeographyTables
from kehoach.analytics.definitions import TOTAL, AnalyticsSettings, DataValue, ValueStatus
from kehoach.analytics.engine import Engine
from kehoach.analytics.geography import Unit, build_geography
from kehoach.analytics.tests import brute_force
from kehoach.analytics.tests.strategies import AS_OF, OPTIONS, PERIODS, catalogue, values_for, worlds

SETTINGS = AnalyticsSettings(as_of=AS_OF)
BOTH = AnalyticsSettings(
    counted_statuses=frozenset({ValueStatus.SUBMITTED, ValueStatus.APPROVED}), as_of=AS_OF
)
# KEHOACH_EXAMPLES=2000 for a longer search than the default run's.
EXAMPLES = int(os.environ.get("KEHOACH_EXAMPLES", "80"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _engine(world, analytics=SETTINGS):
    geography = build_geography(world.units, world.links, world.lineage, as_of=AS_OF)
    return Engine(catalogue(), geography, analytics), geography


@st.composite
def cases(draw, totals=True):
    world = draw(worlds())
    return world, draw(values_for(world, totals=totals))


@PROPERTY
@given(cases(), st.sampled_from([SETTINGS, BOTH]))
def test_engine_equals_brute_force(case, analytics):
    world, values = case
    engine, _ = _engine(world, analytics)
    cells = engine.load(values)
    areas = brute_force.areas(world.units, world.links, world.lineage, AS_OF)
    expected = brute_force.compute(catalogue(), areas, values, analytics, PERIODS, OPTIONS)
    got = {k: (c.numerator, c.denominator, c.value, c.approximate) for k, c in cells.items()}
    assert got == expected


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_columnar_engine_equals_reference_engine(case):
    world, values = case
    engine, geography = _engine(world)
    reference = engine.load(values)
    result = recompute(catalogue(), GeographyTables.of(geography), SETTINGS, values_frame(values))
    assert to_indicator_values(result.cells, result.reasons, result.compiled) == reference
    # The series sums too: the stored sums table is written from these (decision 0008).
    assert to_series_sums(result.sums) == engine.sums()


def _numerators_entered(values):
    """Enter 0 where only the denominator of split_ratio was entered: a blank numerator is missing
    (no cell), so only then does every combo adding to the total show as a cell."""
    values = [v for v in values if v.status in SETTINGS.counted_statuses]  # the others never count
    entered = {(v.unit, v.period, v.coc) for v in values if v.element == "NS"}
    zeros = [
        replace(v, element="NS", value=Decimal(0))
        for v in values
        if v.element == "DS" and (v.unit, v.period, v.coc) not in entered
    ]
    return values + zeros


@PROPERTY
@given(cases(totals=False))
def test_totals_equal_the_sum_of_their_combos(case):
    world, values = case
    engine, _ = _engine(world)
    cells = engine.load(_numerators_entered(values))
    for (indicator, unit, period, coc), total in cells.items():
        if coc != TOTAL or indicator not in ("split_count", "split_ratio"):
            continue
        parts = [
            cells[(indicator, unit, period, c)] for c in OPTIONS if (indicator, unit, period, c) in cells
        ]
        if indicator == "split_count":
            assert sum(p.numerator for p in parts) == total.numerator
        else:  # a combo whose denominator is zero has no cell, but adds nothing to the total either
            assert sum(p.denominator for p in parts) == total.denominator


@PROPERTY
@given(cases(), st.data())
def test_incremental_update_equals_full_recompute(case, data):
    world, values = case
    engine, geography = _engine(world)
    engine.load(values)
    current = {v.key: v for v in values}
    for _ in range(data.draw(st.integers(1, 6))):
        changed = data.draw(values_for(world))
        if not changed:
            continue
        new = changed[0]
        remove = current and data.draw(st.booleans())
        key = data.draw(st.sampled_from(sorted(current))) if remove else new.key
        returned = engine.apply(key, None if remove else new)
        if remove:
            del current[key]
        else:
            current[key] = new
        fresh = Engine(catalogue(), geography, SETTINGS).load(current.values())
        assert engine.cells == fresh
        assert all(fresh.get(k) == v for k, v in returned.items())


@settings(max_examples=EXAMPLES // 3, deadline=None)
@given(cases())
def test_full_recompute_is_idempotent(case):
    world, values = case
    engine, geography = _engine(world)
    assert engine.load(values) == dict(engine.load(list(reversed(values))))
    tables = GeographyTables.of(geography)
    frame = values_frame(values)
    first = recompute(catalogue(), tables, SETTINGS, frame).cells.sort(["indicator", "unit", "period", "coc"])
    again = recompute(catalogue(), tables, SETTINGS, frame).cells.sort(["indicator", "unit", "period", "coc"])
    assert first.equals(again)


def test_a_value_whose_status_does_not_count_is_ignored_until_it_does():
    geography = build_geography([Unit(1)], [], [], as_of=AS_OF)
    engine = Engine(catalogue(), geography, SETTINGS)
    draft = DataValue("D", 1, "2024", TOTAL, Decimal(5), ValueStatus.DRAFT)
    assert engine.load([draft]) == {}
    assert engine.apply(draft.key, draft) == {}
    approved = DataValue("D", 1, "2024", TOTAL, Decimal(5), ValueStatus.APPROVED)
    assert engine.apply(approved.key, approved)[("count", 1, "2024", TOTAL)].value == 5
