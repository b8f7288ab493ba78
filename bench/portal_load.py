"""Load test of the public portal (issue #7): 100 requests per second, anonymous, province scale.

    .venv/bin/python bench/portal_load.py [--workdir DIR] [--rate 100] [--seconds 20] [--quick]

1. builds a province-scale database in DIR (the reference data and seed plan, then villages and
   2021-2025 approved values for the whole province from the deterministic generators of
   bench/_province_values.py, shared with bench/analytics.py);
2. starts `kehoach serve` (waitress) in a subprocess and requests every kind of public page and
   public API answer once, untimed (the server cache fills, as it does after any approval);
   The time of these first visits is reported too (`cold_max_ms`): what a visitor waits right
   after an approval, before the page is in the cache again;
3. sends `rate` requests per second for `seconds` seconds, open loop (each request leaves at its
   scheduled time whether or not earlier ones have finished, so a slow server shows as latency
   rather than as fewer requests), from a thread pool with keep-alive connections.
Prints the figures the Vietnamese way; the last line is a JSON object with p95_ms and errors.
Goal: p95 <= 300 ms and 0 errors. Tests never assert on times.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
WORKERS = 64


def _setup(workdir: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'portal.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["KEHOACH_HOME"] = str(workdir)
    os.environ["KEHOACH_SECRET_KEY"] = "bench-only-" + "0" * 40
    import django

    django.setup()


def build(villages_per_commune: int) -> dict[str, Any]:
    from _province_values import add_values, add_villages
    from django.core.management import call_command

    from kehoach.core.bootstrap import initialise
    from kehoach.plans.models import Plan

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    initialise(demo=False, say=lambda s: None)
    plan = Plan.objects.order_by("id").first()  # the embedded plan `kehoach init` loaded
    assert plan is not None
    villages = add_villages(plan, villages_per_commune)
    values = add_values(plan)
    from kehoach.analytics.services_stored import recompute_results

    recompute_results()  # the stored figures, as `kehoach init` leaves them
    return {"villages": villages, "values": values, "build_s": round(time.perf_counter() - started, 1)}


def urls() -> list[str]:
    """Every kind of public page and answer, for the district and one commune."""
    from kehoach.portal import selectors

    plan = selectors.public_plans().order_by("id").first()
    assert plan is not None
    code = plan.code
    commune = selectors.communes(plan)[0].pk
    indicator = next((i.code for i in selectors.plan_indicators(plan)), "")
    target = plan.targets.filter(quantified=True).order_by("order").values_list("code", flat=True).first()
    base = f"/cong-khai/{code}"
    return [
        "/cong-khai/",
        f"{base}/",
        f"{base}/chi-tieu/",
        f"{base}/chi-tieu/?don-vi={commune}",
        f"{base}/chi-tieu/{target}/",
        f"{base}/chi-so/",
        f"{base}/chi-so/{indicator}/?phan-to=sex",
        f"{base}/chi-so/{indicator}/?phan-to=ethnic_group&don-vi={commune}",
        f"{base}/von/",
        f"{base}/nhiem-vu/",
        f"{base}/xa/{commune}/",
        f"{base}/y-kien/",
        f"{base}/chi-tieu/?tai=csv&bang=chi-tieu",
        f"/api/v1/public/plans/{code}/targets/",
        f"/api/v1/public/plans/{code}/indicators/{indicator}/?phan-to=sex",
        f"/api/v1/public/plans/{code}/budget/",
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Client(threading.local):
    """One keep-alive connection per worker thread."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, path: str) -> int:
        try:
            self.conn.request("GET", path)
            response = self.conn.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            return 0


def _wait(port: int) -> None:
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("máy chủ không khởi động được")


def warm(port: int, paths: list[str]) -> list[float]:
    """The first visit of every page after a change computes it (and fills the cache): its time."""
    client = Client(port)
    cold = []
    for path in paths:
        started = time.perf_counter()
        if client.get(path) != 200:
            raise SystemExit(f"{path}: trang không trả lời 200")
        cold.append((time.perf_counter() - started) * 1000)
    return cold


def load(port: int, paths: list[str], rate: int, seconds: int) -> tuple[list[float], int]:
    client = Client(port)
    times: list[float] = []
    errors = 0
    lock = threading.Lock()
    start = time.perf_counter() + 0.5

    def one(n: int) -> None:
        nonlocal errors
        scheduled = start + n / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        status = client.get(paths[n % len(paths)])
        elapsed = (time.perf_counter() - scheduled) * 1000  # from the scheduled time: queueing counts
        with lock:
            times.append(elapsed)
            errors += status != 200

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, range(rate * seconds)))
    return times, errors


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--rate", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="2 villages per commune, 3 seconds")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kehoach-portal-"))
    workdir.mkdir(parents=True, exist_ok=True)
    _setup(workdir)
    from kehoach.core.formatting import vn_number

    figures = build(2 if args.quick else 11)
    seconds = 3 if args.quick else args.seconds
    paths = urls()
    port = _free_port()
    env = {**os.environ, "KEHOACH_ALLOWED_HOSTS": "127.0.0.1"}
    command = [sys.executable, "-m", "kehoach.cli", "serve", "--port", str(port), "--threads", "16"]
    server = subprocess.Popen(
        command, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(port)
        cold = warm(port, paths)
        times, errors = load(port, paths, args.rate, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    figures.update(
        {
            "rate_per_s": args.rate,
            "seconds": seconds,
            "requests": len(times),
            "p50_ms": round(sorted(times)[len(times) // 2], 1),
            "p95_ms": p95(times),
            "errors": errors,
            "kinds_of_page": len(paths),
            "cold_max_ms": round(max(cold), 1),
            "cold_total_ms": round(sum(cold), 1),
        }
    )
    print(
        f"Dữ liệu: {vn_number(figures['villages'])} bản, {vn_number(figures['values'])} giá trị đã phê duyệt"
    )
    print(
        f"Tải: {vn_number(args.rate)} yêu cầu/giây trong {vn_number(seconds)} giây, {len(paths)} loại trang"
    )
    print(f"Số yêu cầu: {vn_number(len(times))}; lỗi: {vn_number(errors)}")
    print(
        f"Thời gian phản hồi: trung vị {vn_number(figures['p50_ms'], 1)} ms; p95 {vn_number(figures['p95_ms'], 1)} ms"
    )
    print(
        f"Lần xem đầu sau một thay đổi (chưa có trong bộ nhớ đệm): chậm nhất {vn_number(figures['cold_max_ms'], 1)} ms"
    )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
