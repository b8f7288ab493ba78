"""Agency choices are told apart by their full names (eight new communes share a short name)."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.agencies.fields import agency_label
from kehoach.agencies.models import Agency
from kehoach.budget.forms import AllocationForm

pytestmark = pytest.mark.django_db


def test_the_agency_choices_are_all_different(seed_plan, personas):
    field = AllocationForm(plan=seed_plan, user=personas.finance).fields["agency"]
    labels = [field.label_from_instance(a) for a in Agency.objects.all()]  # type: ignore[attr-defined]
    assert len(labels) == len(set(labels)), [x for x in labels if labels.count(x) > 1][:3]
    assert len({a.short_name or a.name for a in Agency.objects.all()}) < len(labels)  # short names repeat


def test_a_ceased_body_says_since_when():
    ceased = Agency(code="X", name="Phòng Dân tộc huyện Mường Tè", valid_to=dt.date(2025, 6, 30))
    assert agency_label(ceased) == "Phòng Dân tộc huyện Mường Tè (đến 30/06/2025)"
