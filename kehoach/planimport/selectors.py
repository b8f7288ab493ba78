"""Reads for plan import: matching names to agencies, units and programmes. Nothing is written.

Names are matched without regard to case, diacritics or common abbreviations
(`kehoach.docparse.agencies.match_agency`, `kehoach.core.text.fold`). When a name fits several
agencies ("Phòng Dân tộc" exists in every district), the candidates of the plan's own unit (or the
units above it) and those active in the plan's year are preferred; if that still leaves several,
the officer chooses.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import QuerySet

from kehoach.accounts.scope import can_import_plan, visible_units
from kehoach.agencies.models import Agency
from kehoach.core.text import fold
from kehoach.docparse import ParseResult, match_agency
from kehoach.orgunits.models import OrgUnit
from kehoach.orgunits.selectors import org_tree, search_units
from kehoach.plans.document import PlanDocument, UnitRef
from kehoach.plans.models import Programme

from .draft import AgencyName, Draft, UnitChoice, agency_uses, issuer_name, new_draft, unit_hint

MAX_UNIT_RESULTS = 30


def _active_in(year: int | None, valid_from: Any, valid_to: Any) -> bool:
    if year is None:
        return True
    return (valid_from is None or valid_from.year <= year) and (valid_to is None or valid_to.year >= year)


def _narrow(codes: tuple[str, ...], tests: Iterable[Callable[[str], bool]]) -> list[str]:
    """Apply each preference in turn, keeping it only when something is left."""
    kept = list(codes)
    for test in tests:
        kept = [c for c in kept if test(c)] or kept
    return kept


class AgencyMatcher:
    """Matches agency names for one plan: the agency list and the plan's surroundings read once."""

    def __init__(self, *, unit_id: int | None, year: int | None) -> None:
        self.agencies = {a.code: a for a in Agency.objects.all()}
        self.names = {c: [a.name, a.short_name, *a.aliases] for c, a in self.agencies.items()}
        self.near = ({unit_id} | org_tree().ancestors({unit_id})) if unit_id is not None else set()
        self.year = year

    def suggest(self, name: str, uses: list[str]) -> AgencyName:
        """The automatic match of one name; `choice` is set only when it is unique."""
        found = match_agency(name, self.names)
        agencies = self.agencies
        preferred = _narrow(
            found.codes,
            [
                lambda c: agencies[c].admin_unit_id in self.near,
                lambda c: _active_in(self.year, agencies[c].valid_from, agencies[c].valid_to),
            ],
        )
        one = len(preferred) == 1
        return AgencyName(
            name=name,
            uses=uses,
            status="one" if one else found.status,
            candidates=preferred + [c for c in found.codes if c not in preferred],
            choice=preferred[0] if one else "",
        )


def importable_units(*, user: Any, text: str) -> list[OrgUnit]:
    """Units whose name contains `text` (diacritics ignored) for which the user may create plans."""
    qs = search_units(queryset=visible_units(user), text=text).select_related("level")
    rows = qs.order_by("level__rank", "name")[: MAX_UNIT_RESULTS * 5]
    return [u for u in rows if can_import_plan(user, u)][:MAX_UNIT_RESULTS]


def suggest_unit(*, user: Any, hint: str, year: int | None) -> UnitChoice:
    """The unit named in the document among those the user may create plans for."""
    if not hint:
        return UnitChoice(hint="", status="none", candidates=[], choice=None)
    key = fold(hint)
    exact = visible_units(user).filter(search_text=key).order_by("valid_from", "pk")
    found = [u for u in exact if can_import_plan(user, u)]
    preferred = [u for u in found if _active_in(year, u.valid_from, u.valid_to)] or found
    one = len(preferred) == 1
    return UnitChoice(
        hint=hint,
        status="one" if one else ("ambiguous" if found else "none"),
        candidates=[u.pk for u in preferred],
        choice=preferred[0].pk if one else None,
    )


def unit_ref(*, unit_id: int) -> UnitRef | None:
    """The unit's code as the data file writes it (the code of its oldest scheme, as exported)."""
    unit = OrgUnit.objects.filter(pk=unit_id).first()
    code = unit.codes.select_related("scheme").order_by("scheme__valid_from", "id").first() if unit else None
    return UnitRef(scheme=code.scheme.code, code=code.code) if code else None


def resuggest_agencies(draft: Draft) -> None:
    """After the unit changed: match again the names nobody has decided on yet."""
    matcher = AgencyMatcher(unit_id=draft["unit"]["choice"], year=_year(draft["document"]))
    for i, agency in enumerate(draft["agencies"]):
        if not agency["choice"]:
            draft["agencies"][i] = matcher.suggest(agency["name"], agency["uses"])
    if not draft["issuer"]["choice"]:
        draft["issuer"] = matcher.suggest(issuer_name(draft["document"]), [])


def _year(doc: PlanDocument) -> int:
    return doc["plan"].get("issued_year") or doc["plan"]["period_start"]


def prepare_draft(*, result: ParseResult, filename: str, user: Any) -> Draft:
    """A new draft for a parse: the automatic matches of unit, issuer, agencies and programmes."""
    doc = result.document
    unit = suggest_unit(user=user, hint=unit_hint(doc), year=_year(doc))
    matcher = AgencyMatcher(unit_id=unit["choice"], year=_year(doc))
    known = set(Programme.objects.values_list("code", flat=True))
    return new_draft(
        draft_id=uuid.uuid4().hex[:16],
        user_id=user.pk,
        filename=filename,
        result=result,
        issuer=matcher.suggest(issuer_name(doc), []),
        agencies=[matcher.suggest(name, uses) for name, uses in agency_uses(doc).items()],
        unit=unit,
        unknown_programmes=sorted({b["programme"] for b in doc.get("budget_lines", [])} - known),
    )


def agency_options() -> QuerySet[Agency]:
    return Agency.objects.order_by("name")


def programme_options() -> QuerySet[Programme]:
    return Programme.objects.order_by("code")


def units_by_id(ids: Iterable[int]) -> dict[int, OrgUnit]:
    return {u.pk: u for u in OrgUnit.objects.filter(pk__in=list(ids)).select_related("level")}
