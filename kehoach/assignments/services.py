"""Writes of task tracking: tracking fields, progress reports with evidence, sub-task weights.

Every write checks kehoach.accounts.scope itself (the caller has already answered 404 for what the
user cannot see) and is audited in the same transaction. Links live in link_services.py and
reassignment in reassign.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from kehoach.accounts import scope
from kehoach.assignments import models as am
from kehoach.assignments import storage
from kehoach.assignments.conf import upload_limits
from kehoach.assignments.rollup import apply_progress
from kehoach.assignments.uploads import CheckedFile, check_count, check_size, check_upload
from kehoach.audit.choices import Channel
from kehoach.audit.services import diff_fields, record_event
from kehoach.core.exceptions import Conflict, PermissionDenied, ValidationFailed
from kehoach.core.text import nfc
from kehoach.plans.models import Task

MAX_NARRATIVE = 20_000
TRACKING_FIELDS = ("period_start", "due_year", "deadline", "expected_output", "guiding_documents", "weight")


class IncomingFile(Protocol):
    """What Django's UploadedFile offers; tests pass simple objects with the same shape."""

    @property
    def name(self) -> str | None: ...

    @property
    def size(self) -> int | None: ...

    def read(self, size: int = ..., /) -> bytes: ...


def tracking_for_update(task: Task) -> am.TaskTracking:
    """The task's tracking row, created on first write and locked for the rest of the transaction."""
    am.TaskTracking.objects.get_or_create(task=task)
    return am.TaskTracking.objects.select_for_update().get(task=task)


def has_subtasks(task: Task) -> bool:
    return Task.objects.filter(parent=task).exists()


def _progress(tracking: am.TaskTracking, status: str | None, percent: Decimal | None) -> tuple[str, Decimal]:
    try:
        return apply_progress(
            current_status=tracking.status,
            current_percent=tracking.percent_complete,
            status=status or None,
            percent=percent,
        )
    except ValueError as exc:
        raise ValidationFailed(str(exc)) from exc


def _check_tracking_values(values: dict[str, Any], plan_start: int, plan_end: int) -> dict[str, Any]:
    clean = {k: v for k, v in values.items() if k in TRACKING_FIELDS}
    problems = []
    for key in ("period_start", "due_year"):
        year = clean.get(key)
        if year is not None and not (plan_start - 5 <= year <= plan_end + 20):
            problems.append(f"Năm {year} nằm ngoài thời kỳ kế hoạch ({plan_start}–{plan_end}).")
    if clean.get("period_start") and clean.get("due_year") and clean["period_start"] > clean["due_year"]:
        problems.append("Năm bắt đầu phải trước năm hoàn thành.")
    weight = clean.get("weight")
    if weight is not None and not (Decimal(0) <= weight <= Decimal(1000)):
        problems.append("Trọng số phải từ 0 đến 1.000.")
    if "guiding_documents" in clean:
        docs = [nfc(str(d)).strip() for d in clean["guiding_documents"] or []]
        clean["guiding_documents"] = [d[:500] for d in docs if d][:50]
    if "expected_output" in clean:
        clean["expected_output"] = nfc(clean["expected_output"] or "").strip()
    if problems:
        raise ValidationFailed(problems[0], messages=problems)
    return clean


@transaction.atomic
def update_tracking(
    *,
    task: Task,
    actor: Any,
    values: dict[str, Any],
    status: str | None = None,
    percent: Decimal | None = None,
    reason: str = "",
    channel: Channel | str = Channel.WEB,
    expected_version: int | None = None,
) -> bool:
    """Change the tracking of one task (plan owners). Returns whether anything changed."""
    if not scope.can_manage_task_tracking(actor, task):
        raise PermissionDenied("Chỉ cơ quan chủ trì kế hoạch được sửa thông tin theo dõi nhiệm vụ.")
    tracking = tracking_for_update(task)
    if expected_version is not None and expected_version != tracking.version:
        raise Conflict("Nhiệm vụ vừa được người khác cập nhật; hãy tải lại trang rồi sửa lại.")
    clean = _check_tracking_values(values, task.plan.period_start, task.plan.period_end)
    if (status or percent is not None) and has_subtasks(task):
        raise ValidationFailed(
            "Trạng thái và tỷ lệ của nhiệm vụ có nhiệm vụ con được tính từ các nhiệm vụ con."
        )
    clean["status"], clean["percent_complete"] = _progress(tracking, status, percent)
    changes = diff_fields(tracking, clean)
    if not changes:
        return False
    for key, value in clean.items():
        setattr(tracking, key, value)
    tracking.version += 1
    tracking.save()
    record_event(
        actor=actor,
        action="assignments.tracking.update",
        obj=task,
        changes=changes,
        channel=channel,
        reason=reason,
    )
    return True


def _read_files(files: Sequence[IncomingFile], task: Task) -> list[CheckedFile]:
    """Check every file before anything is written: one bad file stores nothing at all."""
    limits = upload_limits()
    check_count(new=len(files), existing_on_task=am.Evidence.objects.filter(task=task).count(), limits=limits)
    checked = []
    for f in files:
        name = f.name or ""
        check_size(name=name, size=f.size or 0, limits=limits)  # before reading anything
        data = f.read(limits.max_bytes + 1)
        checked.append(check_upload(name=name, data=data, limits=limits))
    return checked


