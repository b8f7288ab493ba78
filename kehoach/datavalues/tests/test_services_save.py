"""save_data_values: the one service under every entry path."""

import datetime as dt
from decimal import Decimal as D

import pytest

from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.datavalues.models import DataValue, DataValueAudit, Submission
from kehoach.datavalues.services import SYSTEM, save_data_values
from kehoach.datavalues.tests.helpers import COMMUNE, PERIOD, open_round, row
from kehoach.indicators.models import ReportingRound

pytestmark = pytest.mark.django_db


def save(ds, rows, actor=SYSTEM, **kw):
    kw.setdefault("channel", Channel.API)
    return save_data_values(actor=actor, data_set=ds, rows=rows, **kw)


def test_creates_values_exactly_with_history_and_one_audit_event(xa, opened):
    summary = save(xa, [row(1, "DS_TONG", "1234"), row(2, "TN_DTTS", "0.1")], reason="nhập lần đầu")
    assert summary.committed and summary.counts["created"] == 2
    value = DataValue.objects.get(element__code="TN_DTTS", unit__key=COMMUNE, period=PERIOD)
    assert value.value == D("0.1") and value.version == 1
    event = AuditEvent.objects.get(action="datavalues.save")
    assert event.changes["created"] == 2 and event.reason == "nhập lần đầu"
    history = DataValueAudit.objects.filter(event=event)
    assert {(h.action, h.old_value, h.new_value, h.channel) for h in history} == {
        ("create", None, D(1234), "api"),
        ("create", None, D("0.1"), "api"),
    }


def test_saving_the_same_values_again_is_unchanged_and_writes_nothing(xa, opened):
    save(xa, [row(1, "DS_TONG", 100)])
    summary = save(xa, [row(1, "DS_TONG", 100)])
    assert summary.counts == {"created": 0, "updated": 0, "unchanged": 1, "rejected": 0, "deleted": 0}
    assert DataValueAudit.objects.count() == 1 and DataValue.objects.get(element__code="DS_TONG").version == 1


def test_update_keeps_old_and_new_in_history(xa, opened):
    save(xa, [row(1, "DS_TONG", 100)])
    summary = save(xa, [row(1, "DS_TONG", 120, comment="điều tra lại")])
    assert summary.counts["updated"] == 1
    h = DataValueAudit.objects.filter(action="update").get()
    assert (h.old_value, h.new_value, h.new_comment) == (D(100), D(120), "điều tra lại")
    assert DataValue.objects.get(element__code="DS_TONG").version == 2


def test_blank_value_soft_deletes_and_a_new_value_brings_it_back(xa, opened):
    save(xa, [row(1, "DS_TONG", 100)])
    summary = save(xa, [row(1, "DS_TONG", None)])
    assert summary.counts["updated"] == 1 and summary.counts["deleted"] == 1
    value = DataValue.objects.get(element__code="DS_TONG")
    assert value.deleted and value.value == D(100) and value.version == 2
    assert save(xa, [row(1, "DS_TONG", 90)]).counts["created"] == 1
    value.refresh_from_db()
    assert (value.deleted, value.value, value.version) == (False, D(90), 3)
    assert list(DataValueAudit.objects.order_by("id").values_list("action", flat=True)) == [
        "create",
        "delete",
        "create",
    ]


def test_counts_always_add_up_to_the_rows_received(xa, opened):
    save(xa, [row(1, "DS_TONG", 100), row(2, "BAN_TONG", 5)])
    rows = [row(1, "DS_TONG", 100), row(2, "BAN_TONG", 6), row(3, "CT_TONG", 3), row(4, "KHONG_CO", 1)]
    summary = save(xa, rows, dry_run=True)
    counts = summary.counts
    assert (
        counts["created"] + counts["updated"] + counts["unchanged"] + counts["rejected"]
        == summary.received
        == 4
    )
    assert (counts["unchanged"], counts["updated"], counts["created"], counts["rejected"]) == (1, 1, 1, 1)


def test_one_bad_row_writes_nothing(xa, opened):
    rows = [row(i, code, 10) for i, code in enumerate(["DS_TONG", "BAN_TONG", "CT_TONG"], 1)]
    rows.append(row(4, "CT_KIEN_CO", "2.5"))
    summary = save(xa, rows)
    assert not summary.committed and summary.counts["rejected"] == 1
    assert DataValue.objects.count() == 0 and not AuditEvent.objects.filter(action="datavalues.save").exists()


def test_dry_run_reports_what_commit_would_do_and_writes_nothing(xa, opened):
    rows = [row(1, "DS_TONG", 100), row(2, "BAN_TONG", 5)]
    preview = save(xa, rows, dry_run=True)
    assert DataValue.objects.count() == 0 and not Submission.objects.exists()
    commit = save(xa, rows)
    assert preview.counts == commit.counts and commit.committed


def test_the_same_key_twice_rejects_both_rows(xa, opened):
    summary = save(xa, [row(1, "DS_TONG", 100), row(2, "DS_TONG", 101), row(3, "BAN_TONG", 5)])
    assert [r.outcome for r in summary.rows] == ["rejected", "rejected", "created"]
    assert "Trùng với dòng 2" in summary.rows[0].problems[0].text
    assert DataValue.objects.count() == 0


