"""Benchmark of issue #6: generating the annual report for the demo district (goal: under 2 s).

    .venv/bin/python bench/report_annual.py [--year 2024] [--repeat 5]

Builds the demo into a temporary SQLite database as `kehoach init --demo` does, then times, per
repetition, the whole production of the annual report as the web page does it: gathering the
figures (target judgement, indicator cells, tasks, money), the narrative, the .docx with its
indicator table, and the .xlsx. Prints the inputs' size and the median time the Vietnamese way;
the last line is a JSON object with the figures. Tests never assert on times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 2.0


def setup_django(workdir: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("KEHOACH_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnop")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def build_demo() -> Any:
    from kehoach.core.bootstrap import initialise
    from kehoach.plans.models import Plan
    from kehoach.plans.services import SEED_PLAN, read_data_file

    initialise(demo=True, say=lambda s: None)
    return Plan.objects.get(code=read_data_file(SEED_PLAN)["plan"]["code"])


def produce(plan: Any, year: int) -> tuple[int, int, int]:
    """One annual report end to end; returns (targets, docx bytes, xlsx bytes)."""
    from kehoach.reports import selectors
    from kehoach.reports.collect import SYSTEM_READER, collect
    from kehoach.reports.defaults import defaults
    from kehoach.reports.models import Report
    from kehoach.reports.narrative import prefill

    as_of = dt.date(year, 12, 14)
    data = collect(plan=plan, kind="annual", year=year, as_of=as_of, reader=SYSTEM_READER)
    fields = defaults(plan=plan, kind="annual", year=year)
    report = Report(plan=plan, kind="annual", year=year, as_of=as_of, sections=prefill(data), **fields)
    docx = selectors.render_docx(report, reader=SYSTEM_READER, data=data)
    xlsx = selectors.render_xlsx(report, reader=SYSTEM_READER, data=data)
    return len(data.targets), len(docx), len(xlsx)


def sizes(plan: Any) -> dict[str, int]:
    from kehoach.assignments.models import ProgressReport, TaskTracking
    from kehoach.budget.models import Allocation, Disbursement
    from kehoach.datavalues.models import DataValue

    return {
        "targets": plan.targets.count(),
        "quantified_targets": plan.targets.filter(quantified=True).count(),
        "data_values": DataValue.objects.count(),
        "tasks": plan.tasks.count(),
        "task_trackings": TaskTracking.objects.filter(task__plan=plan).count(),
        "progress_reports": ProgressReport.objects.filter(task__plan=plan).count(),
        "plan_budget_lines": plan.budget_lines.count(),
        "allocations": Allocation.objects.filter(plan=plan).count(),
        "disbursements": Disbursement.objects.filter(allocation__plan=plan).count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-report-") as workdir:
        setup_django(workdir)
        from kehoach.core.formatting import vn_number

        started = time.perf_counter()
        plan = build_demo()
        build_seconds = time.perf_counter() - started
        inputs = sizes(plan)
        produce(plan, args.year)  # untimed warm-up: imports, first queries
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            targets, docx_bytes, xlsx_bytes = produce(plan, args.year)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(f"Dữ liệu minh họa dựng trong {vn_number(build_seconds, 1)} giây.")
        for name, value in inputs.items():
            print(f"  {name}: {vn_number(value)}")
        print(
            f"Báo cáo năm {args.year}: {vn_number(targets)} chỉ tiêu, .docx {vn_number(docx_bytes)} byte, "
            f".xlsx {vn_number(xlsx_bytes)} byte."
        )
        verdict = "đạt" if median < GOAL_SECONDS else "KHÔNG đạt"
        print(
            f"Thời gian (trung vị {args.repeat} lần): {vn_number(median, 3)} giây; "
            f"mục tiêu dưới {vn_number(GOAL_SECONDS, 0)} giây: {verdict}."
        )
        result = {
            "year": args.year,
            "repeat": args.repeat,
            "median_seconds": round(median, 4),
            "min_seconds": round(min(times), 4),
            "goal_seconds": GOAL_SECONDS,
            "within_goal": median < GOAL_SECONDS,
            "docx_bytes": docx_bytes,
            "xlsx_bytes": xlsx_bytes,
            **inputs,
        }
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
