"""The approval workflow: draft → submitted → approved (locked) or returned; reopening needs a reason."""

import pytest

from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.core.exceptions import Conflict, NotFound, PermissionDenied, ValidationFailed
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import (
    approve_submission,
    reopen_submission,
    return_submission,
    save_data_values,
    submit_submission,
)
from kehoach.datavalues.tests.helpers import PERIOD, row

pytestmark = pytest.mark.django_db
REQUIRED = [("DS_TONG", 100), ("DS_DTTS", 80), ("SO_XA", 1), ("BAN_TONG", 5), ("CBCC_XA_TONG", 20)]


@pytest.fixture
def filled(xa, personas, commune, opened):
    rows = [row(i, code, v) for i, (code, v) in enumerate(REQUIRED, 1)]
    assert save_data_values(actor=personas.commune, data_set=xa, rows=rows, channel=Channel.WEB).committed
    return xa


def submit(personas, ds, commune, who="commune"):
    return submit_submission(
        actor=getattr(personas, who), data_set=ds, unit=commune, period=PERIOD, channel=Channel.WEB
    )


def test_commune_submits_and_owner_approves_and_data_is_locked(filled, personas, commune):
    sub = submit(personas, filled, commune)
    assert sub.status == "submitted" and sub.submitted_by == personas.commune
    sub = approve_submission(actor=personas.owner, submission=sub, channel=Channel.WEB, comment="Đạt")
    assert sub.status == "approved" and sub.decided_by == personas.owner
    summary = save_data_values(
        actor=personas.commune, data_set=filled, rows=[row(1, "DS_TONG", 101)], channel=Channel.WEB
    )
    assert summary.counts["rejected"] == 1 and "phê duyệt" in summary.rows[0].problems[0].text
    actions = set(
        AuditEvent.objects.filter(object_type="datavalues.submission").values_list("action", flat=True)
    )
    assert actions == {"submission.submit", "submission.approve"}


def test_submission_is_refused_while_required_values_are_missing(xa, personas, commune, opened):
    save_data_values(actor=personas.commune, data_set=xa, rows=[row(1, "DS_TONG", 100)], channel=Channel.WEB)
    with pytest.raises(ValidationFailed) as exc:
        submit(personas, xa, commune)
    assert any(
        "Dân số là người dân tộc thiểu số" in m and "chưa nhập tổng số" in m for m in exc.value.messages
    )


def test_empty_form_cannot_be_submitted(xa, personas, commune, opened):
    with pytest.raises(ValidationFailed, match="Chưa có số liệu"):
        submit(personas, xa, commune)


def test_returning_needs_a_comment_and_reopens_entry(filled, personas, commune):
    sub = submit(personas, filled, commune)
    with pytest.raises(ValidationFailed):
        return_submission(actor=personas.owner, submission=sub, comment="  ", channel=Channel.WEB)
    sub = return_submission(
        actor=personas.owner, submission=sub, comment="Kiểm tra lại dân số", channel=Channel.WEB
    )
    assert sub.status == "returned" and sub.comment == "Kiểm tra lại dân số"
    summary = save_data_values(
        actor=personas.commune, data_set=filled, rows=[row(1, "DS_TONG", 101)], channel=Channel.WEB
    )
    assert summary.committed


def test_reopening_an_approved_form_needs_a_recorded_reason(filled, personas, commune):
    sub = approve_submission(
        actor=personas.owner, submission=submit(personas, filled, commune), channel=Channel.WEB
    )
    with pytest.raises(ValidationFailed, match="lý do"):
        reopen_submission(actor=personas.owner, submission=sub, reason="", channel=Channel.WEB)
    sub = reopen_submission(
        actor=personas.owner, submission=sub, reason="Sai số hộ nghèo", channel=Channel.WEB
    )
    assert sub.status == "returned"
    assert AuditEvent.objects.get(action="submission.reopen").reason == "Sai số hộ nghèo"


def test_commune_officer_cannot_approve_its_own_commune(filled, personas, commune):
    sub = submit(personas, filled, commune)
    with pytest.raises(PermissionDenied):
        approve_submission(actor=personas.commune, submission=sub, channel=Channel.WEB)


def test_nobody_approves_what_they_submitted(filled, personas, commune):
    sub = submit(personas, filled, commune, who="owner")
    with pytest.raises(PermissionDenied, match="chính mình"):
        approve_submission(actor=personas.owner, submission=sub, channel=Channel.WEB)
    assert approve_submission(actor=personas.admin, submission=sub, channel=Channel.WEB).status == "approved"


def test_outsiders_get_not_found(filled, personas, commune):
    sub = submit(personas, filled, commune)
    for who in ("outsider_owner", "outsider_commune"):
        with pytest.raises(NotFound):
            approve_submission(actor=getattr(personas, who), submission=sub, channel=Channel.WEB)
    with pytest.raises(NotFound):
        submit(personas, filled, commune, who="outsider_commune")


def test_viewer_and_finance_cannot_submit(filled, personas, commune):
    for who in ("viewer", "finance"):
        with pytest.raises(PermissionDenied):
            submit(personas, filled, commune, who=who)


def test_agency_officer_submits_only_forms_its_agency_sends(filled, huyen, personas, commune):
    with pytest.raises(PermissionDenied):
        submit(personas, filled, commune, who="agency")


def test_stale_workflow_action_is_a_conflict(filled, personas, commune):
    sub = submit(personas, filled, commune)
    with pytest.raises(Conflict):
        approve_submission(
            actor=personas.owner, submission=sub, channel=Channel.WEB, expected_version=sub.version - 1
        )


def test_only_submitted_forms_can_be_approved(filled, personas, commune):
    sub = Submission.objects.get(data_set=filled, unit=commune, period=PERIOD)
    with pytest.raises(ValidationFailed):
        approve_submission(actor=personas.owner, submission=sub, channel=Channel.WEB)
