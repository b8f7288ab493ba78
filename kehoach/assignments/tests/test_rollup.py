"""The weighted roll-up rule and the shown status (pure functions)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.assignments.rollup import Node, apply_progress, rollup, weighted_percent

D = Decimal
TODAY = dt.date(2025, 9, 1)
percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(weights, percents), min_size=1, max_size=12))
def test_rollup_stays_within_zero_and_hundred(children):
    assert D(0) <= weighted_percent(children) <= D(100)


@given(weights, percents)
def test_rollup_of_one_child_is_the_child_value(weight, percent):
    assert weighted_percent([(weight, percent)]) == percent


@given(st.lists(percents, min_size=1, max_size=12))
def test_equal_weights_give_the_plain_mean(values):
    expected = sum(values, D(0)) / len(values)
    assert abs(weighted_percent([(D(1), p) for p in values]) - expected) <= D("0.005")


def test_weights_shift_the_result_towards_heavier_children():
    assert weighted_percent([(D(3), D(100)), (D(1), D(0))]) == D("75.00")


def test_all_zero_weights_fall_back_to_equal_weights():
    assert weighted_percent([(D(0), D(100)), (D(0), D(0))]) == D("50.00")


def _node(pk, parent=None, status="in_progress", percent="0", weight="1", due=None):
    return Node(pk, parent, status, D(percent), D(weight), due)


def test_parent_is_rolled_up_from_children_at_any_depth():
    nodes = [
        _node(1),
        _node(2, 1, "done", "100"),
        _node(3, 1),
        _node(4, 3, "done", "100"),
        _node(5, 3, "not_started", "0"),
    ]
    result = rollup(nodes, today=TODAY)
    assert result[3].percent == D("50.00") and result[3].derived
    assert result[1].percent == D("75.00") and result[1].base_status == "in_progress"


def test_cancelled_children_are_left_out_of_the_rollup():
    nodes = [_node(1), _node(2, 1, "done", "100"), _node(3, 1, "cancelled", "0")]
    result = rollup(nodes, today=TODAY)
    assert result[1].percent == D("100.00") and result[1].status == "done"


def test_parent_of_only_cancelled_children_keeps_its_own_values():
    result = rollup([_node(1, percent="40"), _node(2, 1, "cancelled")], today=TODAY)
    assert result[1].percent == D("40.00") and not result[1].derived


def test_overdue_is_derived_from_deadline_and_status():
    past, future = dt.date(2025, 6, 30), dt.date(2025, 12, 31)
    result = rollup(
        [
            _node(1, due=past),
            _node(2, status="done", percent="100", due=past),
            _node(3, due=future),
            _node(4, status="cancelled", due=past),
        ],
        today=TODAY,
    )
    assert [result[i].status for i in (1, 2, 3, 4)] == ["overdue", "done", "in_progress", "cancelled"]


def test_a_cycle_is_reported_not_looped():
    with pytest.raises(ValueError):
        rollup([_node(1, 2), _node(2, 1)], today=TODAY)


@pytest.mark.parametrize(
    ("current", "status", "percent", "expected"),
    [
        (("not_started", "0"), None, "40", ("in_progress", "40")),
        (("in_progress", "40"), None, "100", ("done", "100")),
        (("in_progress", "40"), "done", None, ("done", "100")),
        (("done", "100"), None, "80", ("in_progress", "80")),
        (("in_progress", "40"), "not_started", None, ("not_started", "0")),
        (("in_progress", "40"), "cancelled", None, ("cancelled", "40")),
    ],
)
def test_status_and_percent_stay_consistent(current, status, percent, expected):
    result = apply_progress(
        current_status=current[0],
        current_percent=D(current[1]),
        status=status,
        percent=D(percent) if percent else None,
    )
    assert result == (expected[0], D(expected[1]))


@pytest.mark.parametrize(
    ("status", "percent", "message"),
    [
        ("overdue", None, "Quá hạn"),
        ("done", "90", "100%"),
        (None, "101", "từ 0 đến 100"),
        (None, "-1", "từ 0 đến 100"),
        ("not_started", "10", "0%"),
        ("in_progress", "100", "Hoàn thành"),
        (None, "33.333", "2 chữ số"),
    ],
)
def test_contradictions_are_refused_with_a_reason(status, percent, message):
    with pytest.raises(ValueError, match=message):
        apply_progress(
            current_status="in_progress",
            current_percent=D(10),
            status=status,
            percent=D(percent) if percent else None,
        )