def test_stale_version_is_a_conflict_naming_the_current_value(xa, opened):
    save(xa, [row(1, "DS_TONG", 100)])
    save(xa, [row(1, "DS_TONG", 150, version=1)])  # someone else saved first
    summary = save(xa, [row(1, "DS_TONG", 120, version=1)])
    assert summary.conflict and not summary.committed
    assert "người khác sửa (nay là 150)" in summary.rows[0].problems[0].text
    assert DataValue.objects.get(element__code="DS_TONG").value == 150


def test_the_same_form_sent_twice_is_unchanged_not_a_conflict(xa, opened):
    """Back button, double click, the same file uploaded again: nobody else changed anything."""
    save(xa, [row(1, "DS_TONG", 100, version=0)])
    again = save(xa, [row(1, "DS_TONG", 100, version=0)])  # the version the first send saw
    assert again.committed and not again.conflict and again.counts["unchanged"] == 1
    gone = save(xa, [row(1, "DS_TONG", None, version=1)])
    assert gone.committed and gone.counts["deleted"] == 1
    assert save(xa, [row(1, "DS_TONG", None, version=1)]).committed  # deleting again: nothing to do
    assert DataValue.objects.get(element__code="DS_TONG").version == 2


def test_version_zero_means_the_sender_saw_no_value(xa, opened):
    save(xa, [row(1, "DS_TONG", 100)])
    assert save(xa, [row(1, "DS_TONG", 120, version=0)]).conflict


def test_closed_round_refuses_every_row(xa):
    ReportingRound.objects.filter(data_set=xa, period=PERIOD).update(
        opens_on=dt.date(2023, 12, 15), due_on=dt.date(2024, 12, 20), closes_on=dt.date(2025, 1, 31)
    )
    summary = save(xa, [row(1, "DS_TONG", 100)], today=dt.date(2025, 2, 1))
    assert "đã khóa sổ ngày 31/01/2025" in summary.rows[0].problems[0].text
    assert (
        save(xa, [row(1, "DS_TONG", 100)], today=dt.date(2023, 12, 1))
        .rows[0]
        .problems[0]
        .text.count("mở từ ngày 15/12/2023")
        == 1
    )


def test_period_without_round_refuses_writes(xa):
    ReportingRound.objects.filter(data_set=xa, period=PERIOD).delete()
    texts = [p.text for p in save(xa, [row(1, "DS_TONG", 1)]).rows[0].problems]
    assert texts == ["Chưa mở đợt báo cáo cho năm 2024: không nhận số liệu."]


@pytest.mark.parametrize("status", ["submitted", "approved"])
def test_submitted_or_approved_form_refuses_writes(xa, opened, status):
    save(xa, [row(1, "DS_TONG", 100)])
    Submission.objects.filter(data_set=xa).update(status=status)
    summary = save(xa, [row(1, "DS_TONG", 101)])
    assert summary.counts["rejected"] == 1 and "khóa" in summary.rows[0].problems[0].text
    assert DataValue.objects.get(element__code="DS_TONG").value == 100
    # A workbook of every unit re-sends the locked unit's rows as they are: those pass untouched,
    # while a new value in the locked form (a row it did not have) is still refused.
    same = save(xa, [row(1, "DS_TONG", 100)])
    assert same.committed and same.counts["unchanged"] == 1
    added = save(xa, [row(1, "DS_TONG", 100), row(2, "TN_DTTS", 5)])
    assert not added.committed and added.counts["rejected"] == 1 and "khóa" in added.rows[1].problems[0].text


def test_unit_that_did_not_exist_in_the_period_is_refused(xa):
    open_round(xa, "2026")
    summary = save(xa, [row(1, "DS_TONG", 100, period="2026")])
    assert "không tồn tại trong năm 2026" in summary.rows[0].problems[0].text


def test_unit_of_another_level_is_refused(xa, opened):
    summary = save(xa, [row(1, "DS_TONG", 100, unit="gso-legacy:107")])
    assert "khác cấp hoặc ngoài địa bàn" in summary.rows[0].problems[0].text


def test_rule_error_rejects_the_changed_rows_involved(xa, opened):
    summary = save(xa, [row(1, "DS_TONG", 100), row(2, "DS_DTTS", 120)])
    assert [r.outcome for r in summary.rows] == ["rejected", "rejected"]
    assert "lớn hơn “Dân số”" in summary.rows[1].problems[0].text


def test_rule_checks_use_values_already_stored(xa, opened):
    save(xa, [row(1, "DS_TONG", 100)])
    summary = save(xa, [row(1, "DS_DTTS", 120)])
    assert summary.counts["rejected"] == 1


def test_warning_needs_a_comment(ban, village, opened):
    summary = save(ban, [row(1, "HO_TONG", 1500, unit=village.key)])
    assert summary.counts["rejected"] == 1
    assert (
        summary.rows[0].problems[0].text.startswith("Cảnh báo:")
        and "Cần ghi chú" in summary.rows[0].problems[0].text
    )
    summary = save(ban, [row(1, "HO_TONG", 1500, unit=village.key, comment="Bản sáp nhập năm 2024")])
    assert summary.committed and summary.rows[0].problems[0].severity == "warning"


def test_outlier_against_history_needs_a_comment(ban, village):
    for year, households in [("2021", 100), ("2022", 104), ("2023", 98)]:
        open_round(ban, year)
        assert save(ban, [row(1, "HO_TONG", households, unit=village.key, period=year)]).committed
    open_round(ban)
    summary = save(ban, [row(1, "HO_TONG", 400, unit=village.key)])
    assert "khác thường so với 3 kỳ trước" in summary.rows[0].problems[0].text
    assert save(ban, [row(1, "HO_TONG", 101, unit=village.key)]).committed
