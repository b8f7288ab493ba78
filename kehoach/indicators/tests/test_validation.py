"""Catalogue files are validated whole, every problem named in Vietnamese. No database."""

import copy
from pathlib import Path

import pytest
import yaml

from kehoach.indicators.validation import validate_ethnic_groups, validate_rules, validate_standards
from kehoach.indicators.validation_catalogue import validate_catalogue

DATA = Path(__file__).resolve().parent.parent / "data"


def _load(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


CATALOGUE = _load("muong-te-ctdt-2022.yaml")


def _check(doc, targets=None):
    return validate_catalogue(
        doc,
        agency_exists=lambda code: code.startswith("MT-"),
        plan_exists=lambda code: code == "MUONGTE-CTDT-2021-2030",
        target_exists=lambda plan, code: targets is None or code in targets,
        ethnic_group_exists=lambda code: len(code) == 2 and 1 <= int(code) <= 54,
    )


def test_shipped_catalogue_is_valid():
    assert _check(CATALOGUE) == []


def test_shipped_rules_standards_and_ethnic_groups_are_valid():
    elements = {e["code"] for e in CATALOGUE["data_elements"]}
    assert validate_rules(_load("validation-rules.yaml"), element_exists=elements.__contains__) == []
    assert validate_standards(_load("standards.yaml")) == []
    assert validate_ethnic_groups(_load("ethnic-groups.yaml")) == []


def test_an_unquoted_comma_in_a_flow_mapping_is_reported_as_an_unknown_key():
    doc = yaml.safe_load(
        "format: kehoach.indicators/1\ndata_elements:\n  - {code: A, name: Số hộ, bản, value_type: integer, unit: hộ}\n"
    )
    errors = _check(doc)
    assert any("Số liệu A" in e and "khóa không hợp lệ “bản”" in e for e in errors)


def test_every_problem_names_its_element():
    doc = copy.deepcopy(CATALOGUE)
    doc["indicators"][0]["numerator"] = "KHONG_CO"
    doc["indicators"][1]["agency"] = "XX"
    doc["data_sets"][0]["level"] = "hamlet"
    errors = _check(doc)
    assert any(e.startswith("Chỉ số TN_BQ_DTTS: tử số: không có số liệu mã “KHONG_CO”") for e in errors)
    assert any(e.startswith("Chỉ số TL_HO_NGHEO_DTTS: không có cơ quan mã “XX”") for e in errors)
    assert any(e.startswith("Biểu BAN-NAM: giá trị “hamlet”") for e in errors)


def test_refuses_an_indicator_whose_data_comes_from_another_level():
    doc = copy.deepcopy(CATALOGUE)
    doc["indicators"][0]["level"] = "village"
    assert any("khác cấp của chỉ số" in e for e in _check(doc))


def test_refuses_a_target_that_is_not_loaded():
    errors = _check(CATALOGUE, targets={"T2025-01"})
    assert any("không tìm thấy chỉ tiêu" in e for e in errors)


def test_refuses_a_numerator_cell_the_element_does_not_have():
    doc = copy.deepcopy(CATALOGUE)
    ind = next(i for i in doc["indicators"] if i["code"] == "TL_NU_DAO_TAO_NGHE")
    ind["numerator"]["combo"] = "DT_35"
    assert any("không có ô phân tổ “DT_35”" in e for e in _check(doc))


def test_refuses_a_ratio_without_denominator():
    doc = copy.deepcopy(CATALOGUE)
    del doc["indicators"][1]["denominator"]
    assert any("phải có mẫu số" in e for e in _check(doc))


def test_refuses_an_ethnic_option_outside_the_54_groups():
    doc = copy.deepcopy(CATALOGUE)
    doc["categories"][2]["options"][0]["ethnic_group"] = "99"
    assert any("54 dân tộc" in e for e in _check(doc))


def test_ethnic_list_must_hold_all_54_groups():
    doc = _load("ethnic-groups.yaml")
    doc["groups"].pop()
    assert validate_ethnic_groups(doc) == ["Danh mục dân tộc: phải có đủ 54 dân tộc, tệp có 53."]


def test_overlapping_standards_are_refused():
    doc = _load("standards.yaml")
    doc["standards"][1]["first_year"] = 2021
    assert any("chồng lên" in e for e in validate_standards(doc))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "range", "min": None, "max": None}, "khoảng giá trị"),
        ({"kind": "outlier", "threshold": 0}, "threshold"),
        ({"kind": "not_greater", "other": None}, "other"),
        ({"element": "KHONG_CO"}, "không có số liệu mã"),
        ({"severity": "fatal"}, "severity"),
    ],
)
def test_rule_file_problems_are_named(change, message):
    doc = {
        "format": "kehoach.validation-rules/1",
        "rules": [
            {
                "code": "R1",
                "name": "x",
                "kind": "range",
                "severity": "error",
                "element": "HO_TONG",
                "min": 0,
                "explanation": "y",
            }
        ],
    }
    doc["rules"][0].update(change)  # type: ignore[attr-defined]
    errors = validate_rules(doc, element_exists=lambda c: c == "HO_TONG")
    assert errors and all(e.startswith("Quy tắc R1") for e in errors) and any(message in e for e in errors)


def test_wrong_format_is_refused_before_anything_else():
    assert validate_catalogue(
        {"format": "x"},
        agency_exists=bool,
        plan_exists=bool,
        target_exists=lambda a, b: True,
        ethnic_group_exists=bool,
    ) == ["Định dạng tệp phải là “kehoach.indicators/1”, nhận được “x”."]
