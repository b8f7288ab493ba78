"""Writing money: rules, Vietnamese errors, database constraints, and the audit trail written in
the same transaction as the change (old and new values)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.forms import ModelChoiceField

from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.budget import services
from kehoach.budget.inputs import DisbursementInput
from kehoach.budget.models import Allocation, Disbursement, ProgrammeComponent
from kehoach.core.exceptions import Conflict, PermissionDenied, ValidationFailed

from .conftest import make_input

PAY = DisbursementInput(date=dt.date(2023, 5, 10), amount_million_vnd=Decimal("250.5"), reference="UNC 01")


def _events(obj, action):
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action)


def test_creating_an_allocation_is_audited_with_its_values(allocation, personas):
    [event] = _events(allocation, "budget.allocation.create")
    assert event.actor == personas.finance and event.channel == "web"
    assert event.changes["amount_million_vnd"] == [None, "1000"]
    assert event.changes["commune"][1] == allocation.commune.key


def test_updating_records_old_and_new_values_and_nothing_when_unchanged(allocation, personas, commune):
    data = make_input(commune=commune, amount_million_vnd=Decimal("1200.125"), note="Bổ sung")
    assert services.update_allocation(
        actor=personas.finance, allocation=allocation, data=data, channel=Channel.API
    )
    [event] = _events(allocation, "budget.allocation.update")
    assert event.changes == {"amount_million_vnd": ["1000", "1200.125"], "note": ["", "Bổ sung"]}
    assert not services.update_allocation(
        actor=personas.finance, allocation=allocation, data=data, channel=Channel.API
    )
    assert _events(allocation, "budget.allocation.update").count() == 1


def test_deleting_keeps_the_old_values_in_the_trail(allocation, personas):
    pk = allocation.pk
    services.delete_allocation(
        actor=personas.finance, allocation=allocation, channel=Channel.WEB, reason="Nhập nhầm"
    )
    event = AuditEvent.objects.get(object_id=str(pk), action="budget.allocation.delete")
    assert event.changes["amount_million_vnd"] == ["1000", None] and event.reason == "Nhập nhầm"
    assert not Allocation.objects.filter(pk=pk).exists()


def test_an_allocation_with_disbursements_cannot_be_deleted(allocation, personas):
    services.record_disbursement(actor=personas.finance, allocation=allocation, data=PAY, channel=Channel.WEB)
    with pytest.raises(Conflict, match="1 khoản giải ngân"):
        services.delete_allocation(actor=personas.finance, allocation=allocation, channel=Channel.WEB)


def test_disbursements_are_audited_on_create_update_and_delete(allocation, personas):
    d = services.record_disbursement(
        actor=personas.finance, allocation=allocation, data=PAY, channel=Channel.WEB
    )
    assert d.amount_million_vnd == Decimal("250.5")
    changed = DisbursementInput(date=PAY.date, amount_million_vnd=Decimal("300"), reference="UNC 01")
    services.update_disbursement(actor=personas.finance, disbursement=d, data=changed, channel=Channel.WEB)
    pk = d.pk
    services.delete_disbursement(actor=personas.finance, disbursement=d, channel=Channel.WEB)
    actions = list(
        AuditEvent.objects.filter(object_id=str(pk), object_type="budget.disbursement").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == [
        "budget.disbursement.create",
        "budget.disbursement.delete",
        "budget.disbursement.update",
    ]
    update = AuditEvent.objects.get(object_id=str(pk), action="budget.disbursement.update")
    assert update.changes == {"amount_million_vnd": ["250.5", "300"]}


def test_a_failing_audit_write_leaves_no_money_written(personas, seed_plan):
    before = Allocation.objects.count()
    with (
        mock.patch("kehoach.budget.services.record_event", side_effect=RuntimeError("audit down")),
        pytest.raises(RuntimeError),
    ):
        services.create_allocation(
            actor=personas.finance, plan=seed_plan, data=make_input(), channel=Channel.WEB
        )
    assert Allocation.objects.count() == before


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"amount_million_vnd": Decimal("-1")}, "không được âm"),
        ({"amount_million_vnd": Decimal("1.0001")}, "3 chữ số thập phân"),
        ({"year": 2019}, "ngoài thời gian của chương trình"),
        ({"carried_from_year": 2023}, "phải trước năm giao vốn"),
        ({"decision_date": dt.date(2024, 1, 2)}, "sau năm giao vốn"),
        ({"kind": "total"}, "vốn đầu tư hoặc vốn sự nghiệp"),
    ],
)
def test_invalid_allocations_are_refused_in_vietnamese(personas, seed_plan, changes, words):
    with pytest.raises(ValidationFailed) as info:
        services.create_allocation(
            actor=personas.finance, plan=seed_plan, data=make_input(**changes), channel=Channel.WEB
        )
    assert any(words in m for m in info.value.messages)


def test_a_component_of_another_programme_is_refused(personas, seed_plan):
    other = ProgrammeComponent.objects.get(programme__code="CTMTQG-GN", code="DA2")
    with pytest.raises(ValidationFailed, match="không thuộc chương trình"):
        services.create_allocation(
            actor=personas.finance, plan=seed_plan, data=make_input(component=other), channel=Channel.WEB
        )


def test_the_same_line_twice_is_a_conflict_naming_the_first(allocation, personas, seed_plan, commune):
    data = make_input(commune=commune, decision_number="12/qđ-ubnd ")  # same decision, typed differently
    with pytest.raises(Conflict, match=allocation.ref):
        services.create_allocation(actor=personas.finance, plan=seed_plan, data=data, channel=Channel.WEB)


@pytest.mark.parametrize("persona", ["owner", "agency", "commune", "viewer", "outsider_owner"])
def test_only_the_finance_office_and_admins_record_money(personas, seed_plan, persona):
    with pytest.raises(PermissionDenied, match="Phòng Tài chính - Kế hoạch"):
        services.create_allocation(
            actor=getattr(personas, persona), plan=seed_plan, data=make_input(), channel=Channel.WEB
        )
    assert services.create_allocation(
        actor=personas.admin, plan=seed_plan, data=make_input(), channel=Channel.WEB
    ).pk


@pytest.mark.parametrize(
    "field_values",
    [{"amount_million_vnd": Decimal("-5")}, {"year": 2023, "carried_from_year": 2024}, {"source": "total"}],
)
def test_the_database_refuses_what_the_services_refuse(allocation, field_values):
    for name, value in field_values.items():
        setattr(allocation, name, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        allocation.save()


def test_the_database_refuses_a_zero_or_unreferenced_disbursement(allocation):
    for values in (
        {"amount_million_vnd": Decimal(0), "reference": "A"},
        {"amount_million_vnd": Decimal(1), "reference": ""},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Disbursement.objects.create(allocation=allocation, date=dt.date(2023, 1, 1), **values)


def test_the_alert_policy_is_a_setting_with_defaults(db):
    from kehoach.budget.models import AlertPolicy
    from kehoach.budget.selectors import alert_schedule

    assert alert_schedule().grace_days == 25 and alert_schedule().expected_percent[1] == Decimal(50)
    AlertPolicy.objects.create(q1_percent=20, q2_percent=45, q3_percent=70, tolerance_points=5, grace_days=15)
    schedule = alert_schedule()
    assert (schedule.expected_percent[0], schedule.tolerance_points, schedule.grace_days) == (
        Decimal(20),
        Decimal(5),
        15,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AlertPolicy.objects.create(q1_percent=60, q2_percent=50)


def test_money_for_a_year_after_a_commune_ended_goes_to_the_commune_formed_from_it(
    personas, seed_plan, commune
):
    assert commune.valid_to is not None  # the persona's commune ended on 30/06/2025
    later = make_input(commune=commune, year=2026)
    with pytest.raises(ValidationFailed) as refused:
        services.create_allocation(actor=personas.finance, plan=seed_plan, data=later, channel=Channel.WEB)
    assert "chỉ tồn tại đến ngày 30/06/2025" in refused.value.message
    earlier = make_input(commune=commune, year=2025)
    services.create_allocation(actor=personas.finance, plan=seed_plan, data=earlier, channel=Channel.WEB)


def test_the_commune_choice_says_which_communes_ended(personas, seed_plan):
    from kehoach.budget.forms import AllocationForm

    field = AllocationForm(plan=seed_plan, user=personas.finance).fields["commune"]
    assert isinstance(field, ModelChoiceField)
    labels = [field.label_from_instance(unit) for unit in field.queryset]
    assert any(label.endswith("(đến 30/06/2025)") for label in labels)
