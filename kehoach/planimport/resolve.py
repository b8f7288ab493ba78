"""From a draft to the document the loader takes: names replaced by the codes chosen. Pure.

Every name must be decided: an agency, or SKIP for a name the officer leaves out (a coordinating
body that is not in the agency list, say). What SKIP removes: the name from a task's lead or
coordinating list and from a report's recipients; a responsibility or obligation of a skipped
agency as a whole (it cannot exist without its agency); budget lines of a skipped programme with
their components. Anything undecided is an error and nothing is built.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, cast

from kehoach.plans.document import PlanDocument, UnitRef

from .draft import SKIP, Draft, issuer_name


def undecided(draft: Draft) -> list[str]:
    """What still has to be chosen before the plan can be created, in Vietnamese."""
    errors: list[str] = []
    if not draft["issuer"]["choice"] or draft["issuer"]["choice"] == SKIP:
        errors.append(f"Chưa chọn cơ quan ban hành (văn bản ghi “{issuer_name(draft['document'])}”).")
    if draft["unit"]["choice"] is None:
        errors.append("Chưa chọn đơn vị hành chính mà kế hoạch thuộc về.")
    for agency in draft["agencies"]:
        if not agency["choice"]:
            errors.append(
                f"Chưa khớp cơ quan “{agency['name']}” với danh mục cơ quan: "
                "hãy chọn một cơ quan hoặc chọn bỏ qua tên này."
            )
    used = {line["programme"] for line in draft["document"].get("budget_lines", [])}
    for code, choice in draft["programmes"].items():
        if not choice and code in used:  # a correction may have moved every line to a known programme
            errors.append(f"Chưa chọn chương trình cho các dòng nguồn lực ghi là “{code}”.")
    return errors


def agency_code(draft: Draft, name: str | None) -> str | None:
    """The agency chosen for a name as written; None when undecided or skipped."""
    choice = next((a["choice"] for a in draft["agencies"] if a["name"] == name), "") if name else ""
    return None if not choice or choice == SKIP else choice


def task_agency_codes(draft: Draft, task: Mapping[str, Any]) -> tuple[str | None, list[str]]:
    """(lead, coordinating) codes of a task: set by hand, else from the names its wording gives."""
    manual = draft["task_agencies"].get(task["code"])
    if manual is not None:
        lead = manual["lead"] or None
        coordinating = manual["coordinating"]
    else:
        lead = agency_code(draft, task.get("lead"))
        coordinating = [c for c in (agency_code(draft, n) for n in task.get("coordinating") or []) if c]
    return lead, [c for c in dict.fromkeys(coordinating) if c != lead]


def final_document(draft: Draft, *, unit_ref: UnitRef | None) -> PlanDocument:
    """The draft as a `kehoach.plan/1` document with codes; call only when `undecided` is empty."""
    doc = copy.deepcopy(draft["document"])

    def codes_of(names: list[str]) -> list[str]:
        return list(dict.fromkeys(c for c in (agency_code(draft, n) for n in names) if c))

    meta = doc["plan"]
    meta["issuer"] = draft["issuer"]["choice"]
    meta["admin_unit"] = unit_ref
    for task in doc.get("tasks", []):
        task["lead"], task["coordinating"] = task_agency_codes(draft, task)
    doc["responsibilities"] = [r for r in doc.get("responsibilities", []) if agency_code(draft, r["agency"])]
    for resp in doc["responsibilities"]:
        resp["agency"] = cast(str, agency_code(draft, resp["agency"]))
    doc["obligations"] = [o for o in doc.get("obligations", []) if agency_code(draft, o["agency"])]
    for ob in doc["obligations"]:
        ob["agency"] = cast(str, agency_code(draft, ob["agency"]))
        ob["recipients"] = codes_of(ob.get("recipients", []))
    lines = cast(list[dict[str, Any]], doc.get("budget_lines", []))
    doc["budget_lines"] = cast(Any, _budget(lines, draft))
    return doc


def _budget(lines: list[dict[str, Any]], draft: Draft) -> list[dict[str, Any]]:
    """Lines with the programmes chosen; lines of a skipped programme go, with their components."""

    def programme(line: dict[str, Any]) -> str:
        return str(draft["programmes"].get(line["programme"], line["programme"]))

    dropped = {line["code"] for line in lines if programme(line) == SKIP}
    while more := {line["code"] for line in lines if line.get("parent") in dropped} - dropped:
        dropped |= more
    return [{**line, "programme": programme(line)} for line in lines if line["code"] not in dropped]
