"""What the save service and the forms need to know about one data set, read in a few queries and
turned into the plain dataclasses of the rule engine."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db.models import Prefetch, Q

from kehoach.core.recent import Recent
from kehoach.datavalues.validation import TOTAL, ElementSpec, RuleSpec
from kehoach.indicators.models import (
    CategoryCombo,
    CategoryOptionCombo,
    DataElement,
    DataSet,
    Indicator,
    ValidationRule,
)


@dataclass(frozen=True)
class ElementInfo:
    pk: int
    code: str
    name: str
    unit_label: str
    value_type: str
    decimals: int
    section: str
    option_combos: tuple[str, ...]  # the total first, then every disaggregate in form order
    agencies: frozenset[int]  # agencies responsible for an indicator using this element


@dataclass
class DataSetCatalogue:
    data_set: DataSet
    elements: dict[str, ElementInfo] = field(default_factory=dict)
    specs: dict[str, ElementSpec] = field(default_factory=dict)
    option_combos: dict[str, int] = field(default_factory=dict)  # code -> pk
    labels: dict[str, str] = field(default_factory=dict)  # option combo code -> name
    rules: list[RuleSpec] = field(default_factory=list)

    @property
    def element_codes_by_pk(self) -> dict[int, str]:
        return {e.pk: e.code for e in self.elements.values()}


_RECENT: Recent[DataSetCatalogue] = Recent()


def data_set_catalogue(*, data_set: DataSet) -> DataSetCatalogue:
    """Elements in form order with their disaggregations, responsible agencies and active rules.

    Reused for a few seconds per process (core/recent.py: it was a third of a one-value save);
    each caller gets its own containers, since views narrow `elements` to what a user handles."""
    held = _RECENT.get(data_set.pk, lambda: _read_catalogue(data_set))
    return replace(
        held,
        data_set=data_set,
        elements=dict(held.elements),
        specs=dict(held.specs),
        option_combos=dict(held.option_combos),
        labels=dict(held.labels),
        rules=list(held.rules),
    )


def _read_catalogue(data_set: DataSet) -> DataSetCatalogue:
    cat = DataSetCatalogue(data_set=data_set)
    total = CategoryOptionCombo.objects.get(code=TOTAL)
    cat.option_combos[TOTAL], cat.labels[TOTAL] = total.pk, total.name
    combos = Prefetch(
        "element__disaggregations",
        queryset=CategoryCombo.objects.prefetch_related(
            Prefetch("option_combos", queryset=CategoryOptionCombo.objects.order_by("order"))
        ).order_by("code"),
    )
    members = list(data_set.members.select_related("element").prefetch_related(combos).order_by("order"))
    element_ids = [mb.element_id for mb in members]
    agencies: dict[int, set[int]] = defaultdict(set)
    for num, den, agency in Indicator.objects.filter(
        Q(numerator_id__in=element_ids) | Q(denominator_id__in=element_ids)
    ).values_list("numerator_id", "denominator_id", "agency_id"):
        agencies[num].add(agency)
        if den is not None:
            agencies[den].add(agency)
    for mb in members:
        el: DataElement = mb.element
        disaggs = []
        cocs: list[str] = [TOTAL]
        for combo in el.disaggregations.all():
            codes = tuple(coc.code for coc in combo.option_combos.all())
            for coc in combo.option_combos.all():
                cat.option_combos[coc.code], cat.labels[coc.code] = coc.pk, coc.name
            disaggs.append((combo.code, combo.name, codes))
            cocs.extend(codes)
        cat.specs[el.code] = ElementSpec(el.code, el.name, el.value_type, tuple(disaggs))
        cat.elements[el.code] = ElementInfo(
            el.pk,
            el.code,
            el.name,
            el.unit_label,
            el.value_type,
            el.decimals,
            mb.section,
            tuple(cocs),
            frozenset(agencies[el.pk]),
        )
    cat.rules = rule_specs(element_ids=element_ids)
    return cat


def rule_specs(*, element_ids: list[int]) -> list[RuleSpec]:
    rules = ValidationRule.objects.filter(active=True, element_id__in=element_ids).select_related(
        "element", "other"
    )
    return [
        RuleSpec(
            code=r.code,
            kind=r.kind,
            severity=r.severity,
            element=r.element.code,
            explanation=r.explanation,
            other=r.other.code if r.other else None,
            min_value=r.min_value,
            max_value=r.max_value,
            threshold=r.threshold,
            min_history=r.min_history,
        )
        for r in rules.order_by("code")
    ]
