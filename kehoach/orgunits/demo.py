"""Demo villages (bản) for `kehoach init --demo`, marked as demo data.

Villages are the stable unit across the 2025 reform: each demo village belongs to its pre-2025
commune until 30/06/2025 and to the commune that commune merged into from 01/07/2025.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.text import fold
from kehoach.orgunits.models import OrgUnit, UnitLevel, UnitParent

VILLAGES_PER_COMMUNE = 3


@transaction.atomic
def create_demo_villages(*, district: OrgUnit) -> int:
    """Add demo villages under every commune of `district`; idempotent (keys are derived)."""
    level = UnitLevel.objects.get(code="village")
    created = 0
    communes = OrgUnit.objects.filter(parent_links__parent=district, level__code="commune").distinct()
    for commune in communes.prefetch_related("successor_links__successor"):
        merged = [ln for ln in commune.successor_links.all() if not ln.partial]
        for n in range(1, VILLAGES_PER_COMMUNE + 1):
            key = f"demo:{commune.key}/{n}"
            if OrgUnit.objects.filter(key=key).exists():
                continue
            kind = commune.kind or ""
            short = (
                commune.name[len(kind) :].strip() if kind and commune.name.startswith(kind) else commune.name
            )
            name = f"Bản {short} {n}"
            village = OrgUnit.objects.create(
                key=key, name=name, kind="Bản", level=level, is_demo=True, search_text=fold(name)
            )
            end = commune.valid_to
            UnitParent.objects.create(unit=village, parent=commune, valid_to=end)
            if end and merged:
                UnitParent.objects.create(
                    unit=village, parent=merged[0].successor, valid_from=end + dt.timedelta(days=1)
                )
            created += 1
    if created:
        record_event(
            actor=None,
            action="units.demo_villages",
            object_type="orgunits.orgunit",
            object_id=district.key,
            changes={"villages": created},
            channel=Channel.CLI,
        )
    return created
