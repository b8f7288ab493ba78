"""Every quantified target of the seed plan can be judged, and the enumerations mirror the models'."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kehoach.analytics import definitions, targets
from kehoach.analytics.judgement import judge
from kehoach.analytics.targets import Comparator, Direction, JudgementSettings, Status, TargetKind, TargetSpec

SEED = Path(__file__).resolve().parents[2] / "plans" / "data" / "seed" / "muong-te-ctdt-2022.yaml"
# How the measure of a target is written, from the target's unit (a rate target's measure is a rate).
MEASURE_UNITS = {
    "percent": "%",
    "pp_per_year": "%",
    "million_vnd_per_person_per_year": "triệu đồng/người/năm",
    "years": "năm",
    "index": "",
    "count": "",
    "percent_per_year": "",
    "percent_of_baseline": "",
}


def seed_targets() -> list[dict[str, object]]:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    return [t for t in data["targets"] if t.get("quantified", True) and t["kind"] != "qualitative"]


def spec(row: dict[str, object]) -> TargetSpec:
    return TargetSpec(
        code=str(row["code"]),
        kind=TargetKind(row["kind"]),
        comparator=Comparator(row["comparator"]),
        value=Decimal(str(row["value"])),
        milestone_year=int(str(row["milestone_year"])),
        direction=Direction(row["direction"]),
        measure=str(row["measure"]),
        measure_unit=MEASURE_UNITS[str(row["unit"])],
        parent=str(row["parent"]) if row.get("parent") else None,
        reference=str(row["relative_to"]) if row.get("relative_to") else None,
    )


def test_the_seed_has_every_kind_of_quantified_target():
    kinds = {row["kind"] for row in seed_targets()}
    assert kinds == {k.value for k in TargetKind}
    assert any(row.get("parent") for row in seed_targets())


@pytest.mark.parametrize("row", seed_targets(), ids=lambda row: str(row["code"]))
def test_every_seed_target_is_judged_with_an_explanation(row):
    target = spec(row)
    rising = target.direction is not Direction.DECREASE
    values = {2021: Decimal(40), 2022: Decimal(45 if rising else 35), 2023: Decimal(50 if rising else 30)}
    reference = {year: Decimal(60) for year in values}
    result = judge(target, 1, values, JudgementSettings(current_year=2024), reference=reference)
    assert result.status is not Status.NO_DATA
    assert result.target_level is not None and result.forecast is not None
    assert result.explanation.sentence.endswith(".") and "Đánh giá:" in result.explanation.sentence
    assert len(result.explanation.figures) >= 12


def test_enumerations_mirror_the_plan_choices():
    from kehoach.plans import choices as plan_choices

    assert {k.value for k in TargetKind} | {"qualitative"} == set(plan_choices.TargetKind.values)
    assert {c.value for c in targets.Comparator} == set(plan_choices.Comparator.values)
    assert {d.value for d in targets.Direction} == set(plan_choices.Direction.values)


def test_enumerations_mirror_the_indicator_choices():
    from kehoach.indicators import choices as indicator_choices

    assert {t.value for t in definitions.IndicatorType} == set(indicator_choices.IndicatorType.values)
    assert {a.value for a in definitions.AggregationType} == set(indicator_choices.AggregationType.values)
