"""Editing plan elements: audited in the same transaction, rules enforced on every path."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from kehoach.audit.models import AuditEvent
from kehoach.core.exceptions import ValidationFailed
from kehoach.plans.services import update_plan_element

pytestmark = pytest.mark.django_db


def test_update_records_old_and_new_values(seed_plan, personas):
    target = seed_plan.targets.filter(quantified=True).first()
    old = target.value
    diff = update_plan_element(
        obj=target,
        changes={"value": Decimal("33.5")},
        actor=personas.owner,
        reason="Điều chỉnh theo nghị quyết",
    )
    assert diff == {"value": [str(old), "33.5"]}
    event = AuditEvent.objects.filter(action="target.update", object_id=str(target.pk)).get()
    assert event.actor == personas.owner and event.reason == "Điều chỉnh theo nghị quyết"
    assert event.changes["value"] == [str(old), "33.5"]


def test_unchanged_values_write_no_audit_row(seed_plan, personas):
    target = seed_plan.targets.first()
    before = AuditEvent.objects.count()
    assert update_plan_element(obj=target, changes={"text": target.text}, actor=personas.owner) == {}
    assert AuditEvent.objects.count() == before


def test_quantified_target_without_value_is_refused(seed_plan, personas):
    target = seed_plan.targets.filter(quantified=True).first()
    with pytest.raises(ValidationFailed) as err:
        update_plan_element(obj=target, changes={"value": None}, actor=personas.owner)
    assert "Chỉ tiêu định lượng phải có" in " ".join(err.value.messages)
    target.refresh_from_db()
    assert target.value is not None


def test_audit_row_and_change_roll_back_together(seed_plan, personas):
    line = seed_plan.budget_lines.first()
    before_events = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        update_plan_element(obj=line, changes={"amount_million_vnd": Decimal("1")}, actor=personas.finance)
        raise RuntimeError("simulated failure after the write")
    line.refresh_from_db()
    assert line.amount_million_vnd != Decimal("1")
    assert AuditEvent.objects.count() == before_events


def test_audit_rows_cannot_be_edited_or_deleted(seed_plan, personas):
    target = seed_plan.targets.first()
    update_plan_element(obj=target, changes={"measure": "đo lường mới"}, actor=personas.owner)
    event = AuditEvent.objects.latest("id")
    event.reason = "sửa lén"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")


def test_edit_form_accepts_vietnamese_numbers_and_shows_history(seed_plan, personas):
    line = seed_plan.budget_lines.filter(parent__isnull=True).first()
    client = Client()
    client.force_login(personas.finance)
    url = reverse("web:edit", args=[seed_plan.code, "budget", line.code])
    page = client.get(url).content.decode()
    assert "1.426.328" in page  # shown the Vietnamese way
    response = client.post(
        url,
        {
            "amount_million_vnd": "1.426.329,5",
            "text": line.text,
            "phase": line.phase,
            "reason": "Số liệu điều chỉnh",
        },
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.amount_million_vnd == Decimal("1426329.5")
    assert "Số liệu điều chỉnh" in client.get(url).content.decode()


def test_edit_form_rejects_ambiguous_number_and_keeps_input(seed_plan, personas):
    line = seed_plan.budget_lines.filter(parent__isnull=True).first()
    client = Client()
    client.force_login(personas.owner)
    url = reverse("web:edit", args=[seed_plan.code, "budget", line.code])
    response = client.post(url, {"amount_million_vnd": "1.42.6", "text": "giữ nguyên nội dung", "phase": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert "không phải là số hợp lệ" in body and "giữ nguyên nội dung" in body


def test_task_assignment_change_is_audited(seed_plan, personas):
    from kehoach.agencies.models import Agency

    task = seed_plan.tasks.first()
    new = list(Agency.objects.filter(kind="sector")[:2])
    diff = update_plan_element(obj=task, changes={"coordinating": new}, actor=personas.owner)
    assert sorted(diff["coordinating"][1]) == sorted(a.code for a in new)
    assert set(task.coordinating.all()) == set(new)
