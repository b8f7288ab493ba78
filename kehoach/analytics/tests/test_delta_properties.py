"""Property tests of the difference path (decision 0008 §5): moving stored sums by a change gives the
sums and cells of a full recompute, from only what `delta.needs` names."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from kehoach.analytics import delta
from kehoach.analytics.definitions import AnalyticsSettings, DataValue, ValueKey, ValueStatus
from kehoach.analytics.engine import Engine
from kehoach.analytics.geography import build_geography
from kehoach.analytics.tests.strategies import AS_OF, catalogue, values_for
from kehoach.analytics.tests.test_engine_properties import PROPERTY, SETTINGS, cases

DRAFTS_TOO = AnalyticsSettings(counted_statuses=frozenset(ValueStatus), as_of=AS_OF)


def _full(geography, analytics, values):
    engine = Engine(catalogue(), geography, analytics)
    engine.load(values)
    return engine.sums(), dict(engine.cells)


def _step(geography, analytics, current, after):
    """Apply `after` (key → value or None) to the state of `current` through the difference path."""
    compiled = Engine(catalogue(), geography, analytics).compiled
    sums, cells = _full(geography, analytics, current.values())
    wanted = delta.needs(compiled, geography, after)
    units = {k[1] for k in after}
    before = [
        v
        for v in current.values()
        if v.unit in units and v.period in wanted.periods and v.element in wanted.elements
    ]
    return delta.apply(
        compiled,
        geography,
        analytics,
        # Only what `needs` names: anything else read would show up as a difference below.
        sums={
            k: s
            for k, s in sums.items()
            if k[1] in wanted.areas and k[2] in wanted.periods and k[0].element in wanted.elements
        },
        cells={
            k: c
            for k, c in cells.items()
            if k[1] in wanted.areas and k[2] in wanted.cell_periods and k[0] in wanted.bases
        },
        before=before,
        after=after,
    )


@PROPERTY
@given(cases(), st.data(), st.sampled_from([SETTINGS, DRAFTS_TOO]))
def test_moving_the_sums_equals_a_full_recompute(case, data, analytics):
    world, values = case
    geography = build_geography(world.units, world.links, world.lineage, as_of=AS_OF)
    current = {v.key: v for v in values}
    for _ in range(data.draw(st.integers(1, 4))):
        drawn = data.draw(values_for(world))
        after: dict[ValueKey, DataValue | None] = {}
        # A batch at one unit and period, as a save or an approval gives: new values, removals,
        # and status changes of values already there.
        if drawn:
            unit, period = drawn[0].unit, drawn[0].period
            for v in drawn:
                if (v.unit, v.period) == (unit, period):
                    after[v.key] = v
            for key, v in current.items():
                if (key[1], key[2]) == (unit, period) and key not in after and data.draw(st.booleans()):
                    choice = data.draw(st.sampled_from(["remove", *ValueStatus]))
                    after[key] = None if choice == "remove" else replace(v, status=ValueStatus(choice))
        if not after:
            continue
        old_sums, old_cells = _full(geography, analytics, current.values())
        moved = _step(geography, analytics, current, after)
        for key, value in after.items():
            if value is None:
                current.pop(key, None)
            else:
                current[key] = value
        sums, cells = _full(geography, analytics, current.values())
        assert {k: sums.get(k) for k in moved.sums} == moved.sums
        assert {k: cells.get(k) for k in moved.cells} == moved.cells
        # Nothing was missed: every sum and cell the difference path did not return is unchanged.
        assert {k: v for k, v in sums.items() if k not in moved.sums} == {
            k: v for k, v in old_sums.items() if k not in moved.sums
        }
        assert {k: v for k, v in cells.items() if k not in moved.cells} == {
            k: v for k, v in old_cells.items() if k not in moved.cells
        }
