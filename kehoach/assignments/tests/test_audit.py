"""Every write of task tracking is audited in the same transaction as the change."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.agencies.models import Agency
from kehoach.assignments import link_services, reassign, services
from kehoach.assignments import models as am
from kehoach.assignments.tests import samples as s
from kehoach.assignments.tests.conftest import TODAY
from kehoach.audit.models import AuditEvent


def _events(action):
    return list(AuditEvent.objects.filter(action=action))


def test_progress_report_is_audited_with_old_and_new_values(personas, task):
    t = task("NV-CY-c.b1")
    services.record_progress(
        task=t,
        actor=personas.agency,
        narrative="Đã triển khai",
        percent=Decimal(25),
        files=[s.Upload("a.txt", s.TEXT)],
    )
    (event,) = _events("assignments.progress.report")
    assert event.actor == personas.agency and event.object_id == str(t.pk) and event.channel == "web"
    assert event.changes["percent_complete"] == ["0.00", "25.00"]
    assert event.changes["status"] == ["not_started", "in_progress"]
    assert event.changes["evidence"] == ["a.txt"]


def test_tracking_links_and_weights_are_audited(personas, task, seed_plan):
    services.update_tracking(
        task=task("NV-CY-d.b1"), actor=personas.owner, values={"due_year": 2025}, reason="Theo chỉ đạo"
    )
    services.set_subtask_weights(
        parent=task("NV-CY-d"), weights={"NV-CY-d.b1": Decimal(3)}, actor=personas.owner
    )
    link_services.link_target(task=task("NV-CY-d.b1"), target=seed_plan.targets.first(), actor=personas.owner)
    assert _events("assignments.tracking.update")[0].reason == "Theo chỉ đạo"
    assert _events("assignments.weights.update")[0].changes == {"NV-CY-d.b1": ["1.00", "3"]}
    assert len(_events("assignments.link.target.add")) == 1


def _fail_after_audit(monkeypatch, module):
    original = module.record_event

    def record_then_fail(**kwargs):
        original(**kwargs)
        raise RuntimeError("hỏng sau khi ghi nhật ký")

    monkeypatch.setattr(module, "record_event", record_then_fail)


def test_a_failure_after_the_audit_rolls_back_change_audit_and_files(
    personas, task, monkeypatch, evidence_root
):
    _fail_after_audit(monkeypatch, services)
    t = task("NV-CY-c.b1")
    with pytest.raises(RuntimeError):
        services.record_progress(
            task=t, actor=personas.owner, narrative="x", percent=Decimal(50), files=[s.Upload("a.pdf", s.PDF)]
        )
    assert not AuditEvent.objects.filter(action="assignments.progress.report").exists()
    assert not am.ProgressReport.objects.exists() and not am.TaskTracking.objects.filter(task=t).exists()
    assert not any(p.is_file() for p in evidence_root.rglob("*"))


def test_a_failed_reassignment_leaves_no_trace(personas, seed_plan, task, monkeypatch):
    _fail_after_audit(monkeypatch, reassign)
    with pytest.raises(RuntimeError):
        reassign.reassign_ceased_agency(
            plan=seed_plan,
            agency=Agency.objects.get(code="MT-PDT"),
            actor=personas.owner,
            reason="x",
            today=TODAY,
        )
    assert task("NV-DP-a").lead.code == "MT-PDT"
    assert not am.Reassignment.objects.exists()
    assert not AuditEvent.objects.filter(action="assignments.task.reassign").exists()


def test_api_writes_are_audited_with_the_api_channel(personas, seed_plan):
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(personas.owner)
    url = reverse("api:assignments-report-list", args=[seed_plan.code, "NV-CY-c.b1"])
    assert client.post(url, {"narrative": "Qua API"}).status_code == 201
    assert _events("assignments.progress.report")[0].channel == "api"
