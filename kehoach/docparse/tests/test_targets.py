"""Targets: milestones, clause splitting, comparators, kinds, units and sub-targets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.docparse import parse_plan
from kehoach.docparse.quantities import comparator_before, quantities

from .conftest import plan_text

# (milestone, text starts with, comparator, value, unit, kind) for the seed's quantified targets.
SEED_QUANTIFIED = [
    (2025, "Phấn đấu mức thu nhập", ">=", "32", "million_vnd_per_person_per_year", "level"),
    (2025, "Tỷ lệ hộ nghèo trong đồng bào", ">=", "4", "pp_per_year", "change_per_year"),
    (2025, "100% xã có đường ô tô", ">=", "100", "percent", "level"),
    (2025, "70% bản có đường ô tô", ">=", "70", "percent", "level"),
    (2025, "100% số trường lớp học", ">=", "100", "percent", "level"),
    (2025, "95% số hộ dân", ">=", "95", "percent", "level"),
    (2025, "100% đồng bào DTTS được sử dụng nước", ">=", "100", "percent", "level"),
    (2025, "70% đồng bào DTTS được xem", ">=", "70", "percent", "level"),
    (2025, "sắp xếp, bố trí ổn định 65%", ">=", "65", "percent", "level"),
    (2025, "Quy hoạch, sắp xếp, di dời, bố trí 75%", ">=", "75", "percent", "level"),
    (2025, "Tỷ lệ trẻ em mẫu giáo 5 tuổi", ">", "99.5", "percent", "level"),
    (2025, "học sinh trong độ tuổi học tiểu học", ">", "99.95", "percent", "level"),
    (2025, "học trung học cơ sở", ">", "96.5", "percent", "level"),
    (2025, "học trung học phổ thông", ">", "65", "percent", "level"),
    (2025, "người từ 15 tuổi đến 60 tuổi", ">", "92.5", "percent", "level"),
    (2025, "98% đồng bào DTTS tham gia", ">=", "98", "percent", "level"),
    (2025, "Trên 60% phụ nữ có thai", ">", "60", "percent", "level"),
    (2025, "60% sinh con", ">=", "60", "percent", "level"),
    (2025, "giảm tỷ lệ trẻ em DTTS dưới 5 tuổi", "<=", "17.4", "percent", "level"),
    (2025, "60% lao động trong độ tuổi", ">=", "60", "percent", "level"),
    (2025, "100% bản, khu phố có nhà sinh hoạt", ">=", "100", "percent", "level"),
    (2025, "100% bản, khu phố có đội văn hóa", ">=", "100", "percent", "level"),
    (2025, "Đảm bảo tỷ lệ cán bộ", ">=", "100", "percent", "relative_to_measure"),
    (2030, "Tăng trưởng kinh tế bình quân", ">=", "6", "percent_per_year", "growth_per_year"),
    (
        2030,
        "Thu nhập bình quân người DTTS đạt trên 55",
        ">",
        "55",
        "million_vnd_per_person_per_year",
        "level",
    ),
    (2030, "giảm tỷ lệ hộ nghèo xuống dưới 12%", "<", "12", "percent", "level"),
    (2030, "Giảm 50% các xã", ">=", "50", "percent_of_baseline", "reduction_from_baseline"),
    (2030, "61,53% số xã", ">=", "61.53", "percent", "level"),
    (2030, "Năng suất lao động xã hội", ">=", "5", "percent_per_year", "growth_per_year"),
    (2030, "Chỉ số phát triển con người", ">", "0.6", "index", "level"),
    (2030, "Tuổi thọ trung bình người DTTS đạt 75", ">=", "75", "years", "level"),
    (2030, "trong đó thời gian sống khỏe mạnh", ">=", "68", "years", "level"),
    (2030, "65% tỷ lệ người DTTS", ">=", "65", "percent", "level"),
    (2030, "trong đó tỷ lệ lao động nữ ít nhất đạt 42%", ">=", "42", "percent", "level"),
    (2030, "Chuyển dịch cơ cấu lao động", ">=", "20", "percent", "level"),
    (2030, "Có 20% lao động người DTTS", ">=", "20", "percent", "level"),
    (2030, "trong đó ít nhất tỷ lệ lao động nữ đạt 42%", ">=", "42", "percent", "level"),
    (2030, "100% cán bộ, công chức cấp xã", ">=", "100", "percent", "level"),
    (2030, "trong đó trên 85%", ">", "85", "percent", "level"),
    (2030, "trên 90% được bồi dưỡng", ">", "90", "percent", "level"),
    (2030, "Phân đầu 60% số hộ nông dân", ">=", "60", "percent", "level"),
    (2030, "Xóa tình trạng nhà ở đơn sơ", "<=", "0", "percent", "elimination"),
    (2030, "Trên 95% số xã, bản", ">", "95", "percent", "level"),
    (2030, "Quy hoạch sắp xếp, di dời, bố trí 100%", ">=", "100", "percent", "level"),
    (2030, "Góp phần duy trì và nâng cao tỷ lệ che phủ rừng", ">=", "70", "percent", "level"),
    (2045, "Thu nhập bình quân của người DTTS", ">", "65", "million_vnd_per_person_per_year", "level"),
    (2045, "Cơ bản không còn hộ nghèo", "<=", "0", "percent", "elimination"),
]


def test_seed_quantified_targets(seed) -> None:
    quantified = [t for t in seed.document["targets"] if t["quantified"]]
    assert len(quantified) >= 40
    got = [
        (t["milestone_year"], t["comparator"], Decimal(str(t["value"])), t["unit"], t["kind"])
        for t in quantified
    ]
    want = [(y, c, Decimal(v), u, k) for y, _, c, v, u, k in SEED_QUANTIFIED]
    assert got == want
    for target, (_, start, *_rest) in zip(quantified, SEED_QUANTIFIED, strict=True):
        assert target["text"].startswith(start), target


def test_seed_sub_targets_and_parents(seed) -> None:
    targets = {t["code"]: t for t in seed.document["targets"]}
    assert targets["T2030-09"]["parent"] == "T2030-08"  # "trong đó thời gian sống khỏe mạnh"
    assert targets["T2030-11"]["parent"] == "T2030-10"
    assert targets["T2030-14"]["parent"] == "T2030-13"
    assert targets["T2030-16"]["parent"] == "T2030-15"
    assert targets["T2030-17"]["parent"] == "T2030-15"  # "; trên 90% được bồi dưỡng": same subject
    assert targets["T2025-22"].get("parent") is None
    assert targets["T2025-29"]["relative_to"] == "tỷ lệ dân số là người DTTS"


def test_seed_values_occur_in_their_text(seed) -> None:
    for target in seed.document["targets"]:
        if target["kind"] in ("level", "change_per_year", "growth_per_year", "reduction_from_baseline"):
            value = Decimal(str(target["value"]))
            written = f"{value:f}".replace(".", ",")
            assert written in target["text"], target


def test_seed_qualitative_targets_and_objectives(seed) -> None:
    targets = seed.document["targets"]
    qualitative = [t for t in targets if not t["quantified"]]
    assert all(t["value"] is None and t["comparator"] is None and t["unit"] is None for t in qualitative)
    assert "Hoàn thành cơ bản công tác định canh, định cư" in [t["text"] for t in qualitative]
    assert len(seed.document["objectives"]) == 7
    assert {t["milestone_year"] for t in targets} == {2025, 2030, 2045}


def test_seed_measures_directions_and_sectors(seed) -> None:
    targets = {t["code"]: t for t in seed.document["targets"]}
    assert targets["T2025-01"]["measure"] == "Thu nhập bình quân đầu người DTTS"
    assert targets["T2025-02"]["measure"] == "Tỷ lệ hộ nghèo DTTS"
    assert targets["T2025-02"]["direction"] == "decrease"
    assert targets["T2025-03"]["measure"] == "Tỷ lệ xã có đường ô tô đến trung tâm xã được trải nhựa bê tông"
    assert targets["T2025-21"]["measure"] == "Tỷ lệ phụ nữ có thai được khám thai định kỳ"
    assert targets["T2030-24"]["sector"] == "environment"
    assert targets["T2025-20"]["sector"] == "health"
    assert targets["T2025-01"]["population"] == "ethnic_minority"
    assert targets["T2025-03"]["population"] == "all"


@pytest.mark.parametrize(
    ("before", "comparator"),
    [
        ("Tỷ lệ đạt ", ">="),
        ("trên ", ">"),
        ("xuống dưới ", "<"),
        ("giảm xuống ", "<="),
        ("tối thiểu ", ">="),
        ("ít nhất đạt ", ">="),
        ("không dưới ", ">="),
        ("không quá ", "<="),
        ("diện tích đất ", None),  # "đất" is not "đạt"
        ("trên địa bàn huyện có ", None),  # "trên" far from the number is a preposition
    ],
)
def test_comparators(before: str, comparator: str | None) -> None:
    assert comparator_before(before) == comparator


def test_quantity_rules() -> None:
    # percentages win over ages; the age right after a comparator is not the target
    assert [q.value for q in quantities("trẻ em dưới 5 tuổi suy dinh dưỡng xuống 17,4%")] == [Decimal("17.4")]
    assert [q.unit for q in quantities("Tuổi thọ đạt 75 tuổi")] == ["years"]
    assert quantities("theo 4 nhóm đối tượng") == []
    assert quantities("đến năm 2030") == []
    money = quantities("Thu nhập đạt 1,5 tỷ đồng")
    assert [(q.value, q.unit) for q in money] == [(Decimal("1500.0"), "million_vnd")]
    assert [q.unit for q in quantities("HDI đạt 0,7")] == ["index"]


def _targets(bullets: str, heading: str = "Mục tiêu đến năm 2025") -> list[dict[str, object]]:
    body = f"I. MỤC TIÊU\n\n1. {heading}\n\n{bullets}\n"
    return [dict(t) for t in parse_plan(plan_text(body), "p.txt").document["targets"]]


def test_kinds_and_units() -> None:
    targets = _targets(
        "- Tỷ lệ hộ nghèo giảm bình quân 3%/năm.\n"
        "- Tốc độ tăng trưởng GRDP đạt 7,5%/năm.\n"
        "- Giảm 30% số xã đặc biệt khó khăn.\n"
        "- Thu nhập bình quân đầu người đạt 45 triệu đồng/người/năm.\n"
        "- Tổng vốn huy động đạt 2 tỷ đồng.\n"
        "- Có thêm 4 xã đạt chuẩn nông thôn mới.\n"
        "- Không còn hộ ở nhà tạm.\n"
        "- Tuổi thọ trung bình đạt 74,5 tuổi."
    )
    got = [(t["kind"], t["unit"], t["value"], t["comparator"]) for t in targets]
    assert got == [
        ("change_per_year", "pp_per_year", "3", ">="),
        ("growth_per_year", "percent_per_year", "7.5", ">="),
        ("reduction_from_baseline", "percent_of_baseline", "30", ">="),
        ("level", "million_vnd_per_person_per_year", "45", ">="),
        ("level", "million_vnd", "2000", ">="),
        ("level", "count", "4", ">="),
        ("elimination", "percent", "0", "<="),
        ("level", "years", "74.5", ">="),
    ]
    assert targets[5]["measure"] == "Số xã đạt chuẩn nông thôn mới"
    assert targets[6]["measure"] == "Tỷ lệ hộ ở nhà tạm"


def test_milestone_from_heading_without_year_uses_period_end() -> None:
    targets = _targets("- 90% hộ dân dùng nước sạch.", heading="Mục tiêu cụ thể")
    assert targets[0]["milestone_year"] == 2030


def test_commas_split_only_between_figures() -> None:
    targets = _targets(
        "- Chuyển dịch cơ cấu lao động, hàng năm thu hút 20% lao động sang các ngành, nghề khác."
    )
    assert len(targets) == 1
    targets = _targets(
        "- Tỷ lệ đi học tiểu học trên 99%, trung học cơ sở trên 95%, trung học phổ thông trên 70%."
    )
    assert [t["value"] for t in targets] == ["99", "95", "70"]
    assert targets[2]["text"] == "trung học phổ thông trên 70%."


def test_ranges_give_one_target() -> None:
    targets = _targets("- Tỷ lệ che phủ rừng đạt 45% - 50%.")
    assert [t["value"] for t in targets] == ["45"]


def test_programme_headings_are_not_milestones() -> None:
    body = (
        "I. NGUỒN LỰC\n\n1. Chương trình mục tiêu quốc gia giảm nghèo giai đoạn 2024 - 2025\n\n"
        "- Vốn ngân sách Trung ương: 100 triệu đồng.\n"
    )
    assert parse_plan(plan_text(body), "p.txt").document["targets"] == []


def test_variant_targets(variant) -> None:
    targets = {t["code"]: t for t in variant.document["targets"]}
    assert {t["milestone_year"] for t in targets.values()} == {2025}
    assert targets["T2025-06"]["parent"] == "T2025-05"
    assert targets["T2025-06"]["comparator"] == ">="
    assert targets["T2025-08"]["comparator"] == "<"
    assert targets["T2025-08"]["direction"] == "decrease"


def test_heading_written_with_a_full_stop() -> None:
    body = "I. MỤC TIÊU.\n\n1. Mục tiêu đến năm 2027.\n\n- Tỷ lệ hộ nghèo giảm 3%/năm.\n"
    targets = parse_plan(plan_text(body), "p.txt").document["targets"]
    assert [(t["milestone_year"], t["text"]) for t in targets] == [(2027, "Tỷ lệ hộ nghèo giảm 3%/năm.")]
