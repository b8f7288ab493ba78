"""Test personas: one user per role, in and out of scope (the Healthchecks owner/member/outsider idea).

Scopes are taken from the loaded data by code, so the personas work for any plan whose unit has
communes below it; only the seed's reference data is assumed (Lai Châu units).
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.accounts.choices import Role
from kehoach.accounts.models import User
from kehoach.accounts.services import save_user
from kehoach.agencies.models import Agency
from kehoach.orgunits.models import OrgUnit
from kehoach.orgunits.selectors import unit_by_code

PASSWORD = "mat-khau-thu-nghiem-2024"


@dataclass
class Personas:
    admin: User
    owner: User  # plan owner of the plan's district
    finance: User
    agency: User  # officer of an agency that leads tasks
    commune: User  # officer of a commune inside the plan's district
    viewer: User  # provincial leadership, read only
    outsider_owner: User  # plan owner of another district
    outsider_commune: User  # commune officer of a commune in another district

    def all(self) -> dict[str, User]:
        return dict(vars(self))


def _unit(scheme: str, code: str) -> OrgUnit:
    unit = unit_by_code(scheme=scheme, code=code)
    assert unit is not None, f"missing unit {scheme}:{code}"
    return unit


def make_personas(*, district: OrgUnit, other_district: OrgUnit, lead_agency: Agency | None) -> Personas:
    commune = (
        OrgUnit.objects.filter(parent_links__parent=district, level__code="commune").order_by("key").first()
    )
    other_commune = (
        OrgUnit.objects.filter(parent_links__parent=other_district, level__code="commune")
        .order_by("key")
        .first()
    )
    province = OrgUnit.objects.filter(child_links__unit=district, level__code="province").first()
    assert commune and other_commune and province

    def mk(name: str, role: Role, units: list[OrgUnit], agency: Agency | None = None) -> User:
        return save_user(username=name, role=role, password=PASSWORD, actor=None, units=units, agency=agency)

    return Personas(
        admin=mk("p-admin", Role.ADMIN, []),
        owner=mk(
            "p-owner", Role.PLAN_OWNER, [district], Agency.objects.filter(kind="ethnic_affairs").first()
        ),
        finance=mk(
            "p-finance", Role.FINANCE, [district], Agency.objects.filter(kind="finance_planning").first()
        ),
        agency=mk("p-agency", Role.AGENCY_OFFICER, [district], lead_agency),
        commune=mk("p-commune", Role.COMMUNE_OFFICER, [commune]),
        viewer=mk("p-viewer", Role.VIEWER, [province]),
        outsider_owner=mk("p-outsider-owner", Role.PLAN_OWNER, [other_district]),
        outsider_commune=mk("p-outsider-commune", Role.COMMUNE_OFFICER, [other_commune]),
    )
