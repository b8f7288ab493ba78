"""Demo accounts for `kehoach init --demo`: one per role, random passwords printed once.

Demo passwords exist only in demo mode: they are generated here, shown on the terminal and stored
only as hashes. Running init --demo again issues new ones.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from kehoach.accounts.choices import Role
from kehoach.accounts.services import save_user
from kehoach.agencies.models import Agency
from kehoach.orgunits.models import OrgUnit
from kehoach.plans.models import Plan


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    scope: str


def _password() -> str:
    return "-".join(secrets.token_urlsafe(4) for _ in range(3))


def create_demo_accounts(*, plan: Plan) -> list[DemoAccount]:
    """Accounts scoped to the plan's own unit and agencies (whatever plan is loaded, nothing hard-coded)."""
    unit = plan.admin_unit
    units = [unit] if unit else []
    owner_agency = plan.issuer
    ethnic = Agency.objects.filter(kind="ethnic_affairs", admin_unit=unit).first() or owner_agency
    finance = Agency.objects.filter(kind="finance_planning", admin_unit=unit).first()
    sector = Agency.objects.filter(led_tasks__plan=plan, kind="sector").distinct().order_by("code").first()
    commune = (
        OrgUnit.objects.filter(parent_links__parent=unit, level__code="commune").order_by("name").first()
        if unit
        else None
    )
    province = (
        OrgUnit.objects.filter(child_links__unit=unit, level__code="province").first() if unit else None
    )
    specs: list[tuple[str, Role, list[OrgUnit], Agency | None, str]] = [
        ("quantri", Role.ADMIN, [], None, "Quản trị hệ thống"),
        ("chutri", Role.PLAN_OWNER, units, ethnic, f"Cán bộ {ethnic}"),
        ("taichinh", Role.FINANCE, units, finance, f"Cán bộ {finance or 'tài chính'}"),
        ("nganh", Role.AGENCY_OFFICER, units, sector, f"Cán bộ {sector or 'ngành'}"),
        ("xa", Role.COMMUNE_OFFICER, [commune] if commune else [], None, f"Cán bộ {commune or 'xã'}"),
        ("lanhdao", Role.VIEWER, [province] if province else units, None, "Lãnh đạo (chỉ xem)"),
    ]
    accounts = []
    for username, role, scope_units, agency, name in specs:
        password = _password()
        save_user(
            username=f"demo-{username}",
            role=role,
            password=password,
            actor=None,
            units=scope_units,
            agency=agency,
            full_name=name,
            is_demo=True,
        )
        where = ", ".join(u.name for u in scope_units) or "toàn hệ thống"
        accounts.append(DemoAccount(f"demo-{username}", password, str(Role(role).label), where))
    return accounts
