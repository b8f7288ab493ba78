"""Reassignment of open tasks from bodies that ceased on 01/7/2025 to their successors, with history."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.agencies.models import Agency
from kehoach.assignments import models as am
from kehoach.assignments.reassign import reassign_ceased_agency, reassign_task_to_successor
from kehoach.assignments.selectors import active_successors, ceased_agencies
from kehoach.assignments.services import update_tracking
from kehoach.assignments.tests.conftest import TODAY
from kehoach.audit.models import AuditEvent
from kehoach.core.exceptions import PermissionDenied, ValidationFailed
from kehoach.plans.selectors import plan_export

REASON = "Sắp xếp tổ chức bộ máy, chấm dứt hoạt động cấp huyện từ 01/7/2025"


def _agency(code):
    return Agency.objects.get(code=code)


def test_ethnic_affairs_tasks_move_to_the_provincial_department_by_default(personas, seed_plan, task):
    pdt = _agency("MT-PDT")
    update_tracking(task=task("NV-GP-c.b1"), actor=personas.owner, values={}, status="done")
    result = reassign_ceased_agency(
        plan=seed_plan, agency=pdt, actor=personas.owner, reason=REASON, today=TODAY
    )
    assert result.tasks > 10
    moved = task("NV-DP-a")
    assert moved.lead.code == "LC-SDTTG"
    coordinating = {a.code for a in moved.coordinating.all()}
    assert "MT-PDT" not in coordinating and "LC-UBND-X-2025-3433-VHXH" in coordinating
    # A task the old office finished stays with it: it is history.
    assert task("NV-GP-c.b1").lead.code == "MT-PDT"
    # Where it only coordinated, every successor coordinates and it is gone.
    c_b1 = task("NV-CY-c.b1")
    assert c_b1.lead.code == "MT-GDDT" and "MT-PDT" not in {a.code for a in c_b1.coordinating.all()}
    history = am.Reassignment.objects.filter(task=moved)
    assert {(h.role, h.from_agency.code) for h in history} >= {("lead", "MT-PDT"), ("coordinating", "MT-PDT")}
    assert all(h.reason == REASON and h.actor_name == personas.owner.username for h in history)


def test_the_export_shows_the_new_lead(personas, seed_plan):
    reassign_ceased_agency(
        plan=seed_plan, agency=_agency("MT-PDT"), actor=personas.owner, reason=REASON, today=TODAY
    )
    tasks = {t["code"]: t for t in plan_export(plan=seed_plan)["tasks"]}
    assert tasks["NV-DP-a"]["lead"] == "LC-SDTTG"


def test_several_successors_at_the_same_level_need_a_choice(personas, seed_plan, task):
    gddt = _agency("MT-GDDT")
    with pytest.raises(ValidationFailed, match="chọn cơ quan chủ trì mới"):
        reassign_ceased_agency(plan=seed_plan, agency=gddt, actor=personas.owner, reason=REASON, today=TODAY)
    chosen = _agency("LC-UBND-X-2025-3445-VHXH")
    reassign_ceased_agency(
        plan=seed_plan,
        agency=gddt,
        actor=personas.owner,
        reason=REASON,
        lead_successor=chosen,
        others_coordinate=False,
        today=TODAY,
    )
    t = task("NV-CY-c.b1")
    assert t.lead == chosen
    assert not {a.code for a in t.coordinating.all()} & {"LC-UBND-X-2025-3433-VHXH"}


def test_an_agency_still_operating_is_not_reassigned(personas, seed_plan):
    with pytest.raises(ValidationFailed, match="chưa chấm dứt"):
        reassign_ceased_agency(
            plan=seed_plan,
            agency=_agency("MT-PDT"),
            actor=personas.owner,
            reason=REASON,
            today=_agency("MT-PDT").valid_to,
        )


def test_a_reason_is_required(personas, seed_plan):
    with pytest.raises(ValidationFailed, match="lý do"):
        reassign_ceased_agency(
            plan=seed_plan, agency=_agency("MT-PDT"), actor=personas.owner, reason=" ", today=TODAY
        )


@pytest.mark.parametrize("persona", ["agency", "finance", "viewer", "commune", "outsider_owner"])
def test_only_plan_owners_reassign(personas, seed_plan, persona):
    with pytest.raises(PermissionDenied):
        reassign_ceased_agency(
            plan=seed_plan,
            agency=_agency("MT-PDT"),
            actor=getattr(personas, persona),
            reason=REASON,
            today=TODAY,
        )


def test_one_task_moves_to_a_chosen_successor_with_history_and_audit(personas, task):
    t = task("NV-CY-d.b1")
    successor = _agency("LC-UBND-X-2025-3433-VHXH")
    assert successor in active_successors(_agency("MT-YT"), on=TODAY)
    reassign_task_to_successor(
        task=t,
        from_agency=_agency("MT-YT"),
        to_agency=successor,
        actor=personas.owner,
        reason=REASON,
        today=TODAY,
    )
    t.refresh_from_db()
    assert t.lead == successor
    event = AuditEvent.objects.filter(action="assignments.task.reassign", object_id=str(t.pk)).get()
    assert event.changes["lead"] == ["MT-YT", "LC-UBND-X-2025-3433-VHXH"] and event.reason == REASON


def test_a_non_successor_is_refused(personas, task):
    with pytest.raises(ValidationFailed, match="không phải cơ quan kế thừa"):
        reassign_task_to_successor(
            task=task("NV-CY-d.b1"),
            from_agency=_agency("MT-YT"),
            to_agency=_agency("LC-CA"),
            actor=personas.owner,
            reason=REASON,
            today=TODAY,
        )


def test_successor_chains_are_followed_to_bodies_still_operating(db):
    # The provincial ethnic board ceased in 2025; its successor is the new department.
    assert [a.code for a in active_successors(_agency("LC-BDT"), on=TODAY)] == ["LC-SDTTG"]


def test_ceased_agencies_lists_bodies_holding_open_tasks(seed_plan):
    listed = {c.agency.code: c for c in ceased_agencies(plan=seed_plan, today=TODAY)}
    assert listed["MT-PDT"].default_lead.code == "LC-SDTTG"
    assert listed["MT-GDDT"].default_lead is None and listed["MT-GDDT"].lead_tasks > 0
    # On 30/6/2025 the district offices still operate; only the district police had ceased (28/2).
    on_last_day = ceased_agencies(plan=seed_plan, today=_agency("MT-PDT").valid_to)
    assert [c.agency.code for c in on_last_day] == ["MT-CA"]


def test_after_reassignment_the_successor_leads_with_full_rights(personas, successor_officer, task):
    from kehoach.assignments.services import record_progress

    t = task("NV-CY-d.b1")
    with pytest.raises(PermissionDenied):  # inherited: may report, not set the percent
        record_progress(task=t, actor=successor_officer, narrative="x", percent=Decimal(10), today=TODAY)
    reassign_task_to_successor(
        task=t,
        from_agency=_agency("MT-YT"),
        to_agency=successor_officer.agency,
        actor=personas.owner,
        reason=REASON,
        today=TODAY,
    )
    t.refresh_from_db()
    record_progress(
        task=t, actor=successor_officer, narrative="Đã triển khai", percent=Decimal(10), today=TODAY
    )
    assert am.TaskTracking.objects.get(task=t).percent_complete == Decimal(10)
