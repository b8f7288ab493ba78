"""Writes of units' own targets (a commune's own plan): scoped, validated whole, audited.

A set of rows for one unit is saved all or nothing, so a commune's plan never lands half entered;
every row that changes gets its own audit event in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from kehoach.accounts.scope import can_set_unit_target, can_view_data, can_view_plan
from kehoach.audit.choices import Channel
from kehoach.audit.services import diff_fields, record_event
from kehoach.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from kehoach.core.formatting import parse_vn_decimal
from kehoach.core.text import nfc
from kehoach.orgunits.models import OrgUnit
from kehoach.plans import choices as c
from kehoach.plans.models import Plan, Target, UnitTarget
from kehoach.plans.selectors_unit_targets import quantified_targets, target_area, target_milestones

_DIGITS, _PLACES = 20, 6  # UnitTarget.value


@dataclass(frozen=True)
class UnitTargetInput:
    """One row as typed: `value` the Vietnamese way ("99,5"); year and comparator default to the plan's."""

    value: str
    milestone_year: int | None = None
    comparator: str = ""
    note: str = ""
    decision_number: str = ""
    decision_date: dt.date | None = None


def _require(actor: Any, plan: Plan, unit: OrgUnit) -> None:
    """Out of scope (the plan, or a unit whose data the user may not see): 404; in scope but not
    the user's to change: 403."""
    if not can_view_plan(actor, plan):
        raise NotFound("Không tìm thấy kế hoạch.")
    if not can_view_data(actor, unit.pk):
        raise NotFound("Không tìm thấy đơn vị.")
    if not target_area(plan=plan).filter(pk=unit.pk).exists():
        raise ValidationFailed(f"{unit.name} không thuộc địa bàn của kế hoạch.")
    if not can_set_unit_target(actor, plan, unit.pk):
        raise PermissionDenied(
            f"Bạn không được đặt mục tiêu riêng cho {unit.name}: chỉ cơ quan chủ trì kế hoạch "
            "hoặc cán bộ của chính xã đó."
        )


def _value(text: str) -> Decimal:
    value = parse_vn_decimal(text)  # ValueError with a Vietnamese message
    digits = value.as_tuple()
    places = -int(digits.exponent) if isinstance(digits.exponent, int) else 0
    if places > _PLACES or len(digits.digits) - places > _DIGITS - _PLACES:
        raise ValueError(f"“{text}” có quá nhiều chữ số (tối đa {_PLACES} chữ số thập phân).")
    if value < 0:
        raise ValueError("Giá trị không được âm.")
    return value


def _clean(target: Target, data: UnitTargetInput) -> dict[str, Any]:
    """The row's fields, or ValueError with a Vietnamese message naming what is wrong."""
    try:
        value = _value(data.value)
    except ValueError as exc:
        raise ValueError(f"{target.code}: {exc}") from exc
    year = data.milestone_year or target.milestone_year
    allowed = target_milestones(target=target)
    if year not in allowed:
        years = ", ".join(str(y) for y in allowed)
        raise ValueError(f"{target.code}: mốc năm {year} không thuộc các mốc của chỉ tiêu ({years}).")
    if data.comparator and data.comparator not in c.Comparator.values:
        raise ValueError(f"{target.code}: phép so sánh “{data.comparator}” không hợp lệ.")
    return {
        "milestone_year": year,
        "value": value,
        "comparator": data.comparator,
        "note": nfc(data.note.strip()),
        "decision_number": nfc(data.decision_number.strip()),
        "decision_date": data.decision_date,
    }


@transaction.atomic
def save_unit_targets(
    *,
    actor: Any,
    plan: Plan,
    unit: OrgUnit,
    rows: Mapping[str, UnitTargetInput | None],
    channel: Channel | str,
    reason: str = "",
) -> int:
    """Set (input) or clear (None) the unit's own target for each target code; returns how many
    rows changed. Every problem is reported at once and nothing is written if there is one."""
    _require(actor, plan, unit)
    targets = {t.code: t for t in quantified_targets(plan=plan).filter(code__in=list(rows))}
    stored = UnitTarget.objects.filter(target__in=targets.values(), unit=unit).select_related("target")
    existing = {u.target.code: u for u in stored}
    problems, cleaned = [], {}
    for code, data in rows.items():
        if code not in targets:
            problems.append(f"Không tìm thấy chỉ tiêu định lượng {code} trong kế hoạch.")
        elif data is not None:
            try:
                cleaned[code] = _clean(targets[code], data)
            except ValueError as exc:
                problems.append(str(exc))
    if problems:
        raise ValidationFailed(problems[0], messages=problems)
    changed = 0
    for code, data in rows.items():
        own = existing.get(code)
        if data is None:
            changed += _clear(actor, own, channel, reason)
        else:
            changed += _set(actor, targets[code], unit, own, cleaned[code], channel, reason)
    return changed


def _set(
    actor: Any,
    target: Target,
    unit: OrgUnit,
    own: UnitTarget | None,
    fields: dict[str, Any],
    channel: Channel | str,
    reason: str,
) -> int:
    if own is None:
        own = UnitTarget(target=target, unit=unit)
        changes = {name: [None, value] for name, value in fields.items() if value not in ("", None)}
        action = "plans.unit_target.create"
    else:
        changes = diff_fields(own, fields)
        action = "plans.unit_target.update"
        if not changes:
            return 0
    for name, value in fields.items():
        setattr(own, name, value)
    own.set_by = actor if getattr(actor, "pk", None) else None
    own.save()
    record_event(actor=actor, action=action, obj=own, changes=changes, channel=channel, reason=reason)
    return 1


def _clear(actor: Any, own: UnitTarget | None, channel: Channel | str, reason: str) -> int:
    if own is None:
        return 0
    record_event(
        actor=actor,
        action="plans.unit_target.delete",
        obj=own,
        changes={"value": [str(own.value), None], "milestone_year": [own.milestone_year, None]},
        channel=channel,
        reason=reason,
    )
    own.delete()
    return 1


def set_unit_target(
    *,
    actor: Any,
    target: Target,
    unit: OrgUnit,
    data: UnitTargetInput,
    channel: Channel | str,
    reason: str = "",
) -> int:
    return save_unit_targets(
        actor=actor, plan=target.plan, unit=unit, rows={target.code: data}, channel=channel, reason=reason
    )


def clear_unit_target(
    *, actor: Any, target: Target, unit: OrgUnit, channel: Channel | str, reason: str = ""
) -> int:
    return save_unit_targets(
        actor=actor, plan=target.plan, unit=unit, rows={target.code: None}, channel=channel, reason=reason
    )
