"""Demo progress for `kehoach init --demo`: plausible, deterministic, labelled "dữ liệu minh họa".

Every value comes from a hash of the task code, so two installs show the same picture: some tasks
done, some on track, some behind, some overdue (deadlines in 2024 and mid-2025 that were missed),
a few not started. Reports carry no files; links follow the sector of the task. Nothing here is a
real report: every row is marked is_demo and every narrative says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction

from kehoach.assignments import models as am
from kehoach.assignments.choices import TaskStatus
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.plans.models import Plan, Task

DEMO = "(dữ liệu minh họa)"
STRATEGY = "Nghị quyết số 10/NQ-CP ngày 28/01/2022 của Chính phủ ban hành Chiến lược công tác dân tộc"
PROGRAMME_1719 = "Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ (CTMTQG DTTS&MN)"
# (status, percent, deadline) by bucket; buckets come from the task code's hash.
_PLANS = [
    (TaskStatus.DONE, Decimal(100), dt.date(2024, 12, 31)),
    (TaskStatus.DONE, Decimal(100), dt.date(2025, 6, 30)),
    (TaskStatus.IN_PROGRESS, Decimal(75), dt.date(2026, 12, 31)),
    (TaskStatus.IN_PROGRESS, Decimal(60), dt.date(2027, 12, 31)),
    (TaskStatus.IN_PROGRESS, Decimal(45), dt.date(2030, 12, 31)),
    (TaskStatus.IN_PROGRESS, Decimal(30), dt.date(2025, 6, 30)),  # behind, past its deadline
    (TaskStatus.IN_PROGRESS, Decimal(20), dt.date(2024, 12, 31)),  # behind, past its deadline
    (TaskStatus.IN_PROGRESS, Decimal(35), dt.date(2026, 6, 30)),  # behind its schedule
    (TaskStatus.NOT_STARTED, Decimal(0), dt.date(2028, 12, 31)),
    (TaskStatus.NOT_STARTED, Decimal(0), dt.date(2025, 3, 31)),  # never started, overdue
]
_STEPS = [
    "Đã ban hành kế hoạch triển khai và phân công cán bộ theo dõi.",
    "Đã tổ chức hội nghị quán triệt, tuyên truyền tại các xã, thị trấn.",
    "Đã rà soát đối tượng, tổng hợp nhu cầu và lập dự toán kinh phí.",
    "Đã triển khai thực hiện tại các bản đặc biệt khó khăn; đang tổng hợp kết quả.",
    "Đã kiểm tra, đôn đốc tiến độ; còn vướng mắc về nguồn vốn đối ứng.",
]
_SECTOR_LINES = {
    "infrastructure": "NS-1719-TW-DT",
    "economy": "NS-1719-TW-DT",
    "education": "NS-1719-TW-SN",
    "health": "NS-1719-TW-SN",
    "culture": "NS-1719-TW-SN",
    "labour": "NS-1719-TW-SN",
    "poverty": "NS-GN-TW",
}


def _hash(code: str) -> int:
    return int(hashlib.sha256(code.encode("utf-8")).hexdigest()[:8], 16)


@transaction.atomic
def create_demo_progress(*, plan: Plan, say: Callable[[str], None] = lambda s: None) -> int:
    """Demo tracking for every task of `plan` without tracking yet; returns how many were created."""
    if am.TaskTracking.objects.filter(task__plan=plan).exists():
        say("Tiến độ nhiệm vụ đã có, giữ nguyên.")
        return 0
    tasks = list(plan.tasks.order_by("order"))
    parents = {t.parent_id for t in tasks if t.parent_id}
    for task in tasks:
        _track(task, is_parent=task.pk in parents, plan=plan)
    _links(plan, [t for t in tasks if t.pk not in parents])
    record_event(
        actor=None,
        action="assignments.demo.create",
        obj=plan,
        changes={"tasks": len(tasks)},
        channel=Channel.SYSTEM,
        reason="Dữ liệu minh họa",
    )
    say(f"Dữ liệu minh họa: tiến độ của {len(tasks)} nhiệm vụ.")
    return len(tasks)


def _track(task: Task, *, is_parent: bool, plan: Plan) -> None:
    h = _hash(task.code)
    status, percent, deadline = _PLANS[h % len(_PLANS)]
    if is_parent:
        # Parents show the roll-up of their sub-tasks; only their horizon is set here.
        status, percent = TaskStatus.NOT_STARTED, Decimal(0)
        deadline = dt.date(2025 if task.kind == "breakthrough" else plan.period_end, 12, 31)
    docs = [STRATEGY] + ([PROGRAMME_1719] if h % 3 == 0 else [])
    am.TaskTracking.objects.create(
        task=task,
        period_start=plan.period_start,
        due_year=deadline.year,
        deadline=deadline,
        expected_output=f"Báo cáo kết quả thực hiện; văn bản triển khai của cơ quan chủ trì {DEMO}.",
        guiding_documents=docs,
        status=status,
        percent_complete=percent,
        is_demo=True,
    )
    if is_parent or percent == 0:
        return
    reports = 1 + h % 3
    for i in range(reports):
        share = percent if i == reports - 1 else (percent * (i + 1) / reports).quantize(Decimal(1))
        last = i == reports - 1
        am.ProgressReport.objects.create(
            task=task,
            reported_on=dt.date(2023 + i, 6 + (h >> 4) % 6, 1 + (h >> 8) % 27),
            narrative=f"{_STEPS[(h + i) % len(_STEPS)]} {DEMO}",
            status=status if last else TaskStatus.IN_PROGRESS,
            percent_complete=share if (last or share < 100) else Decimal(90),
            author_name="Dữ liệu minh họa",
            agency=task.lead,
            is_demo=True,
        )


def _links(plan: Plan, leaves: list[Task]) -> None:
    targets_by_sector: dict[str, list[int]] = {}
    for target in plan.targets.order_by("order"):
        targets_by_sector.setdefault(target.sector, []).append(target.pk)
    lines = {b.code: b.pk for b in plan.budget_lines.all()}
    for task in leaves:
        for target_id in targets_by_sector.get(task.sector, [])[:2] if task.sector else []:
            am.TaskTargetLink.objects.get_or_create(
                task=task, target_id=target_id, defaults={"is_demo": True}
            )
        line = lines.get(_SECTOR_LINES.get(task.sector, ""))
        if line:
            am.TaskBudgetLink.objects.get_or_create(
                task=task, budget_line_id=line, defaults={"is_demo": True}
            )
