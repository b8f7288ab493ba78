"""Budget lines: programmes, sources, kinds, amounts in million đồng, parents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.docparse import parse_plan
from kehoach.docparse.budget import programme_code

from .conftest import plan_text

# (code, programme, source, kind, amount, parent) as the seed states them.
SEED_BUDGET = [
    ("NS-1719-TONG", "CTMTQG-DTTS", "total", "total", "1426328", None),
    ("NS-1719-TW", "CTMTQG-DTTS", "central", "total", "1257762", "NS-1719-TONG"),
    ("NS-1719-TW-DT", "CTMTQG-DTTS", "central", "investment", "884799", "NS-1719-TW"),
    ("NS-1719-TW-SN", "CTMTQG-DTTS", "central", "recurrent", "327963", "NS-1719-TW"),
    ("NS-1719-DP", "CTMTQG-DTTS", "local", "total", "30550", "NS-1719-TONG"),
    ("NS-1719-DP-DT", "CTMTQG-DTTS", "local", "investment", "8664", "NS-1719-DP"),
    ("NS-1719-DP-SN", "CTMTQG-DTTS", "local", "recurrent", "21886", "NS-1719-DP"),
    ("NS-1719-TDCS", "CTMTQG-DTTS", "policy_credit", "total", "135806", "NS-1719-TONG"),
    ("NS-1719-KHAC", "CTMTQG-DTTS", "other", "total", "2210", "NS-1719-TONG"),
    ("NS-NTM-TW", "CTMTQG-NTM", "central", "total", "57782", None),
    ("NS-NTM-TW-DT", "CTMTQG-NTM", "central", "investment", "51452", "NS-NTM-TW"),
    ("NS-NTM-TW-SN", "CTMTQG-NTM", "central", "recurrent", "6330", "NS-NTM-TW"),
    ("NS-NTM-DP", "CTMTQG-NTM", "local", "total", "0", None),
    ("NS-GN-TW", "CTMTQG-GN", "central", "total", "344069", None),
    ("NS-GN-TW-DT", "CTMTQG-GN", "central", "investment", "206056", "NS-GN-TW"),
    ("NS-GN-TW-SN", "CTMTQG-GN", "central", "recurrent", "138013", "NS-GN-TW"),
    ("NS-GN-DP", "CTMTQG-GN", "local", "total", "0", None),
]


def test_seed_budget_lines(seed) -> None:
    got = [
        (b["code"], b["programme"], b["source"], b["kind"], str(b["amount_million_vnd"]), b.get("parent"))
        for b in seed.document["budget_lines"]
    ]
    assert got == SEED_BUDGET
    first = seed.document["budget_lines"][0]
    assert first["phase"] == "2021-2025"
    assert first["section"] == "IV.1"
    assert first["text"] == "Tổng vốn dự kiến: 1.426.328 triệu đồng. Trong đó:"
    assert seed.document["budget_lines"][1]["section"] == "IV.1.b1"


def test_amounts_are_exact_decimals(seed) -> None:
    total = sum(
        Decimal(b["amount_million_vnd"])
        for b in seed.document["budget_lines"]
        if b.get("parent") == "NS-1719-TONG"
    )
    assert total == Decimal("1426328")


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        (
            "Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
            "CTMTQG-DTTS",
        ),
        ("Chương trình mục tiêu quốc gia xây dựng NTM", "CTMTQG-NTM"),
        ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "CTMTQG-NTM"),
        ("Chương trình mục tiêu quốc gia giảm nghèo bền vững", "CTMTQG-GN"),
        ("Chương trình hỗ trợ phát triển sản xuất cộng đồng", "CT-HO-TRO-PHAT-TRIEN-SAN-XUAT"),
    ],
)
def test_programme_codes(heading: str, code: str) -> None:
    assert programme_code(heading) == code


def test_variant_budget_billions_and_sentences(variant) -> None:
    lines = {b["code"]: b for b in variant.document["budget_lines"]}
    assert lines["NS-GN-TONG"]["amount_million_vnd"] == "215500"  # 215,5 tỷ đồng
    assert lines["NS-GN-TW-DT"]["amount_million_vnd"] == "120000"
    assert lines["NS-GN-TW-DT"]["parent"] == "NS-GN-TW"
    assert lines["NS-GN-TW-SN"]["text"] == "vốn sự nghiệp 60 tỷ đồng"
    assert lines["NS-GN-TW"]["phase"] == "2023-2025"
    support = [b for b in lines.values() if b["programme"] == "CT-HO-TRO-PHAT-TRIEN-SAN-XUAT"]
    assert [(b["source"], b["amount_million_vnd"], b["parent"] is not None) for b in support] == [
        ("total", "12000", False),
        ("local", "10000", True),
        ("local", "2000", True),
    ]
    assert len({b["code"] for b in lines.values()}) == len(lines)


def test_budget_without_programme_headings() -> None:
    body = (
        "I. KINH PHÍ THỰC HIỆN\n\nTổng kinh phí: 500 triệu đồng, trong đó ngân sách tỉnh 300 triệu đồng, "
        "ngân sách huyện 200 triệu đồng.\n"
    )
    lines = parse_plan(plan_text(body), "p.txt").document["budget_lines"]
    assert [(b["source"], b["amount_million_vnd"]) for b in lines] == [
        ("total", "500"),
        ("local", "300"),
        ("local", "200"),
    ]
    assert lines[0]["programme"] == "KHAC"
