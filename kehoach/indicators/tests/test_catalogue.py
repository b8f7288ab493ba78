"""The shipped catalogue as loaded by `kehoach init` (the session database)."""

import copy

import pytest

from kehoach.audit.models import AuditEvent
from kehoach.core.exceptions import ValidationFailed
from kehoach.indicators import models as m
from kehoach.indicators.services import CATALOGUE_FILE, load_catalogue
from kehoach.plans.services import read_data_file

pytestmark = pytest.mark.django_db


def test_every_quantified_target_of_the_seed_has_an_indicator(seed_plan):
    unmeasured = seed_plan.targets.filter(quantified=True, indicator_links__isnull=True)
    assert list(unmeasured.values_list("code", flat=True)) == []
    assert seed_plan.targets.filter(quantified=True).count() == 47


def test_qualitative_targets_are_not_given_indicators(seed_plan):
    assert not m.IndicatorTarget.objects.filter(target__quantified=False).exists()


def test_ratio_indicators_expose_numerator_and_denominator():
    ind = m.Indicator.objects.get(code="TL_HO_NGHEO_DTTS")
    assert (ind.numerator.code, ind.denominator.code) == ("HO_NGHEO_DTTS", "HO_DTTS")
    assert ind.factor == 100
    assert ind.standard_topic == "poverty" and ind.level.code == "village"
    female = m.Indicator.objects.get(code="TL_NU_DAO_TAO_NGHE")
    assert (female.numerator_combo.code, female.denominator_combo) == ("GT_NU", None)


def test_share_compared_with_another_measure_links_both_indicators(seed_plan):
    links = m.IndicatorTarget.objects.filter(target__code="T2025-29").values_list("indicator__code", "role")
    assert set(links) == {("TL_CB_DTTS", "measure"), ("TL_DS_DTTS", "reference")}


def test_ethnic_disaggregation_uses_gso_codes_of_the_54_groups():
    assert m.EthnicGroup.objects.count() == 54
    option = m.CategoryOption.objects.get(code="DT_35")
    assert (option.ethnic_group.code, option.ethnic_group.name) == ("35", "Hà Nhì")
    cocs = m.CategoryOptionCombo.objects.filter(combo__code="ethnic_group")
    assert cocs.count() == 8 and cocs.filter(code="DT_KHAC").exists()


def test_every_data_element_belongs_to_exactly_one_data_set():
    for element in m.DataElement.objects.all():
        assert element.memberships.count() == 1, element.code


def test_reporting_rounds_follow_the_decree_09_window():
    rnd = m.ReportingRound.objects.get(data_set__code="XA-NAM", period="2024")
    assert (rnd.opens_on.isoformat(), rnd.due_on.isoformat(), rnd.closes_on.isoformat()) == (
        "2023-12-15",
        "2024-12-20",
        "2025-01-31",
    )


def test_loading_again_changes_nothing_and_keeps_admin_edits():
    ind = m.Indicator.objects.get(code="TL_HO_NGHEO")
    ind.name = "Tỷ lệ hộ nghèo (đã sửa trong trang quản trị)"
    ind.save()
    before = (
        m.Indicator.objects.count(),
        m.DataElement.objects.count(),
        m.CategoryOptionCombo.objects.count(),
    )
    load_catalogue(data=read_data_file(CATALOGUE_FILE))
    after = (
        m.Indicator.objects.count(),
        m.DataElement.objects.count(),
        m.CategoryOptionCombo.objects.count(),
    )
    assert before == after
    assert m.Indicator.objects.get(code="TL_HO_NGHEO").name.endswith("(đã sửa trong trang quản trị)")


def test_update_mode_brings_the_database_back_to_the_file():
    m.Indicator.objects.filter(code="TL_HO_NGHEO").update(name="Sửa tay")
    load_catalogue(data=read_data_file(CATALOGUE_FILE), update=True)
    assert m.Indicator.objects.get(code="TL_HO_NGHEO").name == "Tỷ lệ hộ nghèo"


def test_a_bad_file_loads_nothing():
    doc = copy.deepcopy(read_data_file(CATALOGUE_FILE))
    doc["data_elements"].append({"code": "MOI", "name": "Mới", "value_type": "integer", "unit": "hộ"})
    doc["indicators"][0]["agency"] = "KHONG-CO"
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationFailed) as exc:
        load_catalogue(data=doc)
    assert any("KHONG-CO" in msg for msg in exc.value.messages)
    assert any(msg == "Số liệu MOI: không thuộc biểu thu thập nào." for msg in exc.value.messages)
    assert not m.DataElement.objects.filter(code="MOI").exists()
    assert AuditEvent.objects.count() == events


def test_loading_is_audited():
    load_catalogue(data=read_data_file(CATALOGUE_FILE))
    assert AuditEvent.objects.filter(action="indicators.load_catalogue").exists()


def test_management_command_reloads_and_updates():
    from django.core.management import call_command

    m.Indicator.objects.filter(code="TL_HO_NGHEO").update(name="Sửa tay")
    call_command("load_indicators", "--update", stdout=__import__("io").StringIO())
    assert m.Indicator.objects.get(code="TL_HO_NGHEO").name == "Tỷ lệ hộ nghèo"
