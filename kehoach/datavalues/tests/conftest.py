"""Fixtures of data entry tests: the forms, an open reporting round, a village, a row builder."""

from __future__ import annotations

import pytest

from kehoach.datavalues.tests.helpers import open_round
from kehoach.indicators.models import DataSet
from kehoach.orgunits.models import OrgUnit, UnitLevel, UnitParent


@pytest.fixture
def xa(db):
    return DataSet.objects.get(code="XA-NAM")


@pytest.fixture
def ban(db):
    return DataSet.objects.get(code="BAN-NAM")


@pytest.fixture
def huyen(db):
    return DataSet.objects.get(code="HUYEN-NAM")


@pytest.fixture
def opened(xa, ban, huyen):
    for ds in (xa, ban, huyen):
        open_round(ds)


@pytest.fixture
def commune(personas):
    return personas.commune.units.get()


@pytest.fixture
def village(db, commune):
    unit = OrgUnit.objects.create(
        key="test:ban-1",
        name="Bản Thử Nghiệm",
        kind="Bản",
        level=UnitLevel.objects.get(code="village"),
        search_text="ban thu nghiem",
    )
    UnitParent.objects.create(unit=unit, parent=commune)
    return unit
