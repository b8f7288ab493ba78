"""Benchmark: import an Excel workbook of 50,000 values end to end (safe read, parse, validate,
write, audit) against merely reading the same file with the fastest reader (python-calamine), in
the same run on the same machine. Figures are ratios; the last line is JSON with `import_ratio`.

    .venv/bin/python bench/import_excel.py [--values 50000] [--repeat 3]

Runs in a temporary SQLite database: reference data and the seed plan are loaded, synthetic
villages are added under the seed district until the village form holds the requested number of
values, and each repetition imports a fresh period (so every run creates every value).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup_django(workdir: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("KEHOACH_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnop")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def prepare(values: int, periods: list[str]) -> tuple[Any, Any, int]:
    """The village form, the district, and how many values one period of the workbook holds."""
    import datetime as dt

    from django.utils import timezone

    from kehoach.core.bootstrap import initialise
    from kehoach.datavalues.catalogue import data_set_catalogue
    from kehoach.indicators.models import DataSet, ReportingRound
    from kehoach.orgunits.models import OrgUnit, UnitLevel, UnitParent
    from kehoach.plans.models import Plan

    initialise(demo=False, say=lambda s: None)
    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    ds = DataSet.objects.get(code="BAN-NAM")
    per_village = sum(len(e.option_combos) for e in data_set_catalogue(data_set=ds).elements.values())
    needed = -(-values // per_village)
    communes = list(
        OrgUnit.objects.filter(parent_links__parent=plan.admin_unit, level__code="commune").order_by("key")
    )
    level = UnitLevel.objects.get(code="village")
    villages = OrgUnit.objects.bulk_create(
        [
            OrgUnit(key=f"bench:{i:05d}", name=f"Bản thử {i}", level=level, search_text=f"ban thu {i}")
            for i in range(needed)
        ]
    )
    UnitParent.objects.bulk_create(
        [UnitParent(unit=v, parent=communes[i % len(communes)]) for i, v in enumerate(villages)]
    )
    today = timezone.localdate()
    for period in periods:
        ReportingRound.objects.update_or_create(
            data_set=ds,
            period=period,
            defaults={
                "opens_on": today - dt.timedelta(days=1),
                "due_on": today,
                "closes_on": today + dt.timedelta(days=1),
            },
        )
    return ds, plan.admin_unit, per_village


def workbook(ds: Any, period: str, limit: int) -> bytes:
    """The template for every village of the district, filled with plausible demo figures."""
    from kehoach.datavalues.catalogue import data_set_catalogue
    from kehoach.datavalues.demo_units import village
    from kehoach.datavalues.excel.template import TemplateRow, build_template
    from kehoach.orgunits.models import OrgUnit

    cat = data_set_catalogue(data_set=ds)
    rows: list[TemplateRow] = []
    for unit in OrgUnit.objects.filter(key__startswith="bench:").order_by("key"):
        figures = village(unit.key, int(period))
        for e in cat.elements.values():
            for coc in e.option_combos:
                rows.append(
                    TemplateRow(
                        unit.key,
                        unit.name,
                        period,
                        e.code,
                        e.name,
                        coc,
                        cat.labels[coc],
                        e.unit_label,
                        None,
                        figures.get((e.code, coc)),
                        "",
                        0,
                        e.value_type,
                    )
                )
    # Whole villages only: a cut inside a village would leave its disaggregates without their total.
    per_village = len(rows) // OrgUnit.objects.filter(key__startswith="bench:").count()
    rows = rows[: max(per_village, limit - limit % per_village)] if len(rows) > limit else rows
    return build_template(
        data_set=ds.code, data_set_name=ds.name, period=period, scope_key="bench", rows=rows
    )


def fastest_read(data: bytes) -> float:
    from python_calamine import CalamineWorkbook

    from kehoach.datavalues.excel.layout import DATA_SHEET

    start = time.perf_counter()
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(DATA_SHEET).to_python()
    elapsed = time.perf_counter() - start
    assert len(rows) > 1
    return elapsed


def stages(ds: Any, data: bytes) -> dict[str, float]:
    """Where the time goes (a dry run: nothing written), for the report: best of three."""
    runs = [_stages_once(ds, data) for _ in range(3)]
    return {name: min(run[name] for run in runs) for name in runs[0]}


def _stages_once(ds: Any, data: bytes) -> dict[str, float]:
    from kehoach.audit.choices import Channel
    from kehoach.datavalues.excel.reader import LIMITS, read_upload
    from kehoach.datavalues.services import SYSTEM, collector_paused, save_data_values
    from kehoach.spreadsheets.reader import read_xlsx

    out: dict[str, float] = {}
    # As import_workbook reads: with the cyclic garbage collector paused until the save ends.
    with collector_paused():
        start = time.perf_counter()
        read_xlsx(data, limits=LIMITS)
        out["safe_read"] = time.perf_counter() - start
    with collector_paused():
        start = time.perf_counter()
        upload = read_upload(data, data_set=ds.code)
        out["safe_read_and_parse_rows"] = time.perf_counter() - start
    start = time.perf_counter()
    summary = save_data_values(
        actor=SYSTEM, data_set=ds, rows=upload.rows, channel=Channel.IMPORT, dry_run=True
    )
    out["check_rows_and_rules"] = time.perf_counter() - start
    assert summary.ok, summary.problems[:3]
    return out


def full_import(ds: Any, data: bytes) -> tuple[float, int]:
    from kehoach.datavalues.excel.services import import_workbook
    from kehoach.datavalues.services import SYSTEM

    start = time.perf_counter()
    result = import_workbook(actor=SYSTEM, data_set=ds, data=data, dry_run=False)
    elapsed = time.perf_counter() - start
    if not result.summary.committed:
        raise SystemExit(f"import refused: {result.messages[:5]}")
    return elapsed, result.summary.counts["created"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    periods = [str(2030 - i) for i in range(args.repeat)]
    with tempfile.TemporaryDirectory() as workdir:
        setup_django(workdir)
        ds, _district, per_village = prepare(args.values, periods)
        books = {p: workbook(ds, p, args.values) for p in periods}
        from kehoach.audit.models import AuditEvent
        from kehoach.datavalues.models import DataValueAudit

        reads, imports, created = [], [], 0
        breakdown = stages(ds, books[periods[0]])
        for period in periods:
            data = books[period]
            reads.append(min(fastest_read(data) for _ in range(3)))
            seconds, created = full_import(ds, data)
            imports.append(seconds)
        read, imported = statistics.median(reads), statistics.median(imports)
        # What the commit adds to the dry run: writing values, their history, submissions, the event.
        breakdown["write_and_audit"] = max(
            0.0, imported - breakdown["safe_read_and_parse_rows"] - breakdown["check_rows_and_rules"]
        )
        figures = {
            "values": created,
            "file_bytes": len(books[periods[0]]),
            "reader": "python-calamine",
            "read_seconds": round(read, 3),
            "import_seconds": round(imported, 3),
            "import_ratio": round(imported / read, 2),
            "stage_ratios": {k: round(v / read, 2) for k, v in breakdown.items()},
            "history_rows": DataValueAudit.objects.count(),
            "audit_events": AuditEvent.objects.filter(action="datavalues.save").count(),
            "repeat": args.repeat,
            "goal": 3.0,
        }
        from kehoach.core.formatting import vn_number

        size = vn_number(len(books[periods[0]]) / 1e6, 1)
        print(f"Tệp {vn_number(created)} giá trị ({size} MB), {per_village} giá trị mỗi bản.")
        print(f"Chỉ đọc bằng python-calamine: {vn_number(read, 2)} s (= 1)")
        labels = {
            "safe_read": "đọc an toàn (kehoach.spreadsheets: kiểm tra tệp nén, quét công thức, calamine)",
            "safe_read_and_parse_rows": "đọc an toàn + chuyển từng dòng thành ValueRow",
            "check_rows_and_rules": "kiểm tra phạm vi, mã, kỳ, khóa, phiên bản, quy tắc (chạy thử)",
            "write_and_audit": "ghi giá trị, lịch sử từng giá trị, báo cáo, nhật ký",
        }
        for name, seconds in breakdown.items():
            print(f"  {labels[name]}: {vn_number(seconds / read, 2)} ×")
        print(
            f"Nhập trọn vẹn (đọc an toàn, kiểm tra, ghi, nhật ký): {vn_number(imported, 2)} s = "
            f"{vn_number(imported / read, 2)} × (mục tiêu ≤ 3)"
        )
        print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
