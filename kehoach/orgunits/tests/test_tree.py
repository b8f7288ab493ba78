from __future__ import annotations

import datetime as dt

from kehoach.orgunits.tree import Link, OrgTree

JUNE_30, JULY_1 = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


def _tree() -> OrgTree:
    # province 1 > district 2 > commune 3 > village 4; from 1/7/2025 the village belongs to new commune 5.
    return OrgTree(
        [
            Link(2, 1, None, JUNE_30),
            Link(3, 2, None, JUNE_30),
            Link(4, 3, None, JUNE_30),
            Link(5, 1, JULY_1, None),
            Link(4, 5, JULY_1, None),
        ]
    )


def test_descendants_over_all_time_and_on_a_day():
    tree = _tree()
    assert tree.descendants([1]) == {2, 3, 4, 5}
    assert tree.descendants([1], on=dt.date(2025, 8, 1)) == {4, 5}
    assert tree.descendants([3], on=dt.date(2025, 8, 1)) == set()


def test_ancestors_follow_the_dated_links():
    tree = _tree()
    assert tree.ancestors([4], on=dt.date(2024, 1, 1)) == {1, 2, 3}
    assert tree.ancestors([4], on=dt.date(2026, 1, 1)) == {1, 5}
    assert tree.ancestors([4]) == {1, 2, 3, 5}
