"""Hand-made report inputs for the pure builder tests (no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kehoach.reports.document import DocumentHead, Signer
from kehoach.reports.snapshot import MoneyRow, OverdueTask, ReportData, TargetRow, TaskSummary

STATUSES = (
    ("achieved", "Đã đạt"),
    ("on_track", "Đúng tiến độ"),
    ("at_risk", "Có nguy cơ không đạt"),
    ("off_track", "Chậm tiến độ"),
    ("no_data", "Chưa có số liệu"),
)


def target(code: str = "T1", **kwargs: object) -> TargetRow:
    values: dict[str, object] = {
        "code": code,
        "text": "Tỷ lệ hộ nghèo giảm còn dưới 10%",
        "milestone_year": 2025,
        "comparator": "≤",
        "value": Decimal("10"),
        "unit": "%",
        "measure_unit": "%",
        "places": 1,
        "status": "off_track",
        "status_label": "Chậm tiến độ",
        "target_level": Decimal("10"),
        "baseline_year": 2020,
        "baseline": Decimal("40.25"),
        "latest_year": 2024,
        "latest": Decimal("23.45"),
        "gap": Decimal("-13.45"),
        "annual_change_needed": Decimal("-6.7"),
        "forecast": Decimal("18"),
        "approximate": False,
        "sentence": "Chậm tiến độ.",
        "actual": ((2021, Decimal("35.1")), (2022, Decimal("30.04")), (2024, Decimal("23.45"))),
    }
    values.update(kwargs)
    return TargetRow(**values)


def report_data(
    kind: str = "annual", year: int = 2024, targets: tuple[TargetRow, ...] | None = None
) -> ReportData:
    return ReportData(
        kind=kind,
        year=year,
        as_of=dt.date(year, 12, 14),
        plan_code="P1",
        plan_title="Triển khai thực hiện Chiến lược công tác dân tộc",
        plan_reference="Kế hoạch số 12/KH-UBND ngày 18/6/2022 của UBND huyện A",
        unit_name="Huyện A",
        period_start=2021,
        period_end=2030,
        counted="Chỉ tính số liệu đã được phê duyệt.",
        statuses=STATUSES,
        years=tuple(range(2021, year + 1)),
        targets=targets
        if targets is not None
        else (target(), target("T2", status="achieved", status_label="Đã đạt")),
        qualitative=("Giữ vững khối đại đoàn kết các dân tộc",),
        tasks=TaskSummary(
            total=3,
            counts=(
                ("not_started", "Chưa triển khai", 1),
                ("overdue", "Quá hạn", 1),
                ("done", "Hoàn thành", 1),
            ),
            mean_percent=Decimal("45.5"),
            overdue=(
                OverdueTask(
                    "NV-1", "Xây dựng quy chế phối hợp", "Phòng Dân tộc", dt.date(2024, 6, 30), Decimal(20)
                ),
            ),
        ),
        money=(
            MoneyRow(
                "Chương trình 1719", 0, Decimal(1000), Decimal(400), Decimal(300), Decimal(900), Decimal(600)
            ),
            MoneyRow(
                "Ngân sách Trung ương",
                1,
                Decimal(800),
                Decimal(400),
                Decimal(300),
                Decimal(900),
                Decimal(600),
            ),
        ),
    )


def head(
    number: int | None = 7, date: dt.date | None = dt.date(2025, 1, 5), place: str = "Xã B"
) -> DocumentHead:
    return DocumentHead(
        parent_body="ỦY BAN NHÂN DÂN",
        issuing_body="HUYỆN A",
        issuer_name="UBND huyện A",
        number=number,
        symbol="BC-UBND",
        place=place,
        date=date,
        type_name="BÁO CÁO",
        subject="Kết quả thực hiện Kế hoạch năm 2024",
        recipients=("UBND tỉnh C", "Ban Dân tộc tỉnh C"),
        archive="Lưu: VT, PDT.",
        signer=Signer(lines=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name="Nguyễn Văn A"),
    )
