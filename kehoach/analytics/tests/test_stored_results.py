"""The stored result table stays equal to a fresh computation after every kind of change, and the
reads switch to it only when it serves the request (today's geography, the current setting)."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from decimal import Decimal

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from kehoach.analytics import results, selectors
from kehoach.analytics.definitions import AnalyticsSettings, CellKey, IndicatorValue, ValueStatus
from kehoach.analytics.engine import Engine
from kehoach.analytics.evaluate import SeriesSum, SumKey
from kehoach.analytics.labels import STATUS_TEXT
from kehoach.analytics.models import ResultCell, ResultTableState
from kehoach.analytics.models import SeriesSum as SumRow
from kehoach.analytics.services_stored import recompute_results
from kehoach.analytics.targets import Status
from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import (
    reopen_submission,
    return_submission,
    save_data_values,
    submit_submission,
)
from kehoach.datavalues.tests.excel_helpers import fill, template
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet
from kehoach.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db
INCOME = "TN_BQ_DTTS"  # TN_DTTS / DS_DTTS, an average weighted by population
EVERY = ("draft", "submitted", "approved")


def _reference() -> Engine:
    """The reference engine loaded from scratch, for today and the setting."""
    today = timezone.localdate()
    prep = selectors.prepared(as_of=today)
    settings = AnalyticsSettings(counted_statuses=selectors.counted_statuses(), as_of=today)
    units = list(OrgUnit.objects.values_list("id", flat=True))
    engine = Engine(prep.catalogue, prep.geography, settings)
    engine.load(selectors.load_values(units=units))
    return engine


def fresh() -> dict[CellKey, IndicatorValue]:
    """Every cell computed from scratch by the reference engine, for today and the setting."""
    return dict(_reference().cells)


def fresh_sums() -> dict[SumKey, SeriesSum]:
    return _reference().sums()


def stored_sums() -> dict[SumKey, SeriesSum]:
    return selectors.stored_sums(areas=None, periods=None, elements=None)


def table() -> dict[CellKey, IndicatorValue]:
    return selectors.stored_cells(indicators=None, areas=OrgUnit.objects.values_list("id", flat=True))


def assert_table_is_fresh() -> None:
    assert ResultTableState.objects.exists(), "the table stopped being maintained"
    expected, stored = fresh(), table()
    assert stored.keys() == expected.keys()
    assert stored == expected
    # The series sums too: the next approval moves them by a difference (decision 0008 §5).
    assert stored_sums() == fresh_sums()


def income_cell(unit: OrgUnit, period: str = "2024"):
    return results.indicator_cells(indicators=[INCOME], areas=[unit.pk]).get(
        (INCOME, unit.pk, period, "default")
    )


@pytest.fixture
def xa() -> DataSet:
    data_set = DataSet.objects.get(code="XA-NAM")
    open_round(data_set, "2023")
    open_round(data_set, "2024")
    return data_set


def test_approval_return_and_reopen_keep_the_table_equal_to_a_fresh_computation(
    seed_plan, personas, commune, submit_income, approve
):
    recompute_results()
    assert_table_is_fresh()
    first = submit_income("2023", 20)
    assert_table_is_fresh()  # submitted values do not count: nothing changed, still equal
    approve(first)
    assert_table_is_fresh()
    assert income_cell(commune, "2023").value == 20
    assert income_cell(seed_plan.admin_unit, "2023").value == 20  # the district, in the same transaction
    second = submit_income("2024", 25.5)
    return_submission(
        actor=personas.owner, submission=second, comment="Sửa lại thu nhập.", channel=Channel.WEB
    )
    assert_table_is_fresh()
    reopen_submission(actor=personas.owner, submission=first, reason="Kiểm tra lại.", channel=Channel.WEB)
    assert_table_is_fresh()
    assert income_cell(commune, "2023") is None  # reopened: approved no more, the cell disappeared


@override_settings(KEHOACH_ANALYTICS_STATUSES=EVERY)
def test_value_writes_import_and_deletion_refresh_the_table_when_drafts_count(
    seed_plan, personas, commune, xa
):
    recompute_results()
    save = [row(1, "DS_DTTS", 80), row(2, "TN_DTTS", 1600)]
    assert save_data_values(actor=personas.commune, data_set=xa, rows=save, channel=Channel.WEB).committed
    assert_table_is_fresh()
    assert income_cell(commune).value == 20
    body = {
        "dataSet": "XA-NAM",
        "period": "2024",
        "orgUnit": commune.key,
        "dataValues": [{"dataElement": "TN_DTTS", "categoryOptionCombo": "default", "value": "2000"}],
    }
    client = Client()
    client.force_login(personas.commune)
    response = client.post("/api/v1/dataValueSets", json.dumps(body), content_type="application/json")
    assert response.status_code == 200, response.content
    assert_table_is_fresh()
    assert income_cell(commune).value == 25
    workbook = fill(template(user=personas.commune), {"DS_DTTS": "100"})
    uploaded = client.post("/api/v1/dataValueSets/excel?dataSet=XA-NAM", {"file": io.BytesIO(workbook)})
    assert uploaded.status_code == 200 and uploaded.json()["committed"], uploaded.content
    assert_table_is_fresh()
    assert income_cell(commune).value == 20
    gone = [row(1, "DS_DTTS", None)]
    assert save_data_values(actor=personas.commune, data_set=xa, rows=gone, channel=Channel.WEB).committed
    assert_table_is_fresh()
    assert income_cell(commune) is None  # no denominator any more


def test_recompute_is_idempotent_and_audited(seed_plan, commune, submit_income, approve):
    approve(submit_income("2024", 25.5))
    first = recompute_results()
    stored = table()
    again = recompute_results()
    assert first["written"] == first["cells"] > 0 and first["deleted"] == 0
    assert first["sums_written"] == first["sums"] > 0 and first["sums_deleted"] == 0
    assert again == {
        "cells": first["cells"],
        "written": 0,
        "deleted": 0,
        "sums": first["sums"],
        "sums_written": 0,
        "sums_deleted": 0,
    }
    assert table() == stored == fresh()
    assert stored_sums() == fresh_sums()
    assert AuditEvent.objects.filter(action="analytics.recompute").count() == 2


def test_recompute_repairs_a_damaged_table(seed_plan, commune, submit_income, approve):
    approve(submit_income("2024", 25.5))
    recompute_results()
    ResultCell.objects.filter(unit=commune).update(value="1", numerator="1")
    stray = ResultCell.objects.create(
        indicator=INCOME, unit=commune, period="2019", coc="default", numerator=Decimal(1), value=Decimal(1)
    )
    SumRow.objects.filter(unit=commune).update(total="7", entries=9)
    stray_sum = SumRow.objects.create(
        kind="value",
        element="TN_DTTS",
        unit=commune,
        period="2019",
        coc="default",
        total=Decimal(1),
        entries=1,
    )
    counts = recompute_results()
    assert counts["deleted"] == 1 and counts["written"] > 0
    assert counts["sums_deleted"] == 1 and counts["sums_written"] > 0
    assert not ResultCell.objects.filter(pk=stray.pk).exists()
    assert not SumRow.objects.filter(pk=stray_sum.pk).exists()
    assert table() == fresh()
    assert stored_sums() == fresh_sums()


def test_exact_figures_read_back_identical_through_the_stored_table(
    seed_plan, personas, commune, xa, approve
):
    """Pinned by hand: 1 000 000,000001 million over 3 people is 333 333,3333336666666666666667
    (28 significant digits); the sums keep every digit. Stored as text, the same on every database."""
    recompute_results()
    rows = [row(1, "DS_DTTS", 3), row(2, "TN_DTTS", "1000000.000001"), row(3, "DS_TONG", 3)]
    rows += [row(4, "SO_XA", 1), row(5, "BAN_TONG", 5), row(6, "CBCC_XA_TONG", 20)]
    assert save_data_values(actor=personas.commune, data_set=xa, rows=rows, channel=Channel.WEB).committed
    sent = submit_submission(
        actor=personas.commune, data_set=xa, unit=commune, period="2024", channel=Channel.WEB
    )
    approve(sent)
    stored = ResultCell.objects.get(indicator=INCOME, unit=commune, period="2024", coc="default")
    assert stored.numerator == Decimal("1000000.000001") and stored.denominator == 3
    assert stored.value == Decimal("333333.3333336666666666666667")
    district = ResultCell.objects.get(
        indicator=INCOME, unit=seed_plan.admin_unit, period="2024", coc="default"
    )
    assert district.value == stored.value and not district.approximate
    assert income_cell(commune) == fresh()[(INCOME, commune.pk, "2024", "default")]


def test_reads_compute_on_demand_when_the_table_does_not_serve(seed_plan, commune, submit_income, approve):
    submitted = submit_income("2024", 30)
    assert income_cell(commune) is None  # not built: on demand, approved only
    recompute_results()
    with override_settings(KEHOACH_ANALYTICS_STATUSES=("submitted", "approved")):
        assert income_cell(commune).value == 30  # another setting: on demand, never the table
    ResultCell.objects.all().delete()  # prove the next read really comes from the table
    approve(submitted)
    assert income_cell(commune).value == 30
    assert ResultCell.objects.filter(unit=commune, indicator=INCOME).count() == 1
    before_reform = dt.date(2025, 1, 1)  # another geography: on demand
    cells = results.indicator_cells(indicators=[INCOME], areas=[commune.pk], as_of=before_reform)
    assert cells[(INCOME, commune.pk, "2024", "default")].value == 30


def test_a_changed_geography_stops_the_table_until_the_next_recompute(
    seed_plan, commune, submit_income, approve
):
    recompute_results()
    OrgUnit.objects.filter(pk=commune.pk).update(name="Xã đổi tên")
    approve(submit_income("2024", 30))
    assert not ResultTableState.objects.exists()  # no stale figure is ever served from the table
    assert income_cell(commune).value == 30
    recompute_results()
    assert_table_is_fresh()


def test_dashboard_shows_a_value_approved_one_request_earlier(seed_plan, personas, commune, submit_income):
    recompute_results()
    submission = submit_income("2024", 35)
    client = Client()
    client.force_login(personas.owner)
    approved = client.post(reverse("datavalues:decide", args=[submission.pk, "approve"]), {"comment": ""})
    assert approved.status_code in (200, 302), approved.content
    assert Submission.objects.get(pk=submission.pk).status == "approved"
    page = client.get(reverse("analytics:dashboard", args=[seed_plan.code]) + f"?don_vi={commune.pk}")
    html = page.content.decode()
    # Only T2025-01 has data: "achieved" on the page can only come from the value just approved.
    assert page.status_code == 200 and str(STATUS_TEXT[Status.ACHIEVED]) in html
    assert "Chỉ tính số liệu đã được phê duyệt." in html
    assert selectors.stored_table_serves(
        selectors.prepared(as_of=timezone.localdate()), frozenset({ValueStatus.APPROVED})
    )


@override_settings(KEHOACH_DEFINITIONS_MAX_AGE=60.0)
def test_a_refresh_reusing_older_definitions_keeps_a_table_rebuilt_since(
    seed_plan, commune, submit_income, approve
):
    """Refreshes reuse the definitions for a few seconds (decision 0008); one that still holds the
    signature from before a unit was renamed and the table rebuilt must not drop the new table."""
    recompute_results()
    today = timezone.localdate()
    stale = selectors.prepared(as_of=today).signature
    commune.name = commune.name + " (đổi tên)"
    commune.save()
    recompute_results()
    assert ResultTableState.objects.get().signature != stale
    selectors._RECENT[today] = (time.monotonic(), stale)  # what another process may still hold
    approve(submit_income("2024", 25.5))
    assert_table_is_fresh()
    assert income_cell(commune).value == Decimal("25.5")
