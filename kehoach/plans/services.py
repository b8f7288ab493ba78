"""Writes for plans: loading a plan data file, editing elements. Every write is audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from kehoach.agencies.models import Agency
from kehoach.audit.choices import Channel
from kehoach.audit.services import diff_fields, record_event
from kehoach.core.exceptions import ValidationFailed
from kehoach.core.text import fold, nfc
from kehoach.orgunits.selectors import unit_by_code
from kehoach.plans import models as m
from kehoach.plans.validation import decimal_or_none, validate_plan_document

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED_PLAN = DATA_DIR / "seed" / "muong-te-ctdt-2022.yaml"
MAX_FILE_BYTES = 5_000_000


def read_data_file(path: Path) -> Any:
    """Read YAML or JSON (JSON is YAML) safely: no Python tags, bounded size, UTF-8 only."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationFailed(f"Không đọc được tệp {path.name}: {exc.strerror}.") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationFailed(f"Tệp {path.name} quá lớn ({len(raw):,} byte).".replace(",", "."))
    try:
        return yaml.safe_load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValidationFailed(f"Tệp {path.name} không phải văn bản UTF-8.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 1}, cột {mark.column + 1})" if mark else ""
        raise ValidationFailed(f"Tệp {path.name} không đúng cú pháp YAML{where}.") from exc


@transaction.atomic
def load_programmes(*, data: Any, actor: Any = None, channel: Channel = Channel.CLI) -> int:
    """Create or update programmes from `kehoach.programmes/1`."""
    if not isinstance(data, dict) or data.get("format") != "kehoach.programmes/1":
        raise ValidationFailed("Tệp chương trình phải có định dạng “kehoach.programmes/1”.")
    items = data.get("programmes") or []
    bad = [
        str(i)
        for i, p in enumerate(items, 1)
        if not (isinstance(p, dict) and p.get("code") and p.get("name"))
    ]
    if bad:
        raise ValidationFailed(
            "Tệp chương trình có lỗi.", messages=[f"Chương trình thứ {i}: thiếu mã hoặc tên." for i in bad]
        )
    for p in items:
        m.Programme.objects.update_or_create(
            code=p["code"],
            defaults={
                "name": nfc(p["name"]),
                "short_name": nfc(p.get("short_name") or ""),
                "period_start": p.get("period_start"),
                "period_end": p.get("period_end"),
                "legal_basis": nfc(p.get("legal_basis") or ""),
            },
        )
    record_event(
        actor=actor,
        action="programmes.load",
        object_type="plans.programme",
        object_id="",
        changes={"programmes": len(items)},
        channel=channel,
    )
    return len(items)


def _s(value: Any) -> str:
    return nfc(str(value)) if value is not None else ""


@transaction.atomic
def load_plan_document(
    *, doc: Any, actor: Any = None, channel: Channel = Channel.CLI, source_name: str = ""
) -> m.Plan:
    """Create a plan from a `kehoach.plan/1` document: validated first, then written in one transaction."""
    agencies = {a.code: a for a in Agency.objects.all()}
    programmes = {p.code: p for p in m.Programme.objects.all()}
    errors = validate_plan_document(
        doc,
        agency_exists=agencies.__contains__,
        unit_exists=lambda s, c: unit_by_code(scheme=s, code=c) is not None,
        programme_exists=programmes.__contains__,
    )
    if not errors and m.Plan.objects.filter(code=doc["plan"]["code"]).exists():
        errors.append(f"Kế hoạch mã “{doc['plan']['code']}” đã có trong hệ thống.")
    if errors:
        raise ValidationFailed("Tệp kế hoạch có lỗi, không nạp gì.", messages=errors)
    meta = doc["plan"]
    unit_ref = meta.get("admin_unit")
    plan = m.Plan.objects.create(
        code=meta["code"],
        doc_type=_s(meta["doc_type"]),
        doc_type_name=_s(meta.get("doc_type_name")),
        number=_s(meta.get("number")),
        symbol=_s(meta.get("symbol")),
        issuer=agencies[meta["issuer"]],
        issuer_name=_s(meta.get("issuer_name")),
        place=_s(meta.get("place")),
        issued_on=dt.date.fromisoformat(str(meta["issued_on"])) if meta.get("issued_on") else None,
        issued_text=_s(meta.get("issued_text")),
        issued_year=meta.get("issued_year"),
        issued_month=meta.get("issued_month"),
        title=_s(meta["title"]),
        period_start=meta["period_start"],
        period_end=meta["period_end"],
        vision_year=meta.get("vision_year"),
        admin_unit=unit_by_code(scheme=str(unit_ref["scheme"]), code=str(unit_ref["code"]))
        if unit_ref
        else None,
        signer={k: _s(v) if v is not None else None for k, v in (meta.get("signer") or {}).items()},
        recipients=[_s(r) for r in meta.get("recipients") or []],
        source_name=source_name,
        search_text=fold(f"{meta['title']} {meta.get('place', '')} {meta['code']}"),
    )
    for i, ref in enumerate(meta.get("implements") or []):
        m.ImplementedDocument.objects.create(
            plan=plan,
            order=i,
            kind=_s(ref.get("kind")),
            number=_s(ref.get("number")),
            date=dt.date.fromisoformat(str(ref["date"])) if ref.get("date") else None,
            issuer=_s(ref.get("issuer")),
            title=_s(ref.get("title")),
            relation=_s(ref.get("relation")),
        )
    sections = _create_sections(plan, doc["sections"])
    for i, o in enumerate(doc.get("objectives") or []):
        m.Objective.objects.create(
            plan=plan, code=o["code"], order=i, section=sections[o["section"]], text=_s(o["text"])
        )
    _create_targets(plan, doc.get("targets") or [], sections)
    _create_tasks(plan, doc.get("tasks") or [], sections, agencies)
    _create_budget(plan, doc.get("budget_lines") or [], sections, programmes)
    for i, r in enumerate(doc.get("responsibilities") or []):
        m.Responsibility.objects.create(
            plan=plan,
            code=r["code"],
            order=i,
            section=sections[r["section"]],
            agency=agencies[r["agency"]],
            text=_s(r["text"]),
            duties=[_s(x) for x in r.get("duties") or []],
        )
    for i, o in enumerate(doc.get("obligations") or []):
        ob = m.Obligation.objects.create(
            plan=plan,
            code=o["code"],
            order=i,
            section=sections[o["section"]],
            kind=o["kind"],
            agency=agencies[o["agency"]],
            frequency=o["frequency"],
            due_year=o.get("due_year"),
            text=_s(o["text"]),
        )
        ob.recipients.set([agencies[c] for c in o.get("recipients") or []])
    record_event(
        actor=actor,
        action="plan.load",
        obj=plan,
        channel=channel,
        changes={
            name: len(doc.get(name) or [])
            for name in ("sections", "targets", "tasks", "budget_lines", "responsibilities", "obligations")
        }
        | {"source": source_name},
    )
    return plan


def _create_sections(plan: m.Plan, items: list[dict[str, Any]]) -> dict[str, m.Section]:
    created: dict[str, m.Section] = {}
    for i, s in enumerate(items):
        parent = created.get(s["parent"]) if s.get("parent") else None
        created[s["code"]] = m.Section.objects.create(
            plan=plan,
            code=s["code"],
            order=i,
            parent=parent,
            label=_s(s.get("label")),
            kind=s["kind"],
            title=_s(s.get("title")),
            text=_s(s.get("text")),
            depth=(parent.depth + 1) if parent else 0,
        )
    return created


def _create_targets(plan: m.Plan, items: list[dict[str, Any]], sections: dict[str, m.Section]) -> None:
    created: dict[str, m.Target] = {}
    # Parents first, whatever the file order, so sub-targets can point at them.
    for i, t in sorted(enumerate(items), key=lambda p: p[1].get("parent") is not None):
        quantified = bool(t.get("quantified", True))
        created[t["code"]] = m.Target.objects.create(
            plan=plan,
            code=t["code"],
            order=i,
            section=sections[t["section"]],
            text=_s(t["text"]),
            milestone_year=t["milestone_year"],
            quantified=quantified,
            comparator=(t.get("comparator") or "") if quantified else "",
            value=decimal_or_none(t.get("value")) if quantified else None,
            unit=(t.get("unit") or "") if quantified else "",
            kind=t["kind"],
            direction=t.get("direction") or "",
            measure=_s(t.get("measure")),
            sector=t.get("sector") or "",
            population=t.get("population") or "",
            relative_to=_s(t.get("relative_to")),
            parent=created.get(t.get("parent") or ""),
            search_text=fold(f"{t['text']} {t.get('measure', '')}"),
        )


def _create_tasks(
    plan: m.Plan, items: list[dict[str, Any]], sections: dict[str, m.Section], agencies: dict[str, Agency]
) -> None:
    created: dict[str, m.Task] = {}
    pending = list(enumerate(items))
    while pending:  # parents before children (the file usually has them in order already)
        rest = []
        for i, t in pending:
            if t.get("parent") and t["parent"] not in created:
                rest.append((i, t))
                continue
            task = m.Task.objects.create(
                plan=plan,
                code=t["code"],
                order=i,
                section=sections[t["section"]],
                kind=t["kind"],
                title=_s(t["title"]),
                text=_s(t.get("text")),
                sector=t.get("sector") or "",
                lead=agencies.get(t.get("lead") or ""),
                assignment_basis=t.get("assignment_basis") or "",
                parent=created.get(t.get("parent") or ""),
                search_text=fold(f"{t['title']} {t.get('text', '')}"),
            )
            task.coordinating.set([agencies[c] for c in t.get("coordinating") or []])
            created[t["code"]] = task
        if len(rest) == len(pending):
            raise ValidationFailed("Quan hệ nhiệm vụ cha - con bị vòng lặp.")
        pending = rest


def _create_budget(
    plan: m.Plan,
    items: list[dict[str, Any]],
    sections: dict[str, m.Section],
    programmes: dict[str, m.Programme],
) -> None:
    created: dict[str, m.BudgetLine] = {}
    pending = list(enumerate(items))
    while pending:
        rest = []
        for i, b in pending:
            if b.get("parent") and b["parent"] not in created:
                rest.append((i, b))
                continue
            created[b["code"]] = m.BudgetLine.objects.create(
                plan=plan,
                code=b["code"],
                order=i,
                section=sections.get(b.get("section") or ""),
                programme=programmes[b["programme"]],
                phase=_s(b.get("phase")),
                source=b["source"],
                kind=b["kind"],
                amount_million_vnd=Decimal(str(b["amount_million_vnd"])),  # validated above
                text=_s(b.get("text")),
                parent=created.get(b.get("parent") or ""),
            )
        if len(rest) == len(pending):
            raise ValidationFailed("Quan hệ dòng nguồn lực cha - con bị vòng lặp.")
        pending = rest


@transaction.atomic
def update_plan_element(
    *, obj: Any, changes: dict[str, Any], actor: Any, channel: Channel = Channel.WEB, reason: str = ""
) -> dict[str, list[Any]]:
    """Apply field changes to a plan element (or the plan), audited; returns {field: [old, new]}.

    Permission is checked by the caller through kehoach.accounts.scope; model constraints are
    re-validated here so every path (form, API, admin) gets the same rules.
    """
    m2m = {k: v for k, v in changes.items() if k == "coordinating"}
    plain = {k: (nfc(v) if isinstance(v, str) else v) for k, v in changes.items() if k not in m2m}
    diff = diff_fields(obj, plain)
    if "coordinating" in m2m:
        old = sorted(a.code for a in obj.coordinating.all())
        new = sorted(a.code for a in m2m["coordinating"])
        if old != new:
            diff["coordinating"] = [old, new]
    if not diff:
        return diff
    for name, value in plain.items():
        setattr(obj, name, value)
    if hasattr(obj, "search_text") and isinstance(obj, m.Target | m.Task):
        words = f"{obj.text} {getattr(obj, 'measure', '')} {getattr(obj, 'title', '')}"
        obj.search_text = fold(words)
    try:
        obj.full_clean(exclude=["plan", "section", "search_text"])
    except Exception as exc:  # django ValidationError: turn into the domain error with its messages
        messages = getattr(exc, "messages", [str(exc)])
        raise ValidationFailed("Dữ liệu không hợp lệ.", messages=list(messages)) from exc
    obj.save()
    if "coordinating" in m2m:
        obj.coordinating.set(m2m["coordinating"])
    record_event(
        actor=actor,
        action=f"{obj._meta.model_name}.update",
        obj=obj,
        changes=diff,
        channel=channel,
        reason=reason,
    )
    return diff
