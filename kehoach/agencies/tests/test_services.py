"""Agencies as data with history; bad agency files load nothing."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from kehoach.agencies.models import Agency, AgencySuccession
from kehoach.agencies.selectors import agencies_matching
from kehoach.agencies.services import load_agency_data
from kehoach.core.exceptions import ValidationFailed
from kehoach.plans.services import read_data_file

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "data" / "lai-chau.yaml"


@pytest.fixture(scope="module")
def agency_doc():
    return read_data_file(DATA)


def test_district_bodies_cease_and_hand_over(seed_plan):
    pdt = Agency.objects.get(code="MT-PDT")
    assert pdt.valid_to == dt.date(2025, 6, 30)
    successors = AgencySuccession.objects.filter(predecessor=pdt)
    assert successors.exists() and all(s.date == dt.date(2025, 7, 1) for s in successors)


def test_matching_names_ignores_diacritics(seed_plan):
    found = agencies_matching(name="phong dan toc huyen")
    assert [a.code for a in found] == ["MT-PDT"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["agencies"].append(dict(d["agencies"][0])), "mã bị trùng"),
        (lambda d: d["agencies"][1].__setitem__("parent", "KHONG-CO"), "cơ quan cấp trên “KHONG-CO”"),
        (
            lambda d: d["agencies"][1].__setitem__("admin_unit", {"scheme": "gso-legacy", "code": "00000"}),
            "không tìm thấy đơn vị hành chính",
        ),
        (lambda d: d["agencies"][1].__setitem__("kind", "bo-phan"), "không hợp lệ"),
        (
            lambda d: d["agencies"][1].__setitem__(
                "successors", [{"agency": "KHONG-CO", "date": "2025-07-01"}]
            ),
            "kế thừa “KHONG-CO”",
        ),
        (lambda d: d.__setitem__("format", "x"), "Định dạng tệp cơ quan"),
    ],
)
def test_bad_agency_files_load_nothing(agency_doc, mutate, expected):
    doc = copy.deepcopy(agency_doc)
    for a in doc["agencies"]:
        a["name"] = a["name"] + " (bản thử)"
    mutate(doc)
    with pytest.raises(ValidationFailed) as err:
        load_agency_data(data=doc)
    assert expected in "\n".join(err.value.messages)
    assert not Agency.objects.filter(name__endswith="(bản thử)").exists()


def test_successor_that_had_already_ceased_is_refused(agency_doc):
    doc = copy.deepcopy(agency_doc)
    first, second = doc["agencies"][0], doc["agencies"][1]
    second["valid_to"] = "2020-01-01"
    first["successors"] = [{"agency": second["code"], "date": "2025-07-01"}]
    with pytest.raises(ValidationFailed) as err:
        load_agency_data(data=doc)
    assert "đã chấm dứt" in "\n".join(err.value.messages)
