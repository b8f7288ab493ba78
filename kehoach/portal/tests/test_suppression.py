"""Small-count protection: no hidden cell can be worked out from what the portal shows.

The attacker knows every visible cell and the sum of every group (a unit's total, the district's
cell of a group: the worst case), and repeatedly solves any group with one unknown left, or whose
unknowns must all be zero because what is left of the sum is zero (counts are never negative).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.portal.suppression import Counts, protect, protect_one

K = 10


def derive(cells: dict[str, Counts], groups: list[list[str]], hidden: frozenset[str]) -> set[str]:
    """Hidden cells whose numerator or denominator the attacker can pin down."""
    known_n: dict[str, Decimal | None] = {k: c.numerator for k, c in cells.items() if k not in hidden}
    known_d = {k: c.denominator for k, c in cells.items() if k not in hidden}
    found: set[str] = set()
    progress = True
    while progress:
        progress = False
        for group in groups:
            for known, part in ((known_n, "n"), (known_d, "d")):
                maybe = {k: (cells[k].numerator if part == "n" else cells[k].denominator) for k in group}
                values = {k: v for k, v in maybe.items() if v is not None}
                if len(values) < len(maybe):
                    continue
                unknown = [k for k in group if k not in known]
                if not unknown:
                    continue
                seen = sum((known[k] or Decimal(0) for k in group if k in known), Decimal(0))
                left = sum(values.values(), Decimal(0)) - seen
                if len(unknown) == 1 or left == 0:
                    for k in unknown:
                        known[k] = values[k]
                        found.add(k)
                    progress = True
    return found


counts = st.integers(min_value=0, max_value=40).flatmap(
    lambda d: st.tuples(st.integers(min_value=0, max_value=d), st.just(d))
)


@settings(max_examples=300, deadline=None)
@given(st.lists(counts, min_size=1, max_size=8), st.booleans())
def test_no_hidden_cell_of_one_group_is_recoverable(pairs, ratio):
    cells = {f"c{i}": Counts(Decimal(n), Decimal(d) if ratio else None) for i, (n, d) in enumerate(pairs)}
    result = protect_one(cells, K)
    assert all(k in result.hidden for k, c in cells.items() if c.below(K))
    groups = [] if result.withheld else [list(cells)]
    assert not derive(cells, groups, result.hidden) & result.hidden


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=1, max_value=4),
    st.lists(counts, min_size=16, max_size=16),
)
def test_no_hidden_cell_of_a_unit_by_group_table_is_recoverable(rows, cols, pairs):
    cells = {
        f"{r}-{c}": Counts(Decimal(pairs[r * 4 + c][0]), Decimal(pairs[r * 4 + c][1]))
        for r in range(rows)
        for c in range(cols)
    }
    groups = [[f"{r}-{c}" for c in range(cols)] for r in range(rows)]
    groups += [[f"{r}-{c}" for r in range(rows)] for c in range(cols)]
    result = protect(cells, groups, K)
    shown_groups = [g for i, g in enumerate(groups) if i not in result.withheld]
    assert all(k in result.hidden for k, c in cells.items() if c.below(K))
    assert not derive(cells, shown_groups, result.hidden) & result.hidden


def test_one_small_cell_takes_the_next_smallest_with_it():
    cells = {"Hà Nhì": Counts(Decimal(40)), "La Hủ": Counts(Decimal(3)), "Thái": Counts(Decimal(15))}
    assert protect_one(cells, K).hidden == {"La Hủ", "Thái"}


def test_nothing_is_hidden_when_every_count_reaches_the_threshold():
    cells = {"Nam": Counts(Decimal(10), Decimal(12)), "Nữ": Counts(Decimal(11), Decimal(30))}
    assert protect_one(cells, K).hidden == frozenset()


def test_a_small_denominator_hides_the_cell_even_with_a_large_numerator():
    cells = {"Nam": Counts(Decimal(10), Decimal(9)), "Nữ": Counts(Decimal(20), Decimal(30))}
    assert protect_one(cells, K).hidden == {"Nam", "Nữ"}
