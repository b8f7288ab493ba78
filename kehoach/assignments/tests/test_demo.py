"""Demo progress: deterministic, plausible, marked and labelled as demo."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from kehoach.assignments import models as am
from kehoach.assignments.demo import create_demo_progress
from kehoach.assignments.selectors import status_counts, task_rows


def test_demo_progress_has_done_behind_and_overdue_tasks(seed_plan):
    assert create_demo_progress(plan=seed_plan) == seed_plan.tasks.count()
    counts = {k: n for k, _, n in status_counts(task_rows(plan=seed_plan, today=dt.date(2025, 9, 1)))}
    assert counts["done"] > 3 and counts["overdue"] > 3 and counts["in_progress"] > 3
    assert not am.TaskTracking.objects.filter(is_demo=False).exists()
    assert all("dữ liệu minh họa" in r.narrative for r in am.ProgressReport.objects.all())
    assert am.TaskTargetLink.objects.filter(is_demo=True).exists()


def test_demo_progress_is_deterministic_and_runs_once(seed_plan):
    create_demo_progress(plan=seed_plan)
    first = sorted(
        am.TaskTracking.objects.values_list("task__code", "status", "percent_complete", "deadline")
    )
    assert create_demo_progress(plan=seed_plan) == 0
    am.ProgressReport.objects.all().delete()
    am.TaskTracking.objects.all().delete()
    create_demo_progress(plan=seed_plan)
    assert (
        sorted(am.TaskTracking.objects.values_list("task__code", "status", "percent_complete", "deadline"))
        == first
    )


def test_demo_data_is_labelled_on_the_pages(seed_plan, personas):
    create_demo_progress(plan=seed_plan)
    client = Client()
    client.force_login(personas.viewer)
    page = client.get(reverse("assignments:board", args=[seed_plan.code])).content.decode()
    assert "dữ liệu minh họa" in page
