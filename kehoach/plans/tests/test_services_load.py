"""Loading plan data files: the seed loads whole; bad files load nothing and say why in Vietnamese."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from kehoach.audit.models import AuditEvent
from kehoach.core.exceptions import ValidationFailed
from kehoach.plans import models as m
from kehoach.plans.services import SEED_PLAN, load_plan_document, read_data_file

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seed_doc():
    return read_data_file(SEED_PLAN)


def _variant(seed_doc, code="TEST-PLAN"):
    doc = copy.deepcopy(seed_doc)
    doc["plan"]["code"] = code
    return doc


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (m.Plan, m.Section, m.Target, m.Task, m.BudgetLine, m.Responsibility, m.Obligation)
    }


def test_seed_plan_is_loaded_with_every_element(seed_plan, seed_doc):
    assert seed_plan.sections.count() == len(seed_doc["sections"])
    assert seed_plan.targets.count() == len(seed_doc["targets"])
    assert seed_plan.tasks.count() == len(seed_doc["tasks"])
    assert seed_plan.budget_lines.count() == len(seed_doc["budget_lines"])
    assert seed_plan.responsibilities.count() == len(seed_doc["responsibilities"])
    assert seed_plan.obligations.count() == len(seed_doc["obligations"])
    assert seed_plan.targets.filter(quantified=True).count() >= 40


def test_values_are_exact_decimals(seed_plan):
    values = {t.value for t in seed_plan.targets.filter(quantified=True)}
    assert Decimal("99.5") in values and Decimal("99.95") in values and Decimal("61.53") in values
    total = seed_plan.budget_lines.get(parent=None, source="total")
    assert total.amount_million_vnd == Decimal("1426328")


def test_sub_targets_keep_their_parent(seed_plan):
    subs = seed_plan.targets.filter(parent__isnull=False)
    assert subs.count() >= 4
    assert all(s.parent.plan_id == seed_plan.pk for s in subs)
    assert any("42%" in s.text for s in subs)


def test_loading_a_second_plan_is_audited(seed_doc):
    plan = load_plan_document(doc=_variant(seed_doc), source_name="test.yaml")
    event = AuditEvent.objects.filter(action="plan.load", object_id=str(plan.pk)).get()
    assert event.changes["targets"] == len(seed_doc["targets"])


def test_same_code_twice_is_refused(seed_doc):
    with pytest.raises(ValidationFailed) as err:
        load_plan_document(doc=seed_doc)
    assert "đã có trong hệ thống" in " ".join(err.value.messages)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["targets"].append(dict(d["targets"][0])), "mã bị trùng"),
        (lambda d: d["tasks"][0].__setitem__("lead", "KHONG-CO"), "không tìm thấy cơ quan “KHONG-CO”"),
        (lambda d: d["plan"].__setitem__("issuer", "KHONG-CO"), "không tìm thấy cơ quan ban hành"),
        (
            lambda d: d["plan"].__setitem__("admin_unit", {"scheme": "gso-legacy", "code": "99999"}),
            "không tìm thấy đơn vị hành chính",
        ),
        (lambda d: d["targets"][0].__setitem__("value", "ba mươi"), "cần “value” là một số"),
        (lambda d: d["targets"][0].__setitem__("comparator", "≈"), "không hợp lệ"),
        (lambda d: d["targets"][0].__setitem__("section", "X.9"), "mục “X.9” không tồn tại"),
        (lambda d: d["budget_lines"][0].__setitem__("programme", "CT-LA"), "không tìm thấy chương trình"),
        (lambda d: d["budget_lines"][1].__setitem__("amount_million_vnd", -5), "không phải là số không âm"),
        (lambda d: d["targets"][1].__setitem__("parent", "T-KHONG-CO"), "không tồn tại"),
        (lambda d: d.pop("sections"), "không có mục nào"),
        (lambda d: d.__setitem__("format", "khac/9"), "Định dạng tệp phải là"),
        (lambda d: d["plan"].pop("title"), "thiếu hoặc sai trường “title”"),
    ],
)
def test_bad_plan_files_load_nothing_and_name_the_problem(seed_doc, mutate, expected):
    doc = _variant(seed_doc)
    mutate(doc)
    before = _counts()
    with pytest.raises(ValidationFailed) as err:
        load_plan_document(doc=doc)
    assert expected in "\n".join(err.value.messages)
    assert _counts() == before


def test_every_error_is_reported_at_once(seed_doc):
    doc = _variant(seed_doc)
    doc["tasks"][0]["lead"] = "KHONG-CO"
    doc["targets"][0]["value"] = None
    with pytest.raises(ValidationFailed) as err:
        load_plan_document(doc=doc)
    assert len(err.value.messages) >= 2


def test_malformed_yaml_names_line_and_column(tmp_path):
    path = tmp_path / "hong.yaml"
    path.write_text("format: kehoach.plan/1\nplan: [khong dong\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        read_data_file(path)
    assert "dòng" in err.value.message and "cột" in err.value.message


def test_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("format: kế hoạch".encode("utf-16"))
    with pytest.raises(ValidationFailed, match="UTF-8"):
        read_data_file(path)


def test_yaml_python_tags_are_not_executed(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("!!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    with pytest.raises(ValidationFailed):
        read_data_file(path)
