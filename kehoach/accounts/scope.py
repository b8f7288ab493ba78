"""The one authorization layer: what a user may see and change.

Every page, API endpoint, import and export asks this module; nothing else decides access.
Out-of-scope objects are reported as not found (404), so their existence does not leak.

Rules (issue #2):
- admin: everything.
- viewer: reads within its units; changes nothing.
- commune officer: reads within its units (a commune and its villages); changes data of those
  units only (data entry arrives with the indicators).
- agency officer: reads within its units; changes the tasks its agency leads.
- finance: reads within its units; changes money (budget lines of plans in scope).
- plan owner: reads within its units; changes the plans whose unit is in its scope.
A plan is visible when its unit is related to the user's units: the same unit, above, below, or
linked through the 2025 reorganisation (a new commune's officer still sees the old district plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from kehoach.accounts.choices import Role
from kehoach.orgunits.models import OrgUnit, UnitLineage
from kehoach.orgunits.selectors import org_tree

_CACHE_ATTR = "_kehoach_scope"


@dataclass(frozen=True)
class Scope:
    role: str
    everything: bool
    own_units: frozenset[int]  # the user's units and everything below them
    related_units: frozenset[int]  # own units plus ancestors and reorganisation relatives
    agency_id: int | None

    def reaches_unit(self, unit_id: int | None) -> bool:
        return self.everything or (unit_id is not None and unit_id in self.own_units)

    def relates_to_unit(self, unit_id: int | None) -> bool:
        return self.everything or (unit_id is not None and unit_id in self.related_units)


def _build(user: Any) -> Scope:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope("anonymous", False, frozenset(), frozenset(), None)
    if user.is_superuser or user.role == Role.ADMIN:
        return Scope(Role.ADMIN, True, frozenset(), frozenset(), user.agency_id)
    roots = set(user.units.values_list("id", flat=True))
    tree = org_tree()
    own = roots | tree.descendants(roots)
    # Reorganisation relatives: units that merged into, or were formed from, the user's units.
    lineage = UnitLineage.objects.filter(Q(predecessor__in=own) | Q(successor__in=own)).values_list(
        "predecessor_id", "successor_id"
    )
    relatives = {u for pair in lineage for u in pair}
    related = own | relatives | tree.ancestors(own | relatives)
    return Scope(user.role, False, frozenset(own), frozenset(related), user.agency_id)


def scope_for(user: Any) -> Scope:
    """The user's scope, computed once per request (cached on the user object)."""
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = _build(user)
        if getattr(user, "is_authenticated", False):
            setattr(user, _CACHE_ATTR, cached)
    return cached


def visible_units(user: Any) -> QuerySet[OrgUnit]:
    """Units the user may look at: its own and everything below (and, for context, above)."""
    scope = scope_for(user)
    if scope.everything:
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(id__in=scope.related_units)


def can_view_unit(user: Any, unit: OrgUnit) -> bool:
    return scope_for(user).relates_to_unit(unit.pk)


def plan_filter(user: Any, prefix: str = "") -> Q:
    """A Q over plans (or over objects reaching a plan through `prefix`, e.g. "plan__")."""
    scope = scope_for(user)
    if scope.everything:
        return Q()
    if scope.role == "anonymous":
        return Q(pk__in=[])
    return Q(**{f"{prefix}admin_unit__in": scope.related_units})


def can_change_plan(user: Any, plan: Any) -> bool:
    scope = scope_for(user)
    return scope.everything or (scope.role == Role.PLAN_OWNER and scope.reaches_unit(plan.admin_unit_id))


def can_change_budget(user: Any, plan: Any) -> bool:
    scope = scope_for(user)
    return scope.everything or (scope.role == Role.FINANCE and scope.reaches_unit(plan.admin_unit_id))


def can_change_task(user: Any, task: Any) -> bool:
    """Plan owners edit every task of their plans; an agency officer edits tasks its agency leads."""
    scope = scope_for(user)
    if can_change_plan(user, task.plan):
        return True
    return (
        scope.role == Role.AGENCY_OFFICER
        and scope.agency_id is not None
        and task.lead_id == scope.agency_id
        and scope.relates_to_unit(task.plan.admin_unit_id)
    )


def can_administer(user: Any) -> bool:
    return scope_for(user).everything


def can_import_plan(user: Any, unit: OrgUnit | None = None) -> bool:
    """May the user turn a plan document into a plan (plan owners and admins); with `unit`, a plan
    of that unit. Without a unit the question is whether the role imports at all: an owner can only
    create plans for units in its own scope, which is checked again once the unit is chosen."""
    scope = scope_for(user)
    if scope.everything:
        return True
    if scope.role != Role.PLAN_OWNER:
        return False
    return bool(scope.own_units) if unit is None else scope.reaches_unit(unit.pk)
