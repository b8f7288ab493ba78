"""The one write of plan import: confirming a draft creates the plan, audited, or nothing at all."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kehoach.accounts.scope import can_import_plan
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import PermissionDenied, ValidationFailed
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan
from kehoach.plans.services import load_plan_document

from .draft import Draft
from .resolve import final_document, undecided
from .selectors import unit_ref


@transaction.atomic
def confirm_import(*, draft: Draft, user: Any, channel: Channel = Channel.IMPORT) -> Plan:
    """Create the plan of a draft through the plan loader (validated whole, one transaction).

    ValidationFailed (Vietnamese messages) when a name is still undecided or the loader refuses the
    document; PermissionDenied when the user may not create plans for the chosen unit.
    """
    errors = undecided(draft)
    if errors:
        raise ValidationFailed("Chưa thể tạo kế hoạch: còn nội dung chưa chọn.", messages=errors)
    unit_id = draft["unit"]["choice"]
    unit = OrgUnit.objects.filter(pk=unit_id).first() if unit_id is not None else None
    if unit is None:
        raise ValidationFailed("Đơn vị hành chính đã chọn không còn trong hệ thống.")
    if not can_import_plan(user, unit):
        raise PermissionDenied(f"Bạn không được tạo kế hoạch cho đơn vị “{unit.name}”.")
    doc = final_document(draft, unit_ref=unit_ref(unit_id=unit.pk))
    plan = load_plan_document(doc=doc, actor=user, channel=channel, source_name=draft["filename"])
    # The loader records the plan's creation; this event keeps how the draft was decided.
    record_event(
        actor=user,
        action="plan.import",
        obj=plan,
        channel=channel,
        changes={
            "source": draft["filename"],
            "edited": draft["edited"],
            "issuer": [draft["issuer"]["name"], draft["issuer"]["choice"]],
            "agencies": {a["name"]: a["choice"] for a in draft["agencies"]},
            "programmes": draft["programmes"],
            "unit": unit.name,
        },
    )
    return plan
