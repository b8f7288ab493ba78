"""The draft of an imported plan: what the parser read plus the officer's decisions. Pure.

A draft is a JSON-ready mapping kept in the user's session until it is confirmed; nothing in it
is in the database. The document keeps agency names as written; the officer's choices (an agency
for each name, the administrative unit, the plan code, programmes) are kept beside it and only
`final_document` combines the two into a `kehoach.plan/1` document the loader accepts.
"""

from __future__ import annotations

import re
from typing import Any, TypedDict, cast

from kehoach.docparse import ParseResult, check_plan
from kehoach.plans.document import Finding, PlanDocument

from .payload import SpanDict, span_dicts

SKIP = "-"  # a choice meaning "leave this name out" (never a valid agency or programme code)

# Where an agency name is used, in the order the review page lists them.
USES: tuple[str, ...] = ("lead", "coordinating", "responsibility", "obligation", "recipient")

_LEVEL = r"(?:thành phố|thị trấn|thị xã|đặc khu|tỉnh|huyện|quận|phường|xã)"
# "... trên địa bàn huyện Mường Tè" in the title names the unit the plan covers.
_AREA = re.compile(rf"địa bàn\s+(?P<unit>{_LEVEL}\s+[^,.;:()\n]+)", re.IGNORECASE)
_AREA_END = re.compile(r"\s+(?:giai đoạn|năm|đến|từ|tầm nhìn)(?!\w).*$", re.IGNORECASE)
_LEVEL_AT = re.compile(rf"(?<!\w){_LEVEL}\s+(?=\S)", re.IGNORECASE)


class AgencyName(TypedDict):
    """An agency name as written, the automatic match and the officer's choice."""

    name: str
    uses: list[str]
    status: str  # one, ambiguous, none: the automatic match
    candidates: list[str]  # agency codes suggested, best first
    choice: str  # "" not decided yet, SKIP, or an agency code


class UnitChoice(TypedDict):
    hint: str  # the unit as the document names it ("huyện Mường Tè"), "" when not found
    status: str
    candidates: list[int]
    choice: int | None


class TaskAgencies(TypedDict):
    """Agencies of one task set by hand (codes), replacing what its wording names."""

    lead: str
    coordinating: list[str]


class Draft(TypedDict):
    id: str
    user: int
    filename: str
    document: PlanDocument
    read_findings: list[Finding]  # raised while reading the file (e.g. hyperlinks); kept as they are
    findings: list[Finding]
    spans: list[SpanDict]
    text: str
    issuer: AgencyName
    agencies: list[AgencyName]
    unit: UnitChoice
    programmes: dict[str, str]  # programme codes the system does not know -> chosen code
    task_agencies: dict[str, TaskAgencies]
    edited: list[str]  # "kind:code" of the items the officer corrected


def agency_uses(doc: PlanDocument) -> dict[str, list[str]]:
    """Every agency name the document uses (other than the issuer) and how, in order of appearance."""
    uses: dict[str, list[str]] = {}

    def add(name: str | None, use: str) -> None:
        if name and use not in uses.setdefault(name, []):
            uses[name].append(use)

    for task in doc.get("tasks", []):
        add(task.get("lead"), "lead")
        for name in task.get("coordinating", []):
            add(name, "coordinating")
    for resp in doc.get("responsibilities", []):
        add(resp["agency"], "responsibility")
    for ob in doc.get("obligations", []):
        add(ob["agency"], "obligation")
        for name in ob.get("recipients", []):
            add(name, "recipient")
    return {name: sorted(u, key=USES.index) for name, u in uses.items()}


def issuer_name(doc: PlanDocument) -> str:
    meta = doc["plan"]
    return meta.get("issuer_name") or meta["issuer"]


def unit_hint(doc: PlanDocument) -> str:
    """The administrative unit the plan covers, as written: from "trên địa bàn ..." in the title,
    else from the issuer's name ("UBND huyện Mường Tè" -> "huyện Mường Tè"); "" if neither says."""
    meta = doc["plan"]
    if m := _AREA.search(meta["title"]):
        return _AREA_END.sub("", m.group("unit")).strip()
    name = issuer_name(doc)
    levels = list(_LEVEL_AT.finditer(name))
    return name[levels[-1].start() :].strip() if levels else ""


def new_draft(
    *,
    draft_id: str,
    user_id: int,
    filename: str,
    result: ParseResult,
    issuer: AgencyName,
    agencies: list[AgencyName],
    unit: UnitChoice,
    unknown_programmes: list[str],
) -> Draft:
    checked = check_plan(result.document)
    # ParseResult.findings is the reading findings followed by check_plan's: keep the first part
    # apart so the checks can be run again after a correction without losing it.
    read = list(result.findings[: len(result.findings) - len(checked)])
    return Draft(
        id=draft_id,
        user=user_id,
        filename=filename,
        document=result.document,
        read_findings=read,
        findings=read + checked,
        spans=span_dicts(result),
        text=result.text,
        issuer=issuer,
        agencies=agencies,
        unit=unit,
        programmes=dict.fromkeys(unknown_programmes, ""),
        task_agencies={},
        edited=[],
    )


def recheck(draft: Draft) -> None:
    """Findings again after a correction (the checks are pure and take milliseconds)."""
    draft["findings"] = draft["read_findings"] + check_plan(draft["document"])


def find_item(draft: Draft, kind: str, code: str) -> dict[str, Any] | None:
    """The target, task or budget line `code` of the draft (the mapping itself, to be changed)."""
    doc = draft["document"]
    items: list[Any] = []
    if kind == "target":
        items = doc.get("targets", [])
    elif kind == "task":
        items = doc.get("tasks", [])
    elif kind == "budget":
        items = doc.get("budget_lines", [])
    return next((cast(dict[str, Any], item) for item in items if item["code"] == code), None)


def apply_correction(draft: Draft, kind: str, code: str, changes: dict[str, Any]) -> list[str]:
    """Change fields of one item; returns the names of the fields that changed."""
    item = find_item(draft, kind, code)
    if item is None:
        return []
    changed = [k for k, v in changes.items() if item.get(k) != v]
    item.update(changes)
    if changed:
        mark = f"{kind}:{code}"
        if mark not in draft["edited"]:
            draft["edited"].append(mark)
        recheck(draft)
    return changed


def set_task_agencies(draft: Draft, code: str, lead: str, coordinating: list[str]) -> None:
    """Agencies of one task chosen by hand (codes), replacing what the names in its wording give."""
    draft["task_agencies"][code] = TaskAgencies(lead=lead, coordinating=coordinating)
    mark = f"task:{code}"
    if mark not in draft["edited"]:
        draft["edited"].append(mark)
