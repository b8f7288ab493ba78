"""Reads: a plan's quantified targets as `TargetSpec`s, with the indicators that measure them."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.analytics.targets import Baseline, Comparator, Direction, TargetKind, TargetSpec, UnitTarget
from kehoach.core.formatting import vn_date
from kehoach.indicators import models as im
from kehoach.indicators.choices import TargetRole
from kehoach.plans import models as pm
from kehoach.plans.models import Plan, Target

# How the measure of a target is written, from the target's unit (a rate target's measure is a rate).
MEASURE_UNITS = {
    "percent": "%",
    "pp_per_year": "%",
    "million_vnd_per_person_per_year": "triệu đồng/người/năm",
    "years": "năm",
}


@dataclass(frozen=True)
class MeasuredTarget:
    """A target, its spec, and the indicators of its measure and (relative targets) reference."""

    target: Target
    spec: TargetSpec
    measure: im.Indicator | None
    reference: im.Indicator | None


def _spec(target: Target) -> TargetSpec:
    assert target.value is not None
    return TargetSpec(
        code=target.code,
        kind=TargetKind(target.kind),
        comparator=Comparator(target.comparator),
        value=target.value,
        milestone_year=target.milestone_year,
        direction=Direction(target.direction or Direction.MAINTAIN),
        measure=target.measure,
        measure_unit=MEASURE_UNITS.get(target.unit, ""),
        parent=target.parent.code if target.parent else None,
        reference=target.relative_to or None,
    )


def measured_targets(*, plan: Plan) -> list[MeasuredTarget]:
    """Every quantified target of the plan, in the plan's order."""
    rows = (
        Target.objects.filter(plan=plan, quantified=True)
        .exclude(kind="qualitative")
        .select_related("parent")
        .order_by("milestone_year", "order")
    )
    targets = list(rows)
    links: dict[tuple[int, str], im.Indicator] = {}
    for link in im.IndicatorTarget.objects.filter(target__in=targets).select_related("indicator"):
        links.setdefault((link.target_id, link.role), link.indicator)
    return [
        MeasuredTarget(
            target=t,
            spec=_spec(t),
            measure=links.get((t.pk, TargetRole.MEASURE)),
            reference=links.get((t.pk, TargetRole.REFERENCE)),
        )
        for t in targets
    ]


def baselines(*, indicators: list[int], unit: int) -> dict[int, Baseline]:
    """The earliest stored baseline of each indicator at the unit."""
    found: dict[int, Baseline] = {}
    rows = im.Baseline.objects.filter(indicator_id__in=indicators, unit_id=unit).order_by("-year")
    for indicator, year, value in rows.values_list("indicator_id", "year", "value"):
        found[indicator] = Baseline(year, value)
    return found


def _document(own: pm.UnitTarget) -> str:
    """The deciding document as the explanation names it ("văn bản số 12/QĐ-UBND ngày 05/01/2024")."""
    text = f"văn bản số {own.decision_number}" if own.decision_number else ""
    if own.decision_date is not None:
        text = f"{text or 'văn bản'} ngày {vn_date(own.decision_date)}"
    return text


def unit_targets(*, plan: Plan, unit: int) -> dict[str, UnitTarget]:
    """The unit's own targets for the plan's targets, by target code (absent: the plan's holds)."""
    rows = pm.UnitTarget.objects.filter(target__plan=plan, unit_id=unit).select_related("target")
    return {
        own.target.code: UnitTarget(
            target=own.target.code,
            unit=unit,
            value=own.value,
            comparator=Comparator(own.comparator) if own.comparator else None,
            milestone_year=own.milestone_year,
            document=_document(own),
        )
        for own in rows
    }
