"""Values of the page tests, entered, submitted and approved through issue #3's services."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from kehoach.audit.choices import Channel
from kehoach.datavalues.services import approve_submission, save_data_values, submit_submission
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet
from kehoach.orgunits.models import OrgUnit, UnitLevel, UnitParent

# Entries the commune form needs besides what a test is about (as in the wiring tests).
REQUIRED = {
    ("DS_TONG", "default"): 100,
    ("SO_XA", "default"): 1,
    ("BAN_TONG", "default"): 5,
    ("CBCC_XA_TONG", "default"): 20,
}

Entry = tuple[str, str, float | int | Decimal]  # element, category option combo, value


def enter_commune_year(personas, period: str, entries: list[Entry]) -> None:
    """Enter XA-NAM at the commune persona's commune for `period`, submit and approve it."""
    xa = DataSet.objects.get(code="XA-NAM")
    open_round(xa, period)
    values = {**REQUIRED, **{(e, c): v for e, c, v in entries}}
    rows = [row(i, element, v, coc, period=period) for i, ((element, coc), v) in enumerate(values.items(), 1)]
    summary = save_data_values(actor=personas.commune, data_set=xa, rows=rows, channel=Channel.WEB)
    assert summary.committed, [p.text for r in summary.rows for p in r.problems]
    unit = personas.commune.units.get()
    submission = submit_submission(
        actor=personas.commune, data_set=xa, unit=unit, period=period, channel=Channel.WEB
    )
    approve_submission(actor=personas.owner, submission=submission, channel=Channel.WEB)


def make_village(commune: OrgUnit) -> OrgUnit:
    """A village (bản) of the commune: the seed has none; household forms are entered per village."""
    village = OrgUnit.objects.create(
        key="test:ban-trang",
        name="Bản Thử Trang",
        kind="Bản",
        level=UnitLevel.objects.get(code="village"),
        search_text="ban thu trang",
    )
    UnitParent.objects.create(unit=village, parent=commune)
    return village


def enter_village_year(personas, village: OrgUnit, period: str, entries: list[Entry]) -> None:
    """Enter BAN-NAM for the village, submit it as the commune officer and approve it as the owner."""
    ban = DataSet.objects.get(code="BAN-NAM")
    open_round(ban, period)
    rows = [row(i, e, v, coc, unit=village.key, period=period) for i, (e, coc, v) in enumerate(entries, 1)]
    summary = save_data_values(actor=personas.commune, data_set=ban, rows=rows, channel=Channel.WEB)
    assert summary.committed, [p.text for r in summary.rows for p in r.problems]
    submission = submit_submission(
        actor=personas.commune, data_set=ban, unit=village, period=period, channel=Channel.WEB
    )
    approve_submission(actor=personas.owner, submission=submission, channel=Channel.WEB)


def client_for(user: object) -> Client:
    """A test client signed in as `user`."""
    c = Client()
    c.force_login(user)
    return c
