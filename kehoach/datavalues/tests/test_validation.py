"""The pure rule engine: declared rules over one unit × period. No database."""

from decimal import Decimal as D

import pytest

from kehoach.datavalues.robust import outlier_score
from kehoach.datavalues.validation import ElementSpec, RuleSpec, evaluate, type_problem

SPECS = {
    "POP": ElementSpec("POP", "Dân số", "integer", (("sex", "Theo giới tính", ("M", "F")),)),
    "POOR": ElementSpec("POOR", "Số hộ nghèo", "integer"),
    "HH": ElementSpec("HH", "Tổng số hộ", "integer"),
    "RATE": ElementSpec("RATE", "Tỷ lệ", "number"),
}
LABELS = {"M": "Nam", "F": "Nữ", "default": "Tổng số"}


def rule(kind, element, severity="error", **kw):
    return RuleSpec(
        code=f"{kind}-{element}",
        kind=kind,
        severity=severity,
        element=element,
        explanation="Giải thích.",
        **kw,
    )


def run(values, rules, **kw):
    return evaluate(values=values, specs=SPECS, rules=rules, labels=LABELS, **kw)


def test_numerator_above_denominator_is_an_error_naming_both():
    issues = run(
        {("POOR", "default"): D(12), ("HH", "default"): D(10)}, [rule("not_greater", "POOR", other="HH")]
    )
    assert [i.severity for i in issues] == ["error"]
    assert issues[0].message.startswith("“Số hộ nghèo”: 12 lớn hơn “Tổng số hộ” là 10.")
    assert issues[0].involves == {("POOR", "default"), ("HH", "default")}


def test_numerator_equal_to_denominator_passes():
    assert (
        run({("POOR", "default"): D(10), ("HH", "default"): D(10)}, [rule("not_greater", "POOR", other="HH")])
        == []
    )


def test_disaggregates_must_add_up_to_the_total():
    values = {("POP", "default"): D(100), ("POP", "M"): D(50), ("POP", "F"): D(49)}
    issues = run(values, [rule("disaggregation_sum", "POP")])
    assert "cộng các nhóm theo giới tính được 99, khác tổng số 100" in issues[0].message


def test_disaggregates_without_total_are_reported():
    issues = run({("POP", "M"): D(50)}, [rule("disaggregation_sum", "POP")])
    assert "chưa nhập tổng số" in issues[0].message


def test_total_alone_needs_no_disaggregates():
    assert run({("POP", "default"): D(100)}, [rule("disaggregation_sum", "POP")]) == []


def test_range_and_percentage_rules():
    assert run({("RATE", "default"): D("100.5")}, [rule("percentage", "RATE")])[0].message.startswith(
        "“Tỷ lệ”: giá trị 100,5 nằm ngoài khoảng cho phép (từ 0 đến 100)."
    )
    assert (
        run({("HH", "default"): D(5)}, [rule("range", "HH", min_value=D(10))])[0].message.count("ít nhất 10")
        == 1
    )
    assert run({("HH", "default"): D(5)}, [rule("range", "HH", min_value=D(1), max_value=D(9))]) == []


def test_required_values_are_checked_only_for_submission():
    rules = [rule("required", "HH")]
    assert run({}, rules) == []
    assert run({}, rules, for_submission=True)[0].message.startswith("“Tổng số hộ”: chưa nhập tổng số.")


def test_only_issues_touching_changed_values_are_reported_on_save():
    values = {("POOR", "default"): D(12), ("HH", "default"): D(10), ("POP", "default"): D(5)}
    rules = [rule("not_greater", "POOR", other="HH")]
    assert run(values, rules, changed={("POP", "default")}) == []
    assert len(run(values, rules, changed={("HH", "default")})) == 1


def test_outlier_is_judged_against_the_units_own_history_by_median_and_mad():
    history = {("HH", "default"): [D(100), D(102), D(98), D(101), D(99)]}
    out = rule("outlier", "HH", severity="warning", threshold=D("3.5"), min_history=3)
    issues = run({("HH", "default"): D(1000)}, [out], history=history)
    assert [i.severity for i in issues] == ["warning"]
    assert "trung vị 100" in issues[0].message and "MAD" in issues[0].message
    assert run({("HH", "default"): D(103)}, [out], history=history) == []


def test_one_wild_year_in_the_past_does_not_hide_a_new_error():
    # With mean and SD the 10000 would inflate the spread so that 1000 looks normal; the median does not move.
    history = {("HH", "default"): [D(100), D(101), D(99), D(10000), D(100)]}
    out = rule("outlier", "HH", severity="warning", threshold=D("3.5"))
    assert len(run({("HH", "default"): D(1000)}, [out], history=history)) == 1


def test_outlier_needs_enough_history():
    out = rule("outlier", "HH", severity="warning", threshold=D("3.5"), min_history=3)
    assert run({("HH", "default"): D(1000)}, [out], history={("HH", "default"): [D(1), D(2)]}) == []


def test_outlier_with_constant_history_falls_back_to_mean_absolute_deviation_or_none():
    assert outlier_score(D(5), [D(3), D(3), D(3)]) is None
    score = outlier_score(D(30), [D(10), D(10), D(10), D(20)])
    assert score is not None and score.spread_name == "tuyệt đối bình quân" and score.score > D("3.5")


@pytest.mark.parametrize(
    ("value_type", "value", "problem"),
    [
        ("integer", D("1.5"), "số nguyên"),
        ("integer", D(-1), "không được âm"),
        ("percentage", D(101), "từ 0 đến 100"),
        ("yes_no", D(2), "1 (có) hoặc 0"),
        ("number", D("1e18"), "quá lớn"),
        ("number", D("0.1234567"), "6 chữ số thập phân"),
        ("number", D("NaN"), "hữu hạn"),
        ("signed_number", D(-5), None),
        ("number", D("1.500000"), None),
    ],
)
def test_value_types(value_type, value, problem):
    found = type_problem(value_type, value)
    assert (found is None) if problem is None else (problem in (found or ""))
