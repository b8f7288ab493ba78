"""Demo data: deterministic, plausible, labelled, written through the services."""

import pytest

from kehoach.datavalues import demo_units
from kehoach.datavalues.demo import create_demo_data
from kehoach.datavalues.demo_values import Profile, split
from kehoach.datavalues.models import DataValue, Submission
from kehoach.indicators.models import Baseline, Indicator
from kehoach.orgunits.demo import create_demo_villages


def test_generator_is_deterministic():
    assert demo_units.commune("gso-legacy:03433", 2023, town=True) == demo_units.commune(
        "gso-legacy:03433", 2023, town=True
    )
    assert demo_units.village("demo:x/1", 2021) != demo_units.village("demo:x/2", 2021)


def test_split_respects_caps_and_adds_up():
    parts = split(10, [5, 1, 1], caps=[4, 3, 3])
    assert sum(parts) == 10 and parts[0] == 4


@pytest.mark.parametrize("year", [2020, 2023, 2025])
def test_generated_units_have_parts_within_wholes(year):
    for key in ("gso-legacy:03433", "gso-legacy:03451", "gso-2025:03460"):
        v = demo_units.commune(key, year, town=False)
        for part_code, whole_code in [
            ("DS_DTTS", "DS_TONG"),
            ("TRE5_DI_HOC", "TRE5_TONG"),
            ("DT_CO_RUNG", "DT_TU_NHIEN"),
            ("LD_DTTS_DAO_TAO_NGHE", "LD_DTTS"),
        ]:
            assert v[(part_code, "default")] <= v[(whole_code, "default")]
        assert v[("DS_DTTS", "GT_NAM")] + v[("DS_DTTS", "GT_NU")] == v[("DS_DTTS", "default")]


def test_some_units_are_on_track_and_some_behind():
    tracks = {Profile(f"gso-legacy:034{n:02d}").on_track for n in range(33, 70)}
    assert tracks == {True, False}


@pytest.mark.django_db
def test_demo_fills_2020_to_2025_for_every_unit_through_the_services(seed_plan):
    create_demo_villages(district=seed_plan.admin_unit)
    assert create_demo_data(plan=seed_plan, say=lambda s: None) > 10_000
    assert not DataValue.objects.filter(is_demo=False).exists()
    periods = set(DataValue.objects.values_list("period", flat=True))
    assert periods == {"2020", "2021", "2022", "2023", "2024", "2025"}
    villages = DataValue.objects.filter(element__code="HO_TONG", period="2021").count()
    assert villages == 42
    assert Submission.objects.filter(period="2024").exclude(status="approved").count() == 0
    assert set(Submission.objects.filter(period="2025").values_list("status", flat=True)) == {
        "approved",
        "submitted",
        "draft",
    }
    assert Baseline.objects.filter(year=2020, is_demo=True, indicator__code="TL_HO_NGHEO_DTTS").count() == 42
    assert Baseline.objects.filter(indicator__code="TL_HO_NGHEO_DTTS").first().standard.code == "QD59-2015"
    # Numerators never exceed denominators: no ratio above 100 % at any unit and year.
    totals = {
        (e, u, p): v
        for e, u, p, v in DataValue.objects.filter(option_combo__code="default").values_list(
            "element_id", "unit_id", "period", "value"
        )
    }
    for ind in Indicator.objects.filter(type="ratio", numerator_combo__isnull=True):
        pairs = [
            (v, totals.get((ind.denominator_id, u, p)))
            for (e, u, p), v in totals.items()
            if e == ind.numerator_id
        ]
        assert pairs and all(den is not None and num <= den for num, den in pairs), ind.code
    assert create_demo_data(plan=seed_plan, say=lambda s: None) == 0  # idempotent
