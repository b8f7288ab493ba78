"""Services: tracking, progress reports with evidence, weights, links, and the reads built on them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kehoach.assignments import link_services
from kehoach.assignments import models as am
from kehoach.assignments.selectors import agency_task_rows, overdue_rows, task_rows
from kehoach.assignments.services import record_progress, set_subtask_weights, update_tracking
from kehoach.assignments.tests import samples as s
from kehoach.assignments.tests.conftest import TODAY
from kehoach.core.exceptions import Conflict, PermissionDenied, ValidationFailed

D = Decimal


def _row(plan, code, today=TODAY):
    return next(r for r in task_rows(plan=plan, today=today) if r.task.code == code)


def test_a_task_without_tracking_is_not_started_at_zero(seed_plan):
    row = _row(seed_plan, "NV-CY-c.b1")
    assert (row.status, row.percent, row.due_on) == ("not_started", D(0), None)


def test_update_tracking_sets_the_due_date_from_the_deadline_or_the_year(personas, task):
    t = task("NV-CY-c.b1")
    update_tracking(task=t, actor=personas.owner, values={"due_year": 2025, "expected_output": "Báo cáo"})
    assert am.TaskTracking.objects.get(task=t).due_on == dt.date(2025, 12, 31)
    update_tracking(task=t, actor=personas.owner, values={"deadline": dt.date(2025, 6, 30)})
    assert am.TaskTracking.objects.get(task=t).due_on == dt.date(2025, 6, 30)


def test_update_tracking_refuses_a_stale_version(personas, task):
    t = task("NV-CY-c.b1")
    update_tracking(task=t, actor=personas.owner, values={"due_year": 2025})
    with pytest.raises(Conflict):
        update_tracking(task=t, actor=personas.owner, values={"due_year": 2026}, expected_version=0)


def test_only_plan_owners_edit_tracking(personas, task):
    with pytest.raises(PermissionDenied):
        update_tracking(task=task("NV-CY-c.b1"), actor=personas.agency, values={"due_year": 2025})


def test_status_of_a_parent_task_cannot_be_set_directly(personas, task):
    with pytest.raises(ValidationFailed, match="nhiệm vụ con"):
        update_tracking(task=task("NV-CY-c"), actor=personas.owner, values={}, percent=D(50))


def test_progress_report_moves_status_and_percent_and_stores_evidence(personas, task, evidence_root):
    t = task("NV-CY-c.b1")  # led by the agency persona's office
    report = record_progress(
        task=t,
        actor=personas.agency,
        narrative="Đã mở 12 lớp xóa mù chữ.",
        reported_on=TODAY,
        percent=D(40),
        files=[s.Upload("Biên bản.pdf", s.PDF), s.Upload("ảnh lớp học.png", s.png())],
        today=TODAY,
    )
    tracking = am.TaskTracking.objects.get(task=t)
    assert (tracking.status, tracking.percent_complete) == ("in_progress", D(40))
    stored = list(report.evidence.all())
    assert [e.original_name for e in stored] == ["Biên bản.pdf", "ảnh lớp học.png"]
    for e in stored:
        path = evidence_root / "evidence" / e.stored_name
        assert path.is_file() and "Biên" not in e.stored_name and "ảnh" not in e.stored_name
        assert e.stored_name.endswith((".pdf", ".png")) and len(e.stored_name.split("/")[-1]) == 36
    assert report.agency == personas.agency.agency


def test_a_rejected_file_stores_nothing_at_all(personas, task, evidence_root):
    t = task("NV-CY-c.b1")
    with pytest.raises(ValidationFailed, match="chạy được"):
        record_progress(
            task=t,
            actor=personas.agency,
            narrative="Kèm tệp",
            percent=D(40),
            files=[s.Upload("ok.pdf", s.PDF), s.Upload("virus.pdf", b"MZ" + b"\x00" * 64)],
            today=TODAY,
        )
    assert not am.ProgressReport.objects.filter(task=t).exists()
    assert not am.Evidence.objects.exists()
    assert not am.TaskTracking.objects.filter(task=t).exists()
    assert not evidence_root.exists() or not any(p.is_file() for p in evidence_root.rglob("*"))


def test_file_count_limits_are_settings(settings, personas, task):
    settings.KEHOACH_EVIDENCE_MAX_FILES_PER_REPORT = 2
    with pytest.raises(ValidationFailed, match="tối đa 2 tệp"):
        record_progress(
            task=task("NV-CY-c.b1"),
            actor=personas.owner,
            narrative="Ba tệp",
            files=[s.Upload(f"t{i}.txt", s.TEXT) for i in range(3)],
            today=TODAY,
        )


def test_report_needs_a_narrative_and_a_date_not_in_the_future(personas, task):
    with pytest.raises(ValidationFailed) as exc:
        record_progress(
            task=task("NV-CY-c.b1"),
            actor=personas.owner,
            narrative="   ",
            reported_on=TODAY + dt.timedelta(days=1),
            today=TODAY,
        )
    assert len(exc.value.messages) == 2


def test_parent_progress_is_the_weighted_rollup_of_its_subtasks(personas, task, seed_plan):
    for code, pct in [("NV-CY-d.b1", 100), ("NV-CY-d.b2", 50), ("NV-CY-d.b3", 0)]:
        update_tracking(task=task(code), actor=personas.owner, values={}, percent=D(pct))
    assert _row(seed_plan, "NV-CY-d").percent == D("50.00")
    changed = set_subtask_weights(
        parent=task("NV-CY-d"), weights={"NV-CY-d.b1": D(2), "NV-CY-d.b3": D(0)}, actor=personas.owner
    )
    assert changed == 2
    assert _row(seed_plan, "NV-CY-d").percent == D("83.33")  # (2*100 + 1*50 + 0*0) / 3


def test_weights_belong_to_subtasks_of_the_task(personas, task):
    with pytest.raises(ValidationFailed, match="không phải nhiệm vụ con"):
        set_subtask_weights(parent=task("NV-CY-d"), weights={"NV-CY-c.b1": D(1)}, actor=personas.owner)


def test_overdue_list_uses_the_given_day(personas, task, seed_plan):
    update_tracking(task=task("NV-CY-c.b1"), actor=personas.owner, values={"deadline": dt.date(2025, 6, 30)})
    assert [r.task.code for r in overdue_rows(plan=seed_plan, today=TODAY)] == ["NV-CY-c.b1"]
    assert overdue_rows(plan=seed_plan, today=dt.date(2025, 6, 30)) == []


def test_links_are_idempotent_and_stay_within_the_plan(personas, task, seed_plan):
    t = task("NV-CY-c.b1")
    target = seed_plan.targets.get(code="T2025-13")
    assert link_services.link_target(task=t, target=target, actor=personas.owner)
    assert not link_services.link_target(task=t, target=target, actor=personas.owner)
    assert link_services.unlink_target(task=t, target=target, actor=personas.owner)
    line = seed_plan.budget_lines.get(code="NS-1719-TW-SN")
    assert link_services.link_budget_line(task=t, budget_line=line, actor=personas.owner)
    with pytest.raises(PermissionDenied):
        link_services.link_target(task=t, target=target, actor=personas.agency)


def test_my_tasks_include_tasks_inherited_through_succession(successor_officer, seed_plan):
    from kehoach.agencies.models import Agency

    rows = agency_task_rows(user=successor_officer, agency=successor_officer.agency, today=TODAY)
    codes = {r.task.code: r for r in rows}
    assert "NV-CY-c.b1" in codes  # led by the district education office, a predecessor
    row = codes["NV-CY-c.b1"]
    assert row.role == "lead" and row.inherited_from == [Agency.objects.get(code="MT-GDDT")]


def test_my_tasks_of_an_agency_list_lead_and_coordinating_roles(personas):
    rows = agency_task_rows(user=personas.agency, agency=personas.agency.agency, today=TODAY)
    roles = {r.task.code: r.role for r in rows}
    assert roles["NV-CY-c.b1"] == "lead" and roles["NV-DP-c"] == "coordinating"
    assert "NV-CY-d.b1" not in roles
