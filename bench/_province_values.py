"""Villages and approved values for the whole province of the seed plan (bench/_province_db.py).

Deterministic: the demo generators (`kehoach.datavalues.demo_units`) give every unit and year the
same figures on every run. Written in bulk with the datavalues app's own INSERT helper; every value
carries the demo comment so that warnings count as explained, as in `kehoach init --demo`.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kehoach.core.text import fold
from kehoach.datavalues import demo_units
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.datavalues.demo import DEMO_COMMENT
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import bulk
from kehoach.indicators.models import CategoryOptionCombo, DataSet
from kehoach.orgunits.models import OrgUnit, UnitLevel, UnitParent
from kehoach.plans.models import Plan

YEARS = range(2021, 2026)
REFORM = dt.date(2025, 7, 1)


def _province(plan: Plan) -> OrgUnit:
    return OrgUnit.objects.filter(child_links__unit=plan.admin_unit).get()


def _old_communes(province: OrgUnit) -> list[OrgUnit]:
    """Communes that hung under a district of the province (before the 2025 reform)."""
    districts = OrgUnit.objects.filter(parent_links__parent=province, level__code="district")
    return list(
        OrgUnit.objects.filter(parent_links__parent__in=districts, level__code="commune")
        .distinct()
        .order_by("key")
    )


@transaction.atomic
def add_villages(plan: Plan, per_commune: int) -> int:
    """`per_commune` villages under every former commune, re-parented to its successor in 2025."""
    level = UnitLevel.objects.get(code="village")
    links = []
    for commune in _old_communes(_province(plan)):
        successor = commune.successor_links.filter(partial=False).first()
        for n in range(1, per_commune + 1):
            name = f"Bản {commune.name} {n}"
            village = OrgUnit.objects.create(
                key=f"bench:{commune.key}/{n}", name=name, kind="Bản", level=level, search_text=fold(name)
            )
            links.append(UnitParent(unit=village, parent=commune, valid_to=commune.valid_to))
            if commune.valid_to and successor:
                start = commune.valid_to + dt.timedelta(days=1)
                links.append(UnitParent(unit=village, parent=successor.successor, valid_from=start))
    UnitParent.objects.bulk_create(links)
    return OrgUnit.objects.filter(key__startswith="bench:").count()


def _reporting(province: OrgUnit, level: str, year: int) -> list[OrgUnit]:
    """Units of `level` in the province existing at the end of `year` (for 2025: the new communes)."""
    end = dt.date(year, 12, 31)
    if level == "village":
        return list(OrgUnit.objects.filter(key__startswith="bench:").order_by("key"))
    old = _old_communes(province)
    if end < REFORM:
        return old
    new = OrgUnit.objects.filter(
        predecessor_links__predecessor__in=old, level__code="commune", valid_to__isnull=True
    )
    return list(new.distinct().order_by("key")) or old


@transaction.atomic
def add_values(plan: Plan) -> int:
    """Every element of the village and commune forms, 2021-2025, approved."""
    province = _province(plan)
    combos = dict(CategoryOptionCombo.objects.values_list("code", "pk"))
    stamp = bulk.adapt_now(timezone.now())
    total = 0
    for code, level in (("BAN-NAM", "village"), ("XA-NAM", "commune")):
        form = DataSet.objects.get(code=code)
        elements = {c: e.pk for c, e in data_set_catalogue(data_set=form).elements.items()}
        for year in YEARS:
            units = _reporting(province, level, year)
            rows = []
            for unit in units:
                figures = (
                    demo_units.village(unit.key, year)
                    if level == "village"
                    else demo_units.commune(unit.key, year, town=unit.kind == "Thị trấn")
                )
                for (element, coc), value in figures.items():
                    if element in elements and coc in combos:
                        key = (elements[element], unit.pk, str(year), combos[coc])
                        rows.append((*key, value, DEMO_COMMENT))
            bulk.insert_values(rows, stamp=stamp, user_id=None, is_demo=True)
            total += len(rows)
            Submission.objects.bulk_create(
                [
                    Submission(data_set=form, unit=u, period=str(year), status="approved", is_demo=True)
                    for u in units
                ]
            )
    return total
