"""The plan data file format (`kehoach.plan/1`) as typed structures.

This module is pure: no Django, no database. The seed data file, the document parser and the
export all speak this structure; docs/plan-data-format.md is its reference. Keys mirror the file
exactly so a parsed YAML/JSON mapping can be checked against these types.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

FORMAT_ID = "kehoach.plan/1"

Comparator = Literal[">=", ">", "<=", "<", "="]
COMPARATORS: tuple[str, ...] = (">=", ">", "<=", "<", "=")

TARGET_UNITS: tuple[str, ...] = (
    "percent",
    "pp_per_year",
    "percent_per_year",
    "million_vnd_per_person_per_year",
    "million_vnd",
    "years",
    "index",
    "count",
    "percent_of_baseline",
)
TARGET_KINDS: tuple[str, ...] = (
    "level",
    "change_per_year",
    "growth_per_year",
    "reduction_from_baseline",
    "relative_to_measure",
    "elimination",
    "qualitative",
)
DIRECTIONS: tuple[str, ...] = ("increase", "decrease", "maintain")
SECTORS: tuple[str, ...] = (
    "economy",
    "poverty",
    "infrastructure",
    "population",
    "education",
    "health",
    "labour",
    "culture",
    "cadres",
    "environment",
    "other",
)
POPULATIONS: tuple[str, ...] = ("ethnic_minority", "all", "other")
SECTION_KINDS: tuple[str, ...] = ("part", "item", "point", "bullet", "sub_bullet", "preamble", "closing")
TASK_KINDS: tuple[str, ...] = ("breakthrough", "main", "solution")
ASSIGNMENT_BASES: tuple[str, ...] = ("stated", "inferred")
FUNDING_SOURCES: tuple[str, ...] = ("total", "central", "local", "policy_credit", "other")
SPENDING_KINDS: tuple[str, ...] = ("total", "investment", "recurrent")
OBLIGATION_KINDS: tuple[str, ...] = (
    "annual_report",
    "midterm_review",
    "final_review",
    "commune_plan",
    "publication",
)
FREQUENCIES: tuple[str, ...] = ("annual", "once")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


class UnitRef(TypedDict):
    scheme: str
    code: str


class ImplementedDoc(TypedDict):
    kind: str
    number: str | None
    date: str | None
    issuer: str | None
    title: str | None
    relation: Literal["basis", "instruction"]


class Signer(TypedDict):
    authority: str | None
    deputy_prefix: str | None
    title: str | None
    name: str | None


class PlanMeta(TypedDict):
    code: str
    doc_type: str
    doc_type_name: NotRequired[str]
    number: str | None
    symbol: NotRequired[str]
    issuer: str
    issuer_name: NotRequired[str]
    place: NotRequired[str]
    issued_on: str | None
    issued_text: NotRequired[str]
    issued_year: NotRequired[int | None]
    issued_month: NotRequired[int | None]
    title: str
    period_start: int
    period_end: int
    vision_year: NotRequired[int | None]
    admin_unit: NotRequired[UnitRef | None]
    implements: NotRequired[list[ImplementedDoc]]
    signer: NotRequired[Signer | None]
    recipients: NotRequired[list[str]]


class Section(TypedDict):
    code: str
    parent: str | None
    label: str
    kind: str
    title: NotRequired[str]
    text: NotRequired[str]


class Objective(TypedDict):
    code: str
    section: str
    text: str


class Target(TypedDict):
    code: str
    section: str
    text: str
    milestone_year: int
    quantified: bool
    comparator: str | None
    value: str | int | float | None
    unit: str | None
    kind: str
    direction: NotRequired[str]
    measure: NotRequired[str]
    sector: NotRequired[str]
    population: NotRequired[str]
    relative_to: NotRequired[str | None]
    parent: NotRequired[str | None]


class Task(TypedDict):
    code: str
    section: str
    kind: str
    title: str
    text: NotRequired[str]
    sector: NotRequired[str | None]
    lead: NotRequired[str | None]
    coordinating: NotRequired[list[str]]
    assignment_basis: NotRequired[str]
    parent: NotRequired[str | None]


class BudgetLine(TypedDict):
    code: str
    section: NotRequired[str]
    programme: str
    phase: NotRequired[str | None]
    source: str
    kind: str
    amount_million_vnd: str | int | float
    text: NotRequired[str]
    parent: NotRequired[str | None]


class Responsibility(TypedDict):
    code: str
    section: str
    agency: str
    text: str
    duties: NotRequired[list[str]]


class Obligation(TypedDict):
    code: str
    section: str
    kind: str
    agency: str
    recipients: NotRequired[list[str]]
    frequency: str
    due_year: NotRequired[int | None]
    text: str


class PlanDocument(TypedDict):
    format: str
    plan: PlanMeta
    sections: list[Section]
    objectives: NotRequired[list[Objective]]
    targets: NotRequired[list[Target]]
    tasks: NotRequired[list[Task]]
    budget_lines: NotRequired[list[BudgetLine]]
    responsibilities: NotRequired[list[Responsibility]]
    obligations: NotRequired[list[Obligation]]


class Finding(TypedDict):
    severity: str
    code: str
    message: str
    location: str
