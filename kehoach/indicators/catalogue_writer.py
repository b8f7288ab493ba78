"""Writes a validated catalogue document (called by services.load_catalogue inside its transaction)."""

from __future__ import annotations

import itertools
from typing import Any

from django.db import models

from kehoach.agencies.models import Agency
from kehoach.core.text import nfc
from kehoach.indicators import models as m
from kehoach.indicators.validation import as_decimal
from kehoach.orgunits.models import UnitLevel
from kehoach.plans.models import Plan, Target

TOTAL_NAME = "Tổng số"


def upsert(
    model: type[Any], lookup: dict[str, Any], defaults: dict[str, Any], *, update: bool
) -> tuple[Any, bool]:
    """Create when missing; change an existing row only when `update` (admin edits survive)."""
    manager = model.objects
    result: tuple[Any, bool] = (
        manager.update_or_create(**lookup, defaults=defaults)
        if update
        else manager.get_or_create(**lookup, defaults=defaults)
    )
    return result


def _sync_m2m(obj: models.Model, field: str, items: list[Any], created: bool, update: bool) -> None:
    if created or update:
        getattr(obj, field).set(items)


def write_catalogue(data: dict[str, Any], *, update: bool) -> dict[str, int]:
    default_combo, _ = m.CategoryCombo.objects.get_or_create(
        code=m.DEFAULT_COMBO, defaults={"name": TOTAL_NAME}
    )
    m.CategoryOptionCombo.objects.get_or_create(
        code=m.DEFAULT_COMBO, defaults={"combo": default_combo, "name": TOTAL_NAME, "order": 0}
    )
    categories = _categories(data, update)
    combos = _combos(data, categories, update)
    elements = _elements(data, combos, update)
    _data_sets(data, elements, update)
    n_indicators = _indicators(data, elements, update)
    return {
        "categories": len(categories),
        "combos": len(combos),
        "data_elements": len(elements),
        "data_sets": len(data.get("data_sets") or []),
        "indicators": n_indicators,
    }


def _categories(data: dict[str, Any], update: bool) -> dict[str, tuple[m.Category, list[m.CategoryOption]]]:
    groups = {g.code: g for g in m.EthnicGroup.objects.all()}
    out = {}
    for order, spec in enumerate(data.get("categories") or [], 1):
        cat, _ = upsert(
            m.Category, {"code": spec["code"]}, {"name": nfc(spec["name"]), "order": order}, update=update
        )
        options = []
        for o_order, o in enumerate(spec["options"], 1):
            group = groups.get(str(o["ethnic_group"])) if o.get("ethnic_group") is not None else None
            defaults = {"category": cat, "name": nfc(o["name"]), "order": o_order, "ethnic_group": group}
            option, _ = upsert(m.CategoryOption, {"code": o["code"]}, defaults, update=update)
            options.append(option)
        out[cat.code] = (cat, options)
    return out


def _combos(
    data: dict[str, Any], categories: dict[str, tuple[m.Category, list[m.CategoryOption]]], update: bool
) -> dict[str, m.CategoryCombo]:
    out = {}
    for spec in data.get("combos") or []:
        combo, created = upsert(
            m.CategoryCombo, {"code": spec["code"]}, {"name": nfc(spec["name"])}, update=update
        )
        cats = [categories[c][0] for c in spec["categories"]]
        _sync_m2m(combo, "categories", cats, created, update)
        # One option combo per choice of one option in each category (codes joined by ".").
        for order, options in enumerate(
            itertools.product(*(categories[c][1] for c in spec["categories"])), 1
        ):
            code = ".".join(o.code for o in options)
            name = " – ".join(o.name for o in options)
            coc, made = upsert(
                m.CategoryOptionCombo,
                {"code": code},
                {"combo": combo, "name": name, "order": order},
                update=update,
            )
            _sync_m2m(coc, "options", list(options), made, update)
        out[combo.code] = combo
    return out


def _elements(
    data: dict[str, Any], combos: dict[str, m.CategoryCombo], update: bool
) -> dict[str, m.DataElement]:
    out = {}
    for spec in data.get("data_elements") or []:
        defaults = {
            "name": nfc(spec["name"]),
            "short_name": nfc(spec.get("short_name") or ""),
            "description": nfc(spec.get("description") or ""),
            "value_type": spec["value_type"],
            "unit_label": nfc(str(spec["unit"])),
            "aggregation": spec.get("aggregation") or "sum",
            "decimals": spec.get("decimals", 0),
        }
        element, created = upsert(m.DataElement, {"code": spec["code"]}, defaults, update=update)
        _sync_m2m(
            element,
            "disaggregations",
            [combos[d] for d in spec.get("disaggregations") or []],
            created,
            update,
        )
        out[element.code] = element
    return out


def _data_sets(data: dict[str, Any], elements: dict[str, m.DataElement], update: bool) -> None:
    levels = {lv.code: lv for lv in UnitLevel.objects.all()}
    for spec in data.get("data_sets") or []:
        defaults = {
            "name": nfc(spec["name"]),
            "description": nfc(spec.get("description") or ""),
            "level": levels[spec["level"]],
            "period_type": spec["period_type"],
            "window": spec["window"],
            "plan": Plan.objects.get(code=spec["plan"]),
            "agency": Agency.objects.filter(code=spec.get("agency") or "").first(),
        }
        ds, created = upsert(m.DataSet, {"code": spec["code"]}, defaults, update=update)
        if not (created or update):
            continue
        ds.members.all().delete()
        order = 0
        for section in spec.get("sections") or []:
            for code in section["elements"]:
                order += 1
                m.DataSetElement.objects.create(
                    data_set=ds, element=elements[code], section=nfc(section.get("name") or ""), order=order
                )


def _indicators(data: dict[str, Any], elements: dict[str, m.DataElement], update: bool) -> int:
    levels = {lv.code: lv for lv in UnitLevel.objects.all()}
    agencies = {a.code: a for a in Agency.objects.all()}
    specs = data.get("indicators") or []
    for order, spec in enumerate(specs, 1):
        num, num_combo = _term(spec["numerator"], elements)
        den, den_combo = _term(spec.get("denominator"), elements)
        defaults = {
            "name": nfc(spec["name"]),
            "definition": nfc(spec["definition"]),
            "type": spec["type"],
            "unit_label": nfc(str(spec["unit"])),
            "factor": as_decimal(spec["factor"]),
            "decimals": spec.get("decimals", 1),
            "numerator": num,
            "numerator_combo": num_combo,
            "denominator": den,
            "denominator_combo": den_combo,
            "level": levels[spec["level"]],
            "period_type": spec["frequency"],
            "source": nfc(spec["source"]),
            "agency": agencies[spec["agency"]],
            "direction": spec["direction"],
            "sector": spec.get("sector") or "",
            "population": spec.get("population") or "",
            "standard_topic": spec.get("standard") or "",
            "order": order,
        }
        indicator, created = upsert(m.Indicator, {"code": spec["code"]}, defaults, update=update)
        if created or update:
            indicator.target_links.all().delete()
            for link in spec["targets"]:
                m.IndicatorTarget.objects.create(
                    indicator=indicator,
                    target=Target.objects.get(plan__code=link["plan"], code=link["code"]),
                    role=link.get("role", "measure"),
                )
    return len(specs)


def _term(
    value: Any, elements: dict[str, m.DataElement]
) -> tuple[m.DataElement | None, m.CategoryOptionCombo | None]:
    if value is None:
        return None, None
    if isinstance(value, dict):
        return elements[value["element"]], m.CategoryOptionCombo.objects.get(code=value["combo"])
    return elements[value], None
