"""Catalogue pages and API: every indicator listed with what it uses; the admin can edit it."""

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.audit.choices import Channel
from kehoach.datavalues.services import SYSTEM, save_data_values
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet, Indicator

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    c.force_login(user)
    return c


def test_catalogue_page_lists_every_indicator_with_bounded_queries(personas, django_assert_max_num_queries):
    c = client(personas.viewer)
    c.get(reverse("indicators:catalogue"))
    with django_assert_max_num_queries(15):
        html = c.get(reverse("indicators:catalogue")).content.decode()
    assert all(f'href="/chi-so/{code}/"' in html for code in Indicator.objects.values_list("code", flat=True))


def test_catalogue_search_ignores_diacritics(personas):
    html = client(personas.viewer).get(reverse("indicators:catalogue"), {"q": "ho ngheo"}).content.decode()
    assert "Tỷ lệ hộ nghèo đồng bào DTTS" in html and "Tuổi thọ" not in html


def test_indicator_page_shows_definition_series_and_poverty_standard_break(personas):
    from kehoach.orgunits.models import OrgUnit, UnitLevel, UnitParent

    village = OrgUnit.objects.create(
        key="test:ban", name="Bản Thử", level=UnitLevel.objects.get(code="village")
    )
    UnitParent.objects.create(unit=village, parent=personas.commune.units.get())
    ds = DataSet.objects.get(code="BAN-NAM")
    for year, poor in (("2021", 40), ("2022", 45)):
        open_round(ds, year)
        rows = [
            row(1, "HO_DTTS", 100, unit=village.key, period=year),
            row(2, "HO_NGHEO_DTTS", poor, unit=village.key, period=year),
        ]
        assert save_data_values(actor=SYSTEM, data_set=ds, rows=rows, channel=Channel.CLI).committed
    html = (
        client(personas.owner)
        .get(reverse("indicators:indicator", args=["TL_HO_NGHEO_DTTS"]), {"don_vi": village.pk})
        .content.decode()
    )
    assert "Số hộ nghèo đồng bào dân tộc thiểu số" in html and "Nghị định 07/2021/NĐ-CP" in html
    assert "40,0" in html and "45,0" in html and "đổi chuẩn" in html


def test_indicator_api_exposes_numerator_and_denominator(personas):
    c = client(personas.viewer)
    body = c.get(reverse("api:indicators-indicator-detail", args=["TL_NU_DAO_TAO_NGHE"])).json()
    assert body["numerator"] == {"dataElement": "LD_DTTS_DAO_TAO_NGHE", "categoryOptionCombo": "GT_NU"}
    assert body["denominator"] == {"dataElement": "LD_DTTS_DAO_TAO_NGHE", "categoryOptionCombo": "default"}
    assert body["targets"] == [{"plan": "MUONGTE-CTDT-2021-2030", "code": "T2030-11", "role": "measure"}]
    poverty = c.get(reverse("api:indicators-indicator-detail", args=["TL_HO_NGHEO_DTTS"])).json()
    assert poverty["disaggregations"] == ["ethnic_group"] and poverty["standardTopic"] == "poverty"


def test_indicator_list_api_has_bounded_queries(personas, django_assert_max_num_queries):
    c = client(personas.viewer)
    c.get(reverse("api:indicators-indicator-list"))
    with django_assert_max_num_queries(15):
        assert c.get(reverse("api:indicators-indicator-list")).json()["count"] == Indicator.objects.count()


def test_data_elements_and_data_sets_api(personas):
    c = client(personas.viewer)
    elements = c.get(reverse("api:indicators-dataelement-list"), {"limit": 500}).json()["results"]
    pop = next(e for e in elements if e["code"] == "DS_DTTS")
    assert [d["code"] for d in pop["disaggregations"]] == ["ethnic_group", "sex"]
    sets = c.get(reverse("api:indicators-dataset-list")).json()["results"]
    assert {s["code"]: s["window"] for s in sets} == {
        "BAN-NAM": "decree_09",
        "HUYEN-NAM": "calendar",
        "XA-NAM": "decree_09",
    }


def test_admin_pages_of_the_catalogue_open_and_data_values_are_read_only(personas):
    ind = Indicator.objects.get(code="TL_HO_NGHEO")
    c = client(personas.admin)
    personas.admin.is_staff = True
    personas.admin.is_superuser = True
    personas.admin.save()
    page = c.get(reverse("admin:indicators_indicator_change", args=[ind.pk]))
    assert page.status_code == 200
    assert c.get(reverse("admin:indicators_validationrule_changelist")).status_code == 200
    assert c.get(reverse("admin:datavalues_datavalue_changelist")).status_code == 200
    assert c.get(reverse("admin:datavalues_datavalue_add")).status_code == 403
