"""A unit's own targets: model, service rules (Vietnamese messages), audit and the scope matrix."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from kehoach.accounts.scope import can_set_unit_target
from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import UnitTarget
from kehoach.plans.selectors_unit_targets import target_area, target_milestones, unit_target_rows
from kehoach.plans.services_unit_targets import (
    UnitTargetInput,
    clear_unit_target,
    save_unit_targets,
    set_unit_target,
)

pytestmark = pytest.mark.django_db
INCOME = "T2025-01"  # ≥ 32 million VND per person per year by 2025


@pytest.fixture
def commune(personas) -> OrgUnit:
    unit: OrgUnit = personas.commune.units.get()
    return unit


@pytest.fixture
def neighbour(seed_plan, commune) -> OrgUnit:
    unit = target_area(plan=seed_plan).exclude(pk=commune.pk).filter(level__code="commune").first()
    assert unit is not None
    return unit


def _set(actor, plan, unit, value="30,5", **kw):
    target = plan.targets.get(code=kw.pop("code", INCOME))
    return set_unit_target(
        actor=actor, target=target, unit=unit, data=UnitTargetInput(value, **kw), channel=Channel.WEB
    )


def test_a_commune_sets_its_own_target_read_the_vietnamese_way_and_audited(seed_plan, personas, commune):
    date = dt.date(2024, 1, 5)
    assert _set(
        personas.commune, seed_plan, commune, "30,5", decision_number="12/QĐ-UBND", decision_date=date
    )
    own = UnitTarget.objects.get(target__code=INCOME, unit=commune)
    assert (own.value, own.milestone_year, own.comparator, own.set_by) == (
        Decimal("30.5"),
        2025,
        "",
        personas.commune,
    )
    event = AuditEvent.objects.get(action="plans.unit_target.create", object_id=str(own.pk))
    assert event.actor == personas.commune and event.changes["value"] == [None, "30.5"]
    assert event.changes["decision_number"] == [None, "12/QĐ-UBND"]


def test_changing_audits_old_and_new_and_an_unchanged_save_writes_nothing(seed_plan, personas, commune):
    _set(personas.owner, seed_plan, commune, "30")
    assert _set(personas.owner, seed_plan, commune, "1.234,5") == 1
    event = AuditEvent.objects.get(action="plans.unit_target.update")
    assert event.changes["value"] == ["30.000000", "1234.5"]
    before = AuditEvent.objects.count()
    assert _set(personas.owner, seed_plan, commune, "1.234,5") == 0
    assert AuditEvent.objects.count() == before


def test_clearing_returns_to_the_plans_target_and_is_audited(seed_plan, personas, commune):
    _set(personas.owner, seed_plan, commune, "30")
    target = seed_plan.targets.get(code=INCOME)
    assert clear_unit_target(actor=personas.commune, target=target, unit=commune, channel=Channel.API) == 1
    assert not UnitTarget.objects.exists()
    assert AuditEvent.objects.filter(action="plans.unit_target.delete", channel="api").count() == 1
    assert clear_unit_target(actor=personas.commune, target=target, unit=commune, channel=Channel.API) == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ba mươi", "không phải là số hợp lệ"),
        ("", "Chưa nhập số"),
        ("-1", "không được âm"),
        ("1,1234567", "quá nhiều chữ số"),
    ],
)
def test_a_value_that_is_not_a_vietnamese_decimal_is_refused(seed_plan, personas, commune, value, message):
    with pytest.raises(ValidationFailed) as caught:
        _set(personas.owner, seed_plan, commune, value)
    assert message in caught.value.message and caught.value.message.startswith(INCOME)
    assert (
        not UnitTarget.objects.exists()
        and not AuditEvent.objects.filter(action__startswith="plans.unit").exists()
    )


def test_the_year_must_be_one_of_the_targets_milestones(seed_plan, personas, commune):
    later = seed_plan.targets.filter(quantified=True, milestone_year=2030).exclude(kind="qualitative").first()
    assert target_milestones(target=later) == [2025, 2030]  # earlier, never later than the plan's
    assert _set(personas.owner, seed_plan, commune, "5", code=later.code, milestone_year=2025) == 1
    with pytest.raises(ValidationFailed, match="mốc năm 2030 không thuộc các mốc của chỉ tiêu"):
        _set(personas.owner, seed_plan, commune, "5", milestone_year=2030)


def test_the_unit_must_lie_in_the_plans_area(seed_plan, personas):
    elsewhere = personas.outsider_commune.units.get()  # a commune of another district
    with pytest.raises(ValidationFailed, match="không thuộc địa bàn của kế hoạch"):
        _set(personas.admin, seed_plan, seed_plan.admin_unit, "5")  # the plan's own unit: the plan's value
    with pytest.raises(ValidationFailed, match=f"{elsewhere.name} không thuộc địa bàn của kế hoạch"):
        _set(personas.admin, seed_plan, elsewhere, "5")


def test_a_set_of_rows_is_saved_all_or_nothing_with_every_problem_named(seed_plan, personas, commune):
    rows = {INCOME: UnitTargetInput("31"), "T2025-02": UnitTargetInput("x"), "KHONG-CO": UnitTargetInput("1")}
    with pytest.raises(ValidationFailed) as caught:
        save_unit_targets(actor=personas.owner, plan=seed_plan, unit=commune, rows=rows, channel=Channel.WEB)
    assert len(caught.value.messages) == 2 and "KHONG-CO" in caught.value.messages[1]
    assert not UnitTarget.objects.exists()


def test_one_own_target_per_target_and_unit(seed_plan, commune):
    target = seed_plan.targets.get(code=INCOME)
    UnitTarget.objects.create(target=target, unit=commune, milestone_year=2025, value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitTarget.objects.create(target=target, unit=commune, milestone_year=2025, value=2)


def test_the_rows_show_the_plans_target_beside_the_units(seed_plan, personas, commune):
    _set(personas.owner, seed_plan, commune, "30")
    rows = {r.target.code: r for r in unit_target_rows(plan=seed_plan, unit=commune)}
    assert rows[INCOME].own is not None and rows[INCOME].own.value == 30 and rows[INCOME].target.value == 32
    assert all(r.own is None for code, r in rows.items() if code != INCOME)
    assert all(r.target.kind != "qualitative" for r in rows.values())


# Scope matrix: who may set a target for the commune persona's own commune, and for its neighbour.
OWN = {"admin": True, "owner": True, "commune": True}
NEIGHBOUR = {"admin": True, "owner": True}
NAMES = ["admin", "owner", "finance", "agency", "commune", "viewer", "outsider_owner", "outsider_commune"]


@pytest.mark.parametrize("name", NAMES)
def test_scope_matrix_of_the_predicate(seed_plan, personas, commune, neighbour, name):
    user = getattr(personas, name)
    assert can_set_unit_target(user, seed_plan, commune.pk) is OWN.get(name, False)
    assert can_set_unit_target(user, seed_plan, neighbour.pk) is NEIGHBOUR.get(name, False)


# The service answers 404 out of scope (the plan, or a unit whose data the user may not see), 403
# in scope for a role that may not set targets.
EXPECTED = {
    "finance": PermissionDenied,
    "agency": PermissionDenied,
    "viewer": PermissionDenied,
    "outsider_owner": NotFound,
    "outsider_commune": NotFound,
}


@pytest.mark.parametrize("name", NAMES)
def test_scope_matrix_of_the_service(seed_plan, personas, commune, neighbour, name):
    user = getattr(personas, name)
    error = EXPECTED.get(name)
    if error is None:
        assert _set(user, seed_plan, commune, "30") == 1
    else:
        with pytest.raises(error):
            _set(user, seed_plan, commune, "30")
    neighbour_error = None if name in NEIGHBOUR else (NotFound if name == "commune" else error)
    if neighbour_error is None:
        assert _set(user, seed_plan, neighbour, "30") == 1
    else:
        with pytest.raises(neighbour_error):
            _set(user, seed_plan, neighbour, "30")
