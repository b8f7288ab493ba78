"""After the 2025 reorganisation a user's territory continues: the units formed from the user's units
(new communes) and what lies below them are reached, on every path; nothing beyond."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.accounts import scope
from kehoach.orgunits.models import OrgUnit, UnitLineage

pytestmark = pytest.mark.django_db


def _formed_from(units: set[int]) -> set[int]:
    return set(UnitLineage.objects.filter(predecessor__in=units).values_list("successor_id", flat=True))


def test_the_district_and_its_communes_reach_the_communes_formed_from_them(seed_plan, personas):
    district = seed_plan.admin_unit
    communes = set(OrgUnit.objects.filter(parent_links__parent=district).values_list("id", flat=True))
    new = _formed_from(communes) - communes
    assert new, "the seed's units have the 2025 lineage"
    assert all(
        scope.can_view_data(personas.owner, u) and scope.can_approve_data(personas.owner, u) for u in new
    )
    own = personas.commune.units.get()
    successors = _formed_from({own.pk})
    assert successors and all(scope.can_enter_data(personas.commune, u) for u in successors)
    # Nothing beyond: the province, and the other district's units, stay out of reach.
    province = OrgUnit.objects.get(child_links__unit=district, level__code="province")
    assert not scope.can_view_data(personas.owner, province.pk)
    assert not any(
        scope.can_view_data(personas.outsider_owner, u)
        for u in new
        - _formed_from(
            set(
                OrgUnit.objects.filter(
                    parent_links__parent__in=personas.outsider_owner.units.all()
                ).values_list("id", flat=True)
            )
        )
    )


def test_the_plan_owner_opens_a_new_communes_scorecard(seed_plan, personas):
    district = seed_plan.admin_unit
    communes = set(OrgUnit.objects.filter(parent_links__parent=district).values_list("id", flat=True))
    new_commune = min(_formed_from(communes) - communes)
    client = Client()
    client.force_login(personas.owner)
    url = reverse("analytics:scorecard", args=[seed_plan.code, new_commune])
    assert client.get(url).status_code == 200
    client.force_login(personas.outsider_commune)
    assert client.get(url).status_code == 404
