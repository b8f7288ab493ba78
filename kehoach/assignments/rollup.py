"""Weighted roll-up of sub-task progress and the status shown for a task. Pure functions.

The rule (docs/domain/assignments.md), after Decidim's accountability results:
- A task without sub-tasks shows its own stored status and percent.
- A task with sub-tasks shows the weighted mean of its sub-tasks' (rolled-up) percent:
  Σ(weightᵢ × percentᵢ) / Σ weightᵢ, rounded half-up to 0.01. Weights default to 1 (equal); when
  every weight is 0 the plain mean is used. Cancelled sub-tasks are left out; if all are cancelled
  the task falls back to its own values.
- Its status follows the sub-tasks: done when every counted sub-task is done, not started when none
  has started, in progress otherwise; a task cancelled itself stays cancelled.
- Overdue is never stored: a task not done and not cancelled whose due date is before today is shown
  overdue. Computing it at read time keeps it consistent with the deadline and status every day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, CANCELLED = (
    "not_started",
    "in_progress",
    "done",
    "overdue",
    "cancelled",
)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Node:
    id: int
    parent_id: int | None
    status: str
    percent: Decimal
    weight: Decimal
    due_on: dt.date | None


@dataclass(frozen=True)
class Progress:
    status: str  # as shown, including overdue
    base_status: str  # without the overdue judgement (what the roll-up uses)
    percent: Decimal
    derived: bool  # computed from sub-tasks


def weighted_percent(children: Sequence[tuple[Decimal, Decimal]]) -> Decimal:
    """Σ(w·p)/Σw over (weight, percent) pairs; equal weights when all are 0. Empty → 0."""
    if not children:
        return Decimal(0)
    if len(children) == 1:
        return _clamp(children[0][1])
    total_weight = sum((w for w, _ in children), Decimal(0))
    if total_weight <= 0:
        value = sum((p for _, p in children), Decimal(0)) / len(children)
    else:
        value = sum((w * p for w, p in children), Decimal(0)) / total_weight
    return _clamp(value)


def _clamp(value: Decimal) -> Decimal:
    return min(max(value, Decimal(0)), HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def is_overdue(base_status: str, due_on: dt.date | None, today: dt.date) -> bool:
    return base_status in (NOT_STARTED, IN_PROGRESS) and due_on is not None and due_on < today


def _status_from_children(statuses: list[str]) -> str:
    if all(s == DONE for s in statuses):
        return DONE
    if all(s == NOT_STARTED for s in statuses):
        return NOT_STARTED
    return IN_PROGRESS


def rollup(nodes: Iterable[Node], *, today: dt.date) -> dict[int, Progress]:
    """Progress of every node; parents are computed from their children (any depth)."""
    by_id = {n.id: n for n in nodes}
    children: dict[int, list[Node]] = defaultdict(list)
    for n in by_id.values():
        if n.parent_id in by_id:
            children[n.parent_id].append(n)
    result: dict[int, Progress] = {}

    def visit(node: Node, path: frozenset[int]) -> Progress:
        if node.id in result:
            return result[node.id]
        if node.id in path:
            raise ValueError(f"nhiệm vụ {node.id} là cha của chính nó")
        counted = [
            (child, visit(child, path | {node.id}))
            for child in children.get(node.id, [])
            if child.status != CANCELLED
        ]
        if node.status == CANCELLED or not counted:
            base, percent, derived = node.status, _clamp(node.percent), False
        else:
            base = _status_from_children([p.base_status for _, p in counted])
            percent = weighted_percent([(c.weight, p.percent) for c, p in counted])
            derived = True
        shown = OVERDUE if is_overdue(base, node.due_on, today) else base
        result[node.id] = Progress(shown, base, percent, derived)
        return result[node.id]

    for node in by_id.values():
        visit(node, frozenset())
    return result


def apply_progress(
    *, current_status: str, current_percent: Decimal, status: str | None, percent: Decimal | None
) -> tuple[str, Decimal]:
    """The (status, percent) after a report or an edit, kept consistent with each other.

    Marking done means 100 %; reaching 100 % means done; a first percent above 0 starts the task;
    not started means 0 %. Contradictions are refused (ValueError with the Vietnamese reason).
    """
    if status == OVERDUE:
        raise ValueError("Không chọn được trạng thái “Quá hạn”: trạng thái này tự tính từ thời hạn.")
    if percent is not None and not (Decimal(0) <= percent <= HUNDRED):
        raise ValueError("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
    if percent is not None and percent != percent.quantize(CENT):
        raise ValueError("Tỷ lệ hoàn thành chỉ ghi tối đa 2 chữ số thập phân.")
    new_status = status or current_status
    new_percent = percent if percent is not None else current_percent
    if status is None and percent is not None:
        if percent == HUNDRED:
            new_status = DONE
        elif current_status in (NOT_STARTED, DONE) and percent > 0:
            new_status = IN_PROGRESS
        elif current_status == DONE:
            new_status = NOT_STARTED if percent == 0 else IN_PROGRESS
    if new_status == DONE:
        if percent is not None and percent != HUNDRED:
            raise ValueError("Nhiệm vụ hoàn thành phải đạt 100%.")
        new_percent = HUNDRED
    elif new_status == NOT_STARTED:
        if percent is not None and percent != 0:
            raise ValueError("Nhiệm vụ chưa triển khai thì tỷ lệ hoàn thành là 0%.")
        new_percent = Decimal(0)
    elif new_status == IN_PROGRESS and new_percent == HUNDRED:
        raise ValueError("Đã đạt 100% thì chọn trạng thái “Hoàn thành”, hoặc nhập tỷ lệ thấp hơn.")
    return new_status, new_percent.quantize(CENT)
