"""Across the 2025 reorganisation: a new commune is selectable, and what it reports reaches the
former town it was partly formed from as an approximate figure, with the reason spelled out."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from kehoach.analytics.access import unit_choices
from kehoach.analytics.services import target_progress
from kehoach.analytics.targets import Status
from kehoach.audit.choices import Channel
from kehoach.datavalues.services import save_data_values, submit_submission
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet
from kehoach.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db
NEW_COMMUNE = "gso-2025:03433"  # Xã Bum Tở, formed from Thị trấn Mường Tè, Xã Bum Tở and Xã Kan Hồ
PERIOD = "2026"


@pytest.fixture
def new_commune(db) -> OrgUnit:
    return OrgUnit.objects.get(key=NEW_COMMUNE)


@pytest.fixture
def reported(personas, new_commune) -> None:
    xa = DataSet.objects.get(code="XA-NAM")
    open_round(xa, PERIOD)
    values = [("DS_TONG", 300), ("SO_XA", 1), ("BAN_TONG", 15), ("CBCC_XA_TONG", 25)]
    values += [("DS_DTTS", 200), ("TN_DTTS", 200 * 40)]
    rows = [row(i, code, v, unit=NEW_COMMUNE, period=PERIOD) for i, (code, v) in enumerate(values, 1)]
    summary = save_data_values(actor=personas.admin, data_set=xa, rows=rows, channel=Channel.WEB)
    assert summary.committed, [p.text for r in summary.rows for p in r.problems]
    submit_submission(actor=personas.admin, data_set=xa, unit=new_commune, period=PERIOD, channel=Channel.WEB)


def test_new_communes_formed_from_the_plans_communes_are_selectable(seed_plan, personas, new_commune):
    assert new_commune in unit_choices(user=personas.admin, plan=seed_plan)


@override_settings(KEHOACH_ANALYTICS_STATUSES=("approved", "submitted"))
def test_the_former_town_gets_an_approximate_figure_and_the_reason(reported, seed_plan, commune, personas):
    row = target_progress(seed_plan, commune).row("T2025-01")
    assert row is not None
    assert row.judgement.approximate and row.judgement.latest == 40 and row.judgement.latest_year == 2026
    assert row.judgement.status is Status.ACHIEVED  # 40 ≥ 32
    assert any("Xã Bum Tở" in reason and "Thị trấn Mường Tè" in reason for reason in row.reasons)
    c = Client()
    c.force_login(personas.admin)
    url = reverse("analytics:explain", args=[seed_plan.code, "T2025-01"]) + f"?don_vi={commune.pk}"
    html = c.get(url).content.decode()
    assert "Vì sao số liệu là gần đúng" in html and "Xã Bum Tở" in html
