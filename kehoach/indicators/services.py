"""Loading the catalogue data files. Every file is validated whole before anything is written.

Reference data (the 54 ethnic groups, legal standards) is always brought in line with its file.
The catalogue and the validation rules are administrator-editable: by default a load only adds
what is missing, so `kehoach init` never overwrites an edit made in the admin; `update=True`
(`manage.py load_indicators --update`) makes the database match the file again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction

from kehoach.agencies.models import Agency
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import ValidationFailed
from kehoach.core.text import nfc
from kehoach.indicators import models as m
from kehoach.indicators.catalogue_writer import upsert, write_catalogue
from kehoach.indicators.periods import periods_between
from kehoach.indicators.validation import (
    as_decimal,
    validate_ethnic_groups,
    validate_rules,
    validate_standards,
)
from kehoach.indicators.validation_catalogue import validate_catalogue
from kehoach.plans.models import Plan, Target
from kehoach.plans.services import read_data_file

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILE = DATA_DIR / "muong-te-ctdt-2022.yaml"


def _fail_if(errors: list[str], what: str) -> None:
    if errors:
        raise ValidationFailed(f"Tệp {what} có lỗi, không nạp gì.", messages=errors)


@transaction.atomic
def load_ethnic_groups(*, data: Any, actor: Any = None, channel: Channel = Channel.CLI) -> int:
    _fail_if(validate_ethnic_groups(data), "danh mục dân tộc")
    for g in data["groups"]:
        m.EthnicGroup.objects.update_or_create(
            code=str(g["code"]),
            defaults={
                "name": nfc(str(g["name"])),
                "aliases": [nfc(str(a)) for a in g.get("aliases") or []],
                "is_minority": bool(g.get("minority", True)),
            },
        )
    record_event(
        actor=actor,
        action="indicators.load_ethnic_groups",
        object_type="indicators.ethnicgroup",
        changes={"groups": len(data["groups"])},
        channel=channel,
    )
    return len(data["groups"])


@transaction.atomic
def load_standards(*, data: Any, actor: Any = None, channel: Channel = Channel.CLI) -> int:
    _fail_if(validate_standards(data), "chuẩn đo lường")
    for s in data["standards"]:
        m.MeasurementStandard.objects.update_or_create(
            code=s["code"],
            defaults={
                "topic": s["topic"],
                "name": nfc(s["name"]),
                "legal_basis": nfc(s["legal_basis"]),
                "first_year": s.get("first_year"),
                "last_year": s.get("last_year"),
            },
        )
    record_event(
        actor=actor,
        action="indicators.load_standards",
        object_type="indicators.measurementstandard",
        changes={"standards": len(data["standards"])},
        channel=channel,
    )
    return len(data["standards"])


@transaction.atomic
def load_catalogue(
    *, data: Any, update: bool = False, actor: Any = None, channel: Channel = Channel.CLI
) -> dict[str, int]:
    """Load a `kehoach.indicators/1` document; returns how many of each kind it holds."""
    agencies = set(Agency.objects.values_list("code", flat=True))
    plans = set(Plan.objects.values_list("code", flat=True))
    targets = set(Target.objects.values_list("plan__code", "code"))
    groups = set(m.EthnicGroup.objects.values_list("code", flat=True))
    _fail_if(
        validate_catalogue(
            data,
            agency_exists=agencies.__contains__,
            plan_exists=plans.__contains__,
            target_exists=lambda p, t: (p, t) in targets,
            ethnic_group_exists=groups.__contains__,
        ),
        "danh mục chỉ số",
    )
    counts = write_catalogue(data, update=update)
    counts["rounds"] = create_rounds(data=data)
    record_event(
        actor=actor,
        action="indicators.load_catalogue",
        object_type="indicators.indicator",
        changes={**counts, "update": update},
        channel=channel,
    )
    return counts


def create_rounds(*, data: Any) -> int:
    """Add the reporting rounds a data set declares (existing rounds, maybe edited, are kept)."""
    created = 0
    for spec in data.get("data_sets") or []:
        rounds = spec.get("rounds")
        if not rounds:
            continue
        ds = m.DataSet.objects.get(code=spec["code"])
        for period in periods_between(rounds["first_year"], rounds["last_year"], ds.period_type):
            start, end = period.window(ds.window)
            _, made = m.ReportingRound.objects.get_or_create(
                data_set=ds,
                period=period.code,
                defaults={
                    "opens_on": start + dt.timedelta(days=rounds["opens_after_start"]),
                    "due_on": end + dt.timedelta(days=rounds["due_after_end"]),
                    "closes_on": end + dt.timedelta(days=rounds["closes_after_end"]),
                },
            )
            created += made
    return created


@transaction.atomic
def load_validation_rules(
    *, data: Any, update: bool = False, actor: Any = None, channel: Channel = Channel.CLI
) -> int:
    elements = {e.code: e for e in m.DataElement.objects.all()}
    _fail_if(validate_rules(data, element_exists=elements.__contains__), "quy tắc kiểm tra")
    for r in data["rules"]:
        upsert(
            m.ValidationRule,
            {"code": r["code"]},
            {
                "name": nfc(r["name"]),
                "kind": r["kind"],
                "severity": r["severity"],
                "element": elements[r["element"]],
                "other": elements.get(r.get("other") or ""),
                "min_value": as_decimal(r.get("min")),
                "max_value": as_decimal(r.get("max")),
                "threshold": as_decimal(r.get("threshold")),
                "min_history": r.get("min_history", 3),
                "explanation": nfc(r["explanation"]),
                "active": r.get("active", True),
            },
            update=update,
        )
    record_event(
        actor=actor,
        action="indicators.load_rules",
        object_type="indicators.validationrule",
        changes={"rules": len(data["rules"]), "update": update},
        channel=channel,
    )
    return len(data["rules"])


def load_default_catalogue(*, say: Callable[[str], None], update: bool = False) -> None:
    """The shipped reference data, catalogue and rules (called by `kehoach init`)."""
    n = load_ethnic_groups(data=read_data_file(DATA_DIR / "ethnic-groups.yaml"))
    say(f"Danh mục dân tộc: {n} dân tộc.")
    load_standards(data=read_data_file(DATA_DIR / "standards.yaml"))
    counts = load_catalogue(data=read_data_file(CATALOGUE_FILE), update=update)
    say(f"Danh mục chỉ số: {counts['indicators']} chỉ số, {counts['data_elements']} số liệu thu thập.")
    n = load_validation_rules(data=read_data_file(DATA_DIR / "validation-rules.yaml"), update=update)
    say(f"Quy tắc kiểm tra số liệu: {n} quy tắc.")
