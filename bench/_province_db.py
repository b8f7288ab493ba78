"""End-to-end figures of bench/analytics.py on a generated province-scale database (issue #4, item 7).

    .venv/bin/python bench/_province_db.py --workdir DIR [--quick]

Runs in its own process (Django set up on DIR/province.sqlite3, nothing else touched):
1. builds the database: the reference data and seed plan (`initialise`), then every commune of
   the plan's province gets villages (11 each: about 1,100, the province scale of issue #4) and
   2021-2025 values for every element of the village and commune forms from the deterministic
   demo generators, all approved, inserted in bulk (the services would take minutes and measure
   nothing here); then the full recompute builds the stored table;
2. update: p95 over repetitions of saving one value of a commune through the service, submitting
   and approving the form (approved values only count by default), and reading the district figure
   through `results.indicator_cells`; the form is reopened between repetitions, untimed;
3. pages: `kehoach serve` (waitress) in a subprocess, 20 concurrent users (a thread pool with
   keep-alive connections, 1-5 s between pages) loading the dashboard, then the indicator page;
   p95 per page, the worse one as `page_p95_ms`, and errors.
The last line is a JSON object; times are never asserted by tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
INCOME = "TN_BQ_DTTS"
USERS = 20
THINK = (1.0, 5.0)  # seconds between two pages of one user (quick: 0,2-0,5)


def _setup(workdir: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'province.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["KEHOACH_HOME"] = str(workdir)  # the server subprocess shares the key and the database
    os.environ["KEHOACH_SECRET_KEY"] = "bench-only-" + "0" * 40
    import django

    django.setup()


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2)


def build(villages_per_commune: int) -> dict[str, Any]:
    from _province_values import add_values, add_villages
    from django.core.management import call_command

    from kehoach.analytics.services_stored import recompute_results
    from kehoach.core.bootstrap import initialise
    from kehoach.plans.models import Plan

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    initialise(demo=False, say=lambda s: None)
    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    villages = add_villages(plan, villages_per_commune)
    values = add_values(plan)
    counts = recompute_results()
    return {
        "villages": villages,
        "db_values": values,
        "stored_cells": counts["cells"],
        "build_s": round(time.perf_counter() - started, 1),
    }


def measure_update(repetitions: int) -> dict[str, Any]:
    """Save one value → submit → approve → the district figure read back, p95 (ms)."""
    from decimal import Decimal

    from kehoach.analytics import results
    from kehoach.audit.choices import Channel
    from kehoach.datavalues.models import DataValue, Submission
    from kehoach.datavalues.rows import ValueRow
    from kehoach.datavalues.services import (
        SYSTEM,
        approve_submission,
        reopen_submission,
        save_data_values,
        submit_submission,
    )
    from kehoach.indicators.models import DataSet
    from kehoach.plans.models import Plan

    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    district = plan.admin_unit
    assert district is not None
    xa = DataSet.objects.get(code="XA-NAM")
    sub = Submission.objects.filter(
        data_set=xa, period="2024", unit__parent_links__parent=district, status="approved"
    ).order_by("unit__key")[0]
    commune, day = sub.unit, xa.rounds.get(period="2024").opens_on
    stored = DataValue.objects.get(element__code="TN_DTTS", unit=commune, period="2024", deleted=False)
    key = (INCOME, district.pk, "2024", "default")
    total, reads = [], []
    for n in range(1, repetitions + 1):
        sub = reopen_submission(actor=SYSTEM, submission=sub, reason="Đo hiệu năng", channel=Channel.SYSTEM)
        value = stored.value + n
        row = ValueRow(1, commune.key, "2024", "TN_DTTS", "default", value, "Đo hiệu năng (minh họa).")
        started = time.perf_counter()
        summary = save_data_values(actor=SYSTEM, data_set=xa, rows=[row], channel=Channel.SYSTEM, today=day)
        assert summary.committed, summary.problems[:3]
        sub = submit_submission(
            actor=SYSTEM, data_set=xa, unit=commune, period="2024", channel=Channel.SYSTEM, today=day
        )
        sub = approve_submission(actor=SYSTEM, submission=sub, channel=Channel.SYSTEM)
        read = time.perf_counter()
        cell = results.indicator_cells(indicators=[INCOME], areas=[district.pk])[key]
        done = time.perf_counter()
        if n == 1:
            first = cell.numerator
        elif cell.numerator != first + Decimal(n - 1):  # the figure served is the one just approved
            raise SystemExit(f"district figure not updated: {cell.numerator} after step {n}")
        total.append((done - started) * 1000)
        reads.append((done - read) * 1000)
    return {
        "update_p95_ms": p95(total),
        "update_read_p95_ms": p95(reads),
        "update_repetitions": repetitions,
        "update_draft_p95_ms": _draft_update(sub, stored.value + repetitions, repetitions, day),
    }


def _draft_update(sub: Any, start: Any, repetitions: int, day: dt.date) -> float:
    """With drafts counting (KEHOACH_ANALYTICS_STATUSES), saving alone must show: save → figure served."""
    from django.test import override_settings

    from kehoach.analytics import results
    from kehoach.analytics.services_stored import recompute_results
    from kehoach.audit.choices import Channel
    from kehoach.datavalues.rows import ValueRow
    from kehoach.datavalues.services import SYSTEM, reopen_submission, save_data_values

    key = (INCOME, sub.unit.parent_links.get(valid_to__isnull=False).parent_id, "2024", "default")
    times: list[float] = []
    previous = None
    with override_settings(KEHOACH_ANALYTICS_STATUSES=("draft", "submitted", "approved")):
        reopen_submission(actor=SYSTEM, submission=sub, reason="Đo hiệu năng", channel=Channel.SYSTEM)
        recompute_results()
        for n in range(1, repetitions + 1):
            row = ValueRow(
                1, sub.unit.key, "2024", "TN_DTTS", "default", start + n, "Đo hiệu năng (minh họa)."
            )
            started = time.perf_counter()
            summary = save_data_values(
                actor=SYSTEM, data_set=sub.data_set, rows=[row], channel=Channel.SYSTEM, today=day
            )
            cell = results.indicator_cells(indicators=[INCOME], areas=[key[1]])[key]
            times.append((time.perf_counter() - started) * 1000)
            if not summary.committed or (previous is not None and cell.numerator != previous + 1):
                raise SystemExit(f"district figure not updated after a draft save ({cell.numerator})")
            previous = cell.numerator
    recompute_results()  # back to the default setting: the pages below must read the stored table
    return p95(times)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(conn: http.client.HTTPConnection, path: str, cookie: str) -> tuple[int, float]:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    return response.status, (time.perf_counter() - started) * 1000


def measure_pages(workdir: Path, rounds: int, think: tuple[float, float]) -> dict[str, Any]:
    from django.test import Client

    from kehoach.accounts.demo import create_demo_accounts
    from kehoach.accounts.models import User
    from kehoach.plans.models import Plan

    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    create_demo_accounts(plan=plan)
    client = Client()
    client.force_login(User.objects.get(username="demo-chutri"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    port = _free_port()
    env = {**os.environ, "KEHOACH_ALLOWED_HOSTS": "127.0.0.1"}
    command = [sys.executable, "-m", "kehoach.cli", "serve", "--port", str(port), "--threads", "8"]
    with (workdir / "server.log").open("wb") as log:
        server = subprocess.Popen(command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
        by_page = _serve_and_load(server, port, plan.code, cookie, rounds, think)
    every = [r for rows in by_page.values() for r in rows]
    return {
        "page_p95_ms": max(p95([ms for _s, ms in rows]) for rows in by_page.values()),
        "page_requests": len(every),
        "page_errors": sum(1 for status, _ms in every if status != 200),
        "pages": {page: p95([ms for _s, ms in rows]) for page, rows in by_page.items()},
        "users": USERS,
        "think_s": list(think),
    }


def _serve_and_load(
    server: subprocess.Popen[bytes],
    port: int,
    code: str,
    cookie: str,
    rounds: int,
    think: tuple[float, float],
) -> dict[str, list[tuple[int, float]]]:
    try:
        dashboard = f"/tien-do/ke-hoach/{code}/"
        pages = [dashboard, _indicator_page(port, code, cookie, dashboard)]
        # One page at a time: a slow page would otherwise queue the other behind it, hiding which
        # one misses the goal; the figure is the worse page's p95.
        return {page: _load(port, cookie, [page], rounds, think)[page] for page in pages}
    finally:
        server.terminate()  # the process this function's caller started, by its handle
        server.wait(timeout=30)


def _indicator_page(port: int, code: str, cookie: str, fallback: str) -> str:
    """The indicator page if this build has it, else the explain page of the income target."""
    for _ in range(200):  # wait for the server to listen
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            status, _ms = _get(conn, fallback, cookie)
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise SystemExit("the server did not start")
    if status != 200:
        raise SystemExit(f"dashboard answered {status}")
    page = f"/tien-do/ke-hoach/{code}/chi-so/{INCOME}/"
    if _get(conn, page, cookie)[0] == 200:
        return page
    return f"/tien-do/ke-hoach/{code}/chi-tieu/T2025-01/"


def _load(
    port: int, cookie: str, pages: list[str], rounds: int, think: tuple[float, float]
) -> dict[str, list[tuple[int, float]]]:
    """USERS threads, each a user with its own keep-alive connection loading every page `rounds`
    times, pausing `think` seconds (uniform, seeded) between pages as people do (locust's wait_time);
    without pauses 20 users would ask more than two CPUs can serve, whatever the page."""

    def user(n: int, times: int) -> list[tuple[str, int, float]]:
        pause = random.Random(n)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        done = []
        for i in range(times * len(pages)):
            time.sleep(pause.uniform(*think))
            page = pages[(n + i) % len(pages)]
            done.append((page, *_get(conn, page, cookie)))
        return done

    with ThreadPoolExecutor(USERS) as pool:
        list(pool.map(lambda n: user(n, 1), range(USERS)))  # warm-up, untimed
        done = [r for rows in pool.map(lambda n: user(n, rounds), range(USERS)) for r in rows]
    by_page: dict[str, list[tuple[int, float]]] = {page: [] for page in pages}
    for page, status, ms in done:
        by_page[page].append((status, ms))
    return by_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--quick", action="store_true", help="2 villages per commune, few repetitions")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    _setup(args.workdir)
    figures = build(2 if args.quick else 11)
    figures.update(measure_update(5 if args.quick else 50))
    figures.update(
        measure_pages(args.workdir, 2, (0.2, 0.5)) if args.quick else measure_pages(args.workdir, 10, THINK)
    )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
