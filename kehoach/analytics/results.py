"""Indicator cells for views, reports and the portal: the one read seam for computed figures.

Callers ask for cells by indicator and area; how they are obtained (computed on demand now, read
from the stored result table once it exists) is this module's business, so the pages, reports and
portal do not change when it does. Rates of change come with their hidden level indicator
(`<code>__muc`) when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.utils import timezone

from kehoach.analytics import selectors
from kehoach.analytics.definitions import AnalyticsSettings, CellKey, IndicatorValue, ValueStatus
from kehoach.analytics.engine import Engine


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
    geography = selectors.load_geography(as_of=as_of)
    wanted_areas = frozenset(areas)
    engine = Engine(
        selectors.load_catalogue(),
        geography,
        AnalyticsSettings(counted_statuses=statuses, as_of=as_of),
        areas=wanted_areas,
    )
    members: set[int] = set()
    for area in wanted_areas:
        members |= geography.members(area)
    cells = engine.load(selectors.load_values(units=members))
    wanted = set(indicators)
    return {key: cell for key, cell in cells.items() if key[0] in wanted}
