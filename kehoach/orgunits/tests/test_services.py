"""Loading unit files and adding villages: history kept, bad files load nothing."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from kehoach.core.exceptions import ValidationFailed
from kehoach.orgunits.models import OrgUnit, UnitLineage
from kehoach.orgunits.selectors import org_tree, search_units, unit_by_code
from kehoach.orgunits.services import DATA_DIR, add_village, load_unit_data, read_unit_file

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lai_chau():
    return read_unit_file(DATA_DIR / "lai-chau.json")


def test_codes_are_stored_with_their_scheme(seed_plan):
    old = unit_by_code(scheme="gso-legacy", code="03433")
    new = unit_by_code(scheme="gso-2025", code="03433")
    assert old.name == "Thị trấn Mường Tè" and new.name == "Xã Bum Tở"
    assert old != new


def test_unchanged_commune_is_one_unit_with_two_parents_over_time():
    mu_ca = unit_by_code(scheme="gso-legacy", code="03451")
    assert mu_ca == unit_by_code(scheme="gso-2025", code="03451")
    links = {(p.parent.level.code, p.valid_to) for p in mu_ca.parent_links.select_related("parent__level")}
    assert links == {("district", dt.date(2025, 6, 30)), ("province", None)}


def test_partial_lineage_across_two_former_districts():
    hua_bum = unit_by_code(scheme="gso-2025", code="03460")
    preds = {ln.predecessor.name for ln in UnitLineage.objects.filter(successor=hua_bum)}
    assert preds == {"Xã Hua Bum", "Xã Vàng San"}
    districts = {
        p.parent.name
        for pred in OrgUnit.objects.filter(successor_links__successor=hua_bum)
        for p in pred.parent_links.filter(parent__level__code="district")
    }
    assert districts == {"Huyện Mường Tè", "Huyện Nậm Nhùn"}


def test_reloading_the_same_file_changes_nothing(lai_chau):
    before = (OrgUnit.objects.count(), UnitLineage.objects.count())
    load_unit_data(data=lai_chau)
    assert (OrgUnit.objects.count(), UnitLineage.objects.count()) == before


def _broken(lai_chau, mutate):
    data = copy.deepcopy(lai_chau)
    for unit in data["units"]:  # new keys so nothing collides with what is loaded already
        unit["key"] = "t-" + unit["key"]
        unit["codes"] = [{"scheme": c["scheme"], "code": "t" + c["code"]} for c in unit["codes"]]
        for p in unit["parents"]:
            p["parent"] = "t-" + p["parent"]
    for ln in data["lineage"]:
        ln["from"], ln["to"] = "t-" + ln["from"], "t-" + ln["to"]
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["units"].append(dict(d["units"][3])), "khóa bị trùng"),
        (lambda d: d["units"][5]["parents"].append({"parent": "t-khong-co"}), "không tồn tại"),
        (lambda d: d["units"][5].__setitem__("level", "thon-xom"), "không có trong danh sách cấp"),
        (lambda d: d["units"][6].__setitem__("valid_to", "2020-13-01"), "không hợp lệ"),
        # a successor that starts before its predecessor ends
        (
            lambda d: next(u for u in d["units"] if u["key"] == d["lineage"][0]["to"]).__setitem__(
                "valid_from", "2025-01-01"
            ),
            "chồng lên nhau",
        ),
        (lambda d: d["units"][7]["codes"].append(d["units"][8]["codes"][0]), "đã dùng cho đơn vị"),
        (lambda d: d.__setitem__("format", "x"), "Định dạng tệp"),
    ],
)
def test_bad_unit_files_load_nothing(lai_chau, mutate, expected):
    data = _broken(lai_chau, mutate)
    before = OrgUnit.objects.count()
    with pytest.raises(ValidationFailed) as err:
        load_unit_data(data=data)
    assert expected in "\n".join(err.value.messages)
    assert OrgUnit.objects.count() == before


def test_code_taken_by_an_existing_unit_is_refused(lai_chau):
    data = _broken(lai_chau, lambda d: None)
    data["units"][10]["codes"] = [{"scheme": "gso-legacy", "code": "03433"}]
    with pytest.raises(ValidationFailed) as err:
        load_unit_data(data=data)
    assert "03433 đã dùng cho đơn vị gso-legacy:03433" in "\n".join(err.value.messages)


def test_add_village_under_a_commune(personas):
    commune = unit_by_code(scheme="gso-2025", code="03451")
    village = add_village(commune=commune, name="Bản Nậm Củm", actor=personas.owner, is_demo=True)
    assert village.level.code == "village" and village.is_demo
    assert village.pk in org_tree().descendants([commune.pk])
    with pytest.raises(ValidationFailed, match="đã có thôn/bản"):
        add_village(commune=commune, name="bản nậm củm", actor=personas.owner)
    with pytest.raises(ValidationFailed, match="không được để trống"):
        add_village(commune=commune, name="  ", actor=personas.owner)


def test_search_ignores_diacritics_and_case():
    names = {u.name for u in search_units(queryset=OrgUnit.objects.all(), text="muong te")}
    assert {"Huyện Mường Tè", "Thị trấn Mường Tè", "Xã Mường Tè"} <= names
    assert "Xã Bum Tở" in {u.name for u in search_units(queryset=OrgUnit.objects.all(), text="BUM TO")}


def test_national_list_loads_over_the_province_without_duplicates(seed_plan):
    district_pk = seed_plan.admin_unit_id
    before = OrgUnit.objects.count()
    n = load_unit_data(data=read_unit_file(DATA_DIR / "vietnam.json.gz"))
    assert n > 10_000
    assert OrgUnit.objects.count() == before - 151 + n  # Lai Châu's 151 units were already there
    assert unit_by_code(scheme="gso-legacy", code="107").pk == district_pk
    assert unit_by_code(scheme="gso-2025", code="01").name.endswith("Hà Nội")
