"""Writes of money records: allowed by kehoach.accounts.scope.can_record_money, validated, audited
in the same transaction (old and new values), and raised as Vietnamese domain errors."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.db import IntegrityError, transaction

from kehoach.accounts.scope import can_record_money
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.budget.inputs import (
    AllocationInput,
    DisbursementInput,
    allocation_problems,
    changes_between,
    clean_values,
    disbursement_problems,
    key_of,
    snapshot,
)
from kehoach.budget.models import Allocation, Disbursement
from kehoach.budget.selectors import over_plan
from kehoach.core.exceptions import Conflict, PermissionDenied, ValidationFailed
from kehoach.core.text import nfc
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan

MONEY_ONLY = "Chỉ Phòng Tài chính - Kế hoạch (trong phạm vi được giao) mới được ghi giao vốn và giải ngân."


def _require(actor: Any, plan: Plan, commune: OrgUnit | None) -> None:
    if not can_record_money(actor, plan):
        raise PermissionDenied(MONEY_ONLY)
    if commune is not None and not can_record_money(actor, plan, commune):
        raise PermissionDenied(f"“{commune}” nằm ngoài phạm vi của bạn.")


def _save(obj: Allocation | Disbursement, duplicate: str) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise Conflict(duplicate) from exc


def _duplicate(plan: Plan, data: AllocationInput, exclude: int | None = None) -> None:
    same = Allocation.objects.filter(plan=plan, natural_key=key_of(data))
    found = (same.exclude(pk=exclude) if exclude is not None else same).first()
    if found is not None:
        raise Conflict(
            f"Đã có dòng giao vốn {found.ref} cùng chương trình, dự án, nguồn, loại vốn, năm, xã, cơ quan "
            "và số quyết định; hãy sửa dòng đó thay vì tạo mới."
        )


CONFIRM_OVER_PLAN = "Nếu số tiền đúng (kế hoạch vốn đã được điều chỉnh), hãy đánh dấu xác nhận rồi ghi lại."


def _check_plan(plan: Plan, data: AllocationInput, confirmed: bool, exclude: int | None = None) -> None:
    warning = over_plan(
        plan=plan,
        programme_id=data.programme.pk,
        programme_code=data.programme.code,
        year=data.year,
        change=data.amount_million_vnd,
        exclude=exclude,
    )
    if warning and not confirmed:
        raise ValidationFailed(f"{warning} {CONFIRM_OVER_PLAN}", messages=[warning, CONFIRM_OVER_PLAN])


@transaction.atomic
def create_allocation(
    *,
    actor: Any,
    plan: Plan,
    data: AllocationInput,
    channel: Channel | str,
    reason: str = "",
    confirmed: bool = False,
) -> Allocation:
    """`confirmed`: the sender saw that the amount takes the programme past the plan and means it."""
    _require(actor, plan, data.commune)
    problems = allocation_problems(plan=plan, data=data)
    if problems:
        raise ValidationFailed(problems[0], messages=problems)
    _check_plan(plan, data, confirmed)
    _duplicate(plan, data)
    allocation = Allocation(plan=plan, **clean_values(data))
    _save(allocation, "Dòng giao vốn này đã có.")
    new = snapshot(allocation)
    record_event(
        actor=actor,
        action="budget.allocation.create",
        obj=allocation,
        changes=changes_between({}, new),
        channel=channel,
        reason=reason,
    )
    return allocation


@transaction.atomic
def update_allocation(
    *,
    actor: Any,
    allocation: Allocation,
    data: AllocationInput,
    channel: Channel | str,
    reason: str = "",
    confirmed: bool = False,
) -> bool:
    """Returns whether anything changed (nothing is written or audited otherwise)."""
    _require(actor, allocation.plan, allocation.commune)
    _require(actor, allocation.plan, data.commune)
    problems = allocation_problems(plan=allocation.plan, data=data)
    if problems:
        raise ValidationFailed(problems[0], messages=problems)
    if (
        data.amount_million_vnd > allocation.amount_million_vnd
        or data.programme.pk != allocation.programme_id
    ):
        _check_plan(allocation.plan, data, confirmed, exclude=allocation.pk)
    old = snapshot(allocation)
    for name, value in clean_values(data).items():
        if name != "is_demo":
            setattr(allocation, name, value)
    changes = changes_between(old, snapshot(allocation))
    if not changes:
        return False
    _duplicate(allocation.plan, data, exclude=allocation.pk)
    _save(allocation, "Dòng giao vốn này đã có.")
    record_event(
        actor=actor,
        action="budget.allocation.update",
        obj=allocation,
        changes=changes,
        channel=channel,
        reason=reason,
    )
    return True


@transaction.atomic
def delete_allocation(
    *, actor: Any, allocation: Allocation, channel: Channel | str, reason: str = ""
) -> None:
    _require(actor, allocation.plan, allocation.commune)
    count = allocation.disbursements.count()
    if count:
        raise Conflict(
            f"Dòng giao vốn {allocation.ref} đã có {count} khoản giải ngân; hãy xóa các khoản đó trước."
        )
    record_event(
        actor=actor,
        action="budget.allocation.delete",
        obj=allocation,
        changes={k: [v, None] for k, v in snapshot(allocation).items()},
        channel=channel,
        reason=reason,
    )
    allocation.delete()


@transaction.atomic
def record_disbursement(
    *, actor: Any, allocation: Allocation, data: DisbursementInput, channel: Channel | str, reason: str = ""
) -> Disbursement:
    _require(actor, allocation.plan, allocation.commune)
    problems = disbursement_problems(data=data)
    if problems:
        raise ValidationFailed(problems[0], messages=problems)
    disbursement = Disbursement(
        allocation=allocation,
        **{**asdict(data), "reference": nfc(data.reference).strip(), "note": nfc(data.note).strip()},
    )
    _save(disbursement, f"Đã có khoản giải ngân ngày {data.date:%d/%m/%Y} với chứng từ “{data.reference}”.")
    record_event(
        actor=actor,
        action="budget.disbursement.create",
        obj=disbursement,
        changes={"allocation": [None, allocation.ref], **changes_between({}, snapshot(disbursement))},
        channel=channel,
        reason=reason,
    )
    return disbursement


@transaction.atomic
def update_disbursement(
    *,
    actor: Any,
    disbursement: Disbursement,
    data: DisbursementInput,
    channel: Channel | str,
    reason: str = "",
) -> bool:
    _require(actor, disbursement.allocation.plan, disbursement.allocation.commune)
    problems = disbursement_problems(data=data)
    if problems:
        raise ValidationFailed(problems[0], messages=problems)
    old = snapshot(disbursement)
    disbursement.date, disbursement.amount_million_vnd = data.date, data.amount_million_vnd
    disbursement.reference, disbursement.note = nfc(data.reference).strip(), nfc(data.note).strip()
    changes = changes_between(old, snapshot(disbursement))
    if not changes:
        return False
    _save(disbursement, f"Đã có khoản giải ngân ngày {data.date:%d/%m/%Y} với chứng từ “{data.reference}”.")
    record_event(
        actor=actor,
        action="budget.disbursement.update",
        obj=disbursement,
        changes=changes,
        channel=channel,
        reason=reason,
    )
    return True


@transaction.atomic
def delete_disbursement(
    *, actor: Any, disbursement: Disbursement, channel: Channel | str, reason: str = ""
) -> None:
    _require(actor, disbursement.allocation.plan, disbursement.allocation.commune)
    old = snapshot(disbursement)
    record_event(
        actor=actor,
        action="budget.disbursement.delete",
        obj=disbursement,
        changes={"allocation": [disbursement.allocation.ref, None], **{k: [v, None] for k, v in old.items()}},
        channel=channel,
        reason=reason,
    )
    disbursement.delete()
