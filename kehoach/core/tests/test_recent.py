"""Definitions are reused for KEHOACH_DEFINITIONS_MAX_AGE seconds per process, and no longer."""

from __future__ import annotations

import functools

import pytest
from django.test import override_settings

from kehoach.core.recent import Recent
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.indicators.models import DataSet, ValidationRule
from kehoach.orgunits.models import OrgUnit, UnitParent
from kehoach.orgunits.selectors import org_tree


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr("kehoach.core.recent.time.monotonic", clock)
    return clock


@override_settings(KEHOACH_DEFINITIONS_MAX_AGE=5.0)
def test_a_value_is_reused_within_the_max_age_and_read_again_after(clock: Clock) -> None:
    loads: list[int] = []
    memo: Recent[int] = Recent()

    def load() -> int:
        loads.append(1)
        return len(loads)

    assert memo.get("k", load) == 1
    clock.now += 4.9
    assert memo.get("k", load) == 1
    clock.now += 0.2
    assert memo.get("k", load) == 2
    assert memo.get("other", load) == 3  # keys are independent


@override_settings(KEHOACH_DEFINITIONS_MAX_AGE=0.0)
def test_max_age_zero_always_reads() -> None:
    memo: Recent[object] = Recent()
    assert memo.get("k", object) is not memo.get("k", object)


@override_settings(KEHOACH_DEFINITIONS_MAX_AGE=5.0)
def test_the_memo_stays_bounded(clock: Clock) -> None:
    memo: Recent[int] = Recent(size=3)
    for n in range(10):
        memo.get(n, functools.partial(int, n))
    assert len(memo._held) <= 3


@pytest.mark.django_db
@override_settings(KEHOACH_DEFINITIONS_MAX_AGE=5.0)
def test_the_unit_tree_and_a_form_catalogue_are_reused_then_refreshed(
    seed_plan, clock: Clock, django_assert_num_queries
) -> None:
    district = seed_plan.admin_unit
    tree = org_tree()
    data_set = DataSet.objects.get(code="XA-NAM")
    first = data_set_catalogue(data_set=data_set)
    with django_assert_num_queries(0):
        assert org_tree() is tree
        again = data_set_catalogue(data_set=data_set)
    assert first.rules and again.elements == first.elements and again.rules == first.rules
    # Each caller gets its own containers: a view narrowing its copy changes nobody else's.
    again.elements.clear()
    assert data_set_catalogue(data_set=data_set).elements == first.elements
    # An edit reaches both once the max age has passed.
    village = OrgUnit.objects.create(key="test-village", name="Bản thử", level=district.level)
    UnitParent.objects.create(unit=village, parent=district)
    ValidationRule.objects.filter(element__code__in=list(first.elements)).update(active=False)
    assert village.pk not in org_tree().descendants([district.pk])
    clock.now += 6
    assert village.pk in org_tree().descendants([district.pk])
    assert data_set_catalogue(data_set=data_set).rules == []
