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
A user's units reach, besides everything below them, the units formed from them in the 2025
reorganisation and everything below those (decision 0004): the territory continues.
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
    lineage = list(
        UnitLineage.objects.filter(Q(predecessor__in=own) | Q(successor__in=own)).values_list(
            "predecessor_id", "successor_id"
        )
    )
    # The units formed from the user's units in the 2025 reorganisation continue that territory:
    # the district's officers keep reaching its communes once they became new communes (the plan's
    # area over time, as datavalues.selectors.area_units draws it), and what lies below them.
    successors = {successor for predecessor, successor in lineage if predecessor in own} - own
    own |= successors | tree.descendants(successors)
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


def can_add_village(user: Any, unit: OrgUnit) -> bool:
    """Admins, and plan owners for communes in their scope, add villages (thôn/bản)."""
    scope = scope_for(user)
    return scope.everything or (scope.role == Role.PLAN_OWNER and scope.reaches_unit(unit.pk))


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


# --- Task tracking (issue #5, kehoach.assignments) ---------------------------------------------
# Plan owners manage the tracking of their plans' tasks (deadlines, outputs, weights, links,
# reassignment). Agency officers report progress on the tasks their agency leads or coordinates,
# including tasks of bodies their agency succeeded (a district office that ceased on 01/7/2025
# leaves its open tasks to its successors). Only the lead (and the plan owner) sets a task's status
# and percent: can_change_task above. Everyone else in scope reads; outsiders get 404.

_LINEAGE_ATTR = "_kehoach_agency_lineage"


def inherited_agency_ids(agency_id: int | None) -> frozenset[int]:
    """The agency and every body it succeeded, transitively (AgencySuccession predecessor chains)."""
    if agency_id is None:
        return frozenset()
    from kehoach.agencies.models import AgencySuccession  # agencies import nothing from accounts

    found = {agency_id}
    frontier = {agency_id}
    while frontier:
        links = AgencySuccession.objects.filter(successor__in=frontier)
        frontier = set(links.values_list("predecessor_id", flat=True)) - found
        found |= frontier
    return frozenset(found)


def user_agency_lineage(user: Any) -> frozenset[int]:
    """inherited_agency_ids of the user's agency, computed once per request."""
    cached = getattr(user, _LINEAGE_ATTR, None)
    if cached is None:
        cached = inherited_agency_ids(scope_for(user).agency_id)
        if getattr(user, "is_authenticated", False):
            setattr(user, _LINEAGE_ATTR, cached)
    return cached


def can_moderate_feedback(user: Any, plan: Any, agency_id: int | None) -> bool:
    """Citizen feedback (issue #7): the plan owner, and officers of the agency that must answer
    (or of the body that succeeded it), publish, reject and answer comments on a plan in scope."""
    if can_change_plan(user, plan):
        return True
    scope = scope_for(user)
    if scope.role != Role.AGENCY_OFFICER or not scope.relates_to_unit(plan.admin_unit_id):
        return False
    return agency_id is not None and (agency_id in user_agency_lineage(user) or agency_id == scope.agency_id)


def can_view_plan(user: Any, plan: Any) -> bool:
    """The same rule as plan_filter, for one plan already loaded (e.g. reached through a file)."""
    return scope_for(user).relates_to_unit(plan.admin_unit_id)


def can_manage_task_tracking(user: Any, task: Any) -> bool:
    """Deadlines, expected output, weights, links to targets and money, reassignment: plan owners."""
    return can_change_plan(user, task.plan)


def can_report_task_progress(user: Any, task: Any) -> bool:
    """Plan owners, and officers of an agency that leads or coordinates the task (or succeeded one)."""
    if can_change_plan(user, task.plan):
        return True
    scope = scope_for(user)
    if scope.role != Role.AGENCY_OFFICER or not scope.relates_to_unit(task.plan.admin_unit_id):
        return False
    lineage = user_agency_lineage(user)
    if task.lead_id in lineage:
        return True
    return any(a.pk in lineage for a in task.coordinating.all())


def can_record_money(user: Any, plan: Any, unit: Any = None) -> bool:
    """Allocations and disbursements (issue #5): only the finance office, within its units, and admins.

    The plan's unit must be within the user's units, and so must the commune a record is for."""
    scope = scope_for(user)
    if scope.everything:
        return True
    return (
        scope.role == Role.FINANCE
        and scope.reaches_unit(plan.admin_unit_id)
        and (unit is None or scope.reaches_unit(getattr(unit, "pk", unit)))
    )


def money_filter(user: Any, plan_prefix: str = "plan__", unit_field: str = "commune") -> Q:
    """Money records a user may read: those of plans in scope that are plan-wide or for a commune
    related to the user's units (a commune officer sees its own commune's money, not its neighbours')."""
    scope = scope_for(user)
    if scope.everything:
        return Q()
    return plan_filter(user, plan_prefix) & (
        Q(**{f"{unit_field}__isnull": True}) | Q(**{f"{unit_field}__in": scope.related_units})
    )


# Data entry and approval (issue #3). Predicates take unit ids: imports check thousands of rows.
# Reading data uses the user's own units (not the wider "related" set used for plans): a commune
# officer sees only its commune and its villages; the province viewer sees everything below it.
_DATA_ROLES = (Role.PLAN_OWNER, Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER)


def can_view_data(user: Any, unit_id: int) -> bool:
    scope = scope_for(user)
    return scope.role != "anonymous" and scope.reaches_unit(unit_id)


def can_enter_data(user: Any, unit_id: int) -> bool:
    scope = scope_for(user)
    return scope.everything or (scope.role in _DATA_ROLES and scope.reaches_unit(unit_id))


def can_handle_element(user: Any, responsible_agency_ids: set[int] | frozenset[int]) -> bool:
    """An agency officer reads and writes only data elements of indicators its agency (or a body it
    succeeded in the 2025 reorganisation) answers for."""
    scope = scope_for(user)
    if scope.role != Role.AGENCY_OFFICER:
        return True
    return bool(user_agency_lineage(user) & responsible_agency_ids)


def can_submit_data(user: Any, unit_id: int, data_set_agency_id: int | None) -> bool:
    """Units send their own forms; a form answered by an agency is sent by that agency's officers."""
    scope = scope_for(user)
    if not can_enter_data(user, unit_id):
        return False
    if scope.role == Role.AGENCY_OFFICER:
        return data_set_agency_id is not None and data_set_agency_id == scope.agency_id
    return True


def can_approve_data(user: Any, unit_id: int) -> bool:
    """The level above approves: the plan owner for the units of its area (and the admin)."""
    scope = scope_for(user)
    return scope.everything or (scope.role == Role.PLAN_OWNER and scope.reaches_unit(unit_id))


def can_issue_report(user: Any, plan: Any) -> bool:
    """Official reports (issue #6): the plan's owner (and the admin) drafts, edits and issues them;
    everyone who may view the plan downloads the issued ones; drafts stay with the owner."""
    return can_change_plan(user, plan)


def can_set_unit_target(user: Any, plan: Any, unit_id: int) -> bool:
    """A unit's own targets (issue #4): the plan owner for any unit of its plan's area (the service
    checks the unit lies in that area), a commune officer for its own commune only (not its villages,
    not a neighbour), the admin. Out of scope of the plan: the caller answers 404."""
    scope = scope_for(user)
    if scope.everything or can_change_plan(user, plan):
        return True
    return (
        scope.role == Role.COMMUNE_OFFICER
        and can_view_plan(user, plan)
        and user.units.filter(pk=unit_id).exists()
    )