@transaction.atomic
def record_progress(
    *,
    task: Task,
    actor: Any,
    narrative: str,
    reported_on: dt.date | None = None,
    status: str | None = None,
    percent: Decimal | None = None,
    files: Sequence[IncomingFile] = (),
    channel: Channel | str = Channel.WEB,
    today: dt.date | None = None,
) -> am.ProgressReport:
    """Add a dated progress report with evidence; the lead may also move status and percent."""
    if not scope.can_report_task_progress(actor, task):
        raise PermissionDenied("Chỉ cơ quan chủ trì, phối hợp thực hiện nhiệm vụ được báo cáo tiến độ.")
    sets_progress = bool(status) or percent is not None
    if sets_progress and not scope.can_change_task(actor, task):
        raise PermissionDenied(
            "Chỉ cơ quan chủ trì nhiệm vụ (hoặc cơ quan chủ trì kế hoạch) được cập nhật trạng thái và "
            "tỷ lệ hoàn thành; cơ quan phối hợp gửi báo cáo và minh chứng."
        )
    today = today or timezone.localdate()
    reported_on = reported_on or today
    text = nfc(narrative or "").strip()
    problems = []
    if not text:
        problems.append("Hãy nhập nội dung báo cáo.")
    if len(text) > MAX_NARRATIVE:
        problems.append(f"Nội dung báo cáo quá dài (tối đa {MAX_NARRATIVE:,} ký tự).".replace(",", "."))
    if reported_on > today:
        problems.append("Ngày báo cáo không được sau ngày hôm nay.")
    if reported_on.year < task.plan.period_start - 1:
        problems.append(f"Ngày báo cáo phải từ năm {task.plan.period_start - 1} trở đi.")
    if sets_progress and has_subtasks(task):
        problems.append("Tỷ lệ và trạng thái của nhiệm vụ có nhiệm vụ con được tính từ các nhiệm vụ con.")
    if problems:
        raise ValidationFailed(problems[0], messages=problems)
    checked = _read_files(files, task)
    tracking = tracking_for_update(task)
    old = (tracking.status, tracking.percent_complete)
    if sets_progress:
        tracking.status, tracking.percent_complete = _progress(tracking, status, percent)
        tracking.version += 1
        tracking.save()
    report = am.ProgressReport.objects.create(
        task=task,
        reported_on=reported_on,
        narrative=text,
        status=status or "",
        percent_complete=tracking.percent_complete if sets_progress else None,
        author=actor if getattr(actor, "pk", None) else None,
        author_name=(str(actor) if actor else "")[:150],
        agency=getattr(actor, "agency", None),
    )
    changes: dict[str, Any] = {"report": report.pk, "evidence": [c.display_name for c in checked]}
    if sets_progress:
        changes["status"] = [old[0], tracking.status]
        changes["percent_complete"] = [old[1], tracking.percent_complete]
    stored: list[str] = []
    try:
        _store_evidence(report, checked, actor, stored)
        record_event(
            actor=actor, action="assignments.progress.report", obj=task, changes=changes, channel=channel
        )
    except BaseException:
        for name in stored:  # the rows roll back with the transaction; the files must go too
            storage.remove(name)
        raise
    return report


def _store_evidence(
    report: am.ProgressReport, checked: list[CheckedFile], actor: Any, stored: list[str]
) -> None:
    """Write each file and its row; `stored` collects the names written so a failure can undo them."""
    for item in checked:
        name = storage.store(item.data, extension=item.kind.extensions[0])
        stored.append(name)
        am.Evidence.objects.create(
            report=report,
            task=report.task,
            stored_name=name,
            original_name=item.display_name,
            content_type=item.kind.content_type,
            size=item.size,
            sha256=item.sha256,
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )


@transaction.atomic
def set_subtask_weights(
    *,
    parent: Task,
    weights: dict[str, Decimal],
    actor: Any,
    reason: str = "",
    channel: Channel | str = Channel.WEB,
) -> int:
    """Set the roll-up weights of a task's sub-tasks by code (plan owners). Returns how many changed."""
    if not scope.can_manage_task_tracking(actor, parent):
        raise PermissionDenied("Chỉ cơ quan chủ trì kế hoạch được sửa trọng số.")
    children = {t.code: t for t in Task.objects.filter(parent=parent)}
    unknown = sorted(set(weights) - set(children))
    bad = [code for code, w in weights.items() if not (Decimal(0) <= w <= Decimal(1000))]
    if unknown or bad:
        problems = [f"{code} không phải nhiệm vụ con của {parent.code}." for code in unknown]
        problems += [f"Trọng số của {code} phải từ 0 đến 1.000." for code in bad]
        raise ValidationFailed(problems[0], messages=problems)
    changes: dict[str, Any] = {}
    for code, weight in weights.items():
        tracking = tracking_for_update(children[code])
        if tracking.weight != weight:
            changes[code] = [tracking.weight, weight]
            tracking.weight = weight
            tracking.version += 1
            tracking.save()
    if changes:
        record_event(
            actor=actor,
            action="assignments.weights.update",
            obj=parent,
            changes=changes,
            channel=channel,
            reason=reason,
        )
    return len(changes)
