"""Indicator cells for views, reports and the portal: the one read seam for computed figures.

Callers ask for cells by indicator and area; how they are obtained is this module's business, so
the pages, reports and portal do not change with it: from the stored result table when it was
built for the day's definitions and geography and for the statuses asked (kept fresh in the
transaction of every counting change, decision 0008), otherwise computed on demand from the
values of the areas' members. Both give the same cells. Rates of change come with their hidden
level indicator (`<code>__muc`) when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.utils import timezone

from kehoach.analytics import selectors
from kehoach.analytics.definitions import AnalyticsSettings, CellKey, IndicatorValue, ValueStatus
from kehoach.analytics.engine import Engine
from kehoach.core.recent import definitions_max_age


def indicator_cells(
    *,
    indicators: Collection[str],
    areas: Collection[int],
    as_of: dt.date | None = None,
    statuses: frozenset[ValueStatus] | None = None,
) -> dict[CellKey, IndicatorValue]:
    """Every cell (indicator, area, period, category option combo) of these indicators at these
    areas, all periods, totals ("total") and disaggregates alike. Missing cells are absent."""
    as_of = as_of or timezone.localdate()
    statuses = statuses or selectors.counted_statuses()
    prep = selectors.prepared(as_of=as_of, max_age=definitions_max_age())
    if selectors.stored_table_serves(prep, statuses):
        return selectors.stored_cells(indicators=indicators, areas=areas)
    return computed_cells(prep, indicators=indicators, areas=areas, as_of=as_of, statuses=statuses)


def computed_cells(
    prep: selectors.Prepared,
    *,
    indicators: Collection[str],
    areas: Collection[int],
    as_of: dt.date,
    statuses: frozenset[ValueStatus],
) -> dict[CellKey, IndicatorValue]:
    """The on-demand path: the engine over the values of the areas' members only."""
    wanted_areas = frozenset(areas)
    engine = Engine(
        prep.catalogue,
        prep.geography,
        AnalyticsSettings(counted_statuses=statuses, as_of=as_of),
        areas=wanted_areas,
    )
    members: set[int] = set()
    for area in wanted_areas:
        members |= prep.geography.members(area)
    cells = engine.load(selectors.load_values(units=members))
    wanted = set(indicators)
    return {key: cell for key, cell in cells.items() if key[0] in wanted}
