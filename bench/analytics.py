"""Benchmark of issue #4: full recompute through kehoach's engine against DuckDB and Polars.

    .venv/bin/python bench/analytics.py --scale district|province|nation [--rounds N]

One run measures, on the same deterministic synthetic data (bench/_synthetic.py):
- the full recompute of every indicator at every unit, year and combo through kehoach
  (`GeographyTables.of` + `columnar.recompute`), one DuckDB SQL query and one Polars expression
  (bench/_baselines.py); each engine runs in its own process (peak memory per engine, and a nation
  run never holds two engines' working sets at once), round-robin so machine load hits all alike;
  the figure is the median over rounds, each after one untimed warm-up (no warm-up at nation);
- that the three results agree (N and D exactly, value within 1e-12 relative, approximate flags);
  at district and province also the pure-Python reference engine, and its incremental update.
- end to end on a generated province-scale database (bench/_province_db.py): `update_p95_ms`
  (save one value, submit, approve, the district figure served) and `page_p95_ms` (dashboard and
  indicator page, 20 concurrent users, `kehoach serve`). `--quick`: a smoke run at small scale.
The last line of output is a JSON object with the figures; tests never assert on times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _baselines
import _synthetic

from kehoach.analytics.columnar import recompute
from kehoach.analytics.columnar_frames import to_indicator_values
from kehoach.analytics.columnar_geo import GeographyTables
from kehoach.analytics.definitions import AnalyticsSettings, DataValue, ValueStatus
from kehoach.analytics.engine import Engine
from kehoach.analytics.geography import Geography, build_geography
from kehoach.core.formatting import vn_number

ENGINES = ("kehoach", "duckdb", "polars")
AS_OF = dt.date(2026, 1, 1)


def end_to_end(workdir: Path, quick: bool) -> dict[str, Any]:
    """update_p95_ms and page_p95_ms on a generated province-scale database (bench/_province_db.py):
    saving one value through the service (submit and approve included) to the updated district
    figure served (goal ≤ 50 ms), and the dashboard and indicator pages under 20 concurrent users
    against `kehoach serve` (goal ≤ 200 ms, 0 errors). Its own process: Django is set up there only.
    """
    command = [sys.executable, str(Path(__file__).with_name("_province_db.py")), "--workdir", str(workdir)]
    done = subprocess.run([*command, *(["--quick"] if quick else [])], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"end-to-end measurement failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if figures["page_errors"]:
        raise SystemExit(f"{figures['page_errors']} page requests failed under load")
    return figures


def prepare(scale: str, workdir: Path) -> dict[str, Any]:
    started = time.perf_counter()
    data = _synthetic.generate(scale)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    geography = build_geography(data.units, data.links, data.successions, as_of=AS_OF)
    geography_s = time.perf_counter() - started
    unit_type = data.values.schema["unit"]
    own = [(u, u, False) for u in geography.units]
    closure = pl.DataFrame(
        own + list(geography.pairs()),
        schema={"entry": unit_type, "area": unit_type, "approximate": pl.Boolean},
        orient="row",
    )
    data.values.write_parquet(workdir / "values.parquet")
    closure.write_parquet(workdir / "closure.parquet")
    (workdir / "geography.pkl").write_bytes(pickle.dumps(geography))
    return {
        "units": len(data.units),
        "values": data.values.height,
        "closure_rows": closure.height,
        "generate_s": round(generated, 3),
        "geography_s": round(geography_s, 3),
    }


def _compute(engine: str, workdir: Path) -> tuple[pl.DataFrame, float]:
    values = pl.read_parquet(workdir / "values.parquet")
    catalogue = _synthetic.catalogue()
    if engine == "kehoach":
        geography: Geography = pickle.loads((workdir / "geography.pkl").read_bytes())
        started = time.perf_counter()
        cells = recompute(catalogue, GeographyTables.of(geography), AnalyticsSettings(), values).cells
        return cells, time.perf_counter() - started
    closure = pl.read_parquet(workdir / "closure.parquet")
    started = time.perf_counter()
    run = _baselines.run_duckdb if engine == "duckdb" else _baselines.run_polars
    cells = run(catalogue, values, closure)
    return cells, time.perf_counter() - started


def worker(engine: str, workdir: Path, warm_up: bool) -> None:
    """Child process: (warm-up,) one timed run, the result to Parquet, a JSON line of figures."""
    if warm_up:
        _compute(engine, workdir)
    cpu = time.process_time()
    cells, seconds = _compute(engine, workdir)
    cpu = time.process_time() - cpu
    cells.write_parquet(workdir / f"result-{engine}.parquet")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": round(peak), "rows": cells.height})
    )


def run_worker(engine: str, workdir: Path, warm_up: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", engine, "--workdir", str(workdir)]
    done = subprocess.run([*command, *(["--warm-up"] if warm_up else [])], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{engine} failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _normalised(frame: pl.DataFrame) -> pl.DataFrame:
    exact = pl.Decimal(38, 8)
    return frame.select(
        pl.col("indicator").cast(pl.String),
        pl.col("unit").cast(pl.Int64),
        pl.col("period").cast(pl.String),
        pl.col("coc").cast(pl.String),
        pl.col("numerator").cast(exact),
        pl.col("denominator").cast(exact),
        "value",
        "approximate",
    )


def compare(workdir: Path, engine: str) -> int:
    """Rows of `engine`'s result that differ from kehoach's (missing on either side included)."""
    ours = _normalised(pl.read_parquet(workdir / "result-kehoach.parquet"))
    theirs = _normalised(pl.read_parquet(workdir / f"result-{engine}.parquet"))
    joined = ours.join(theirs, on=["indicator", "unit", "period", "coc"], how="full", suffix="_b")
    differs = (
        pl.col("numerator").is_null()
        | pl.col("numerator_b").is_null()
        | (pl.col("numerator") != pl.col("numerator_b"))
        | pl.col("denominator").ne_missing(pl.col("denominator_b"))
        | (pl.col("approximate") != pl.col("approximate_b"))
        | ((pl.col("value") - pl.col("value_b")).abs() > 1e-12 * pl.col("value").abs().clip(1.0, None))
    )
    return joined.filter(differs).height


def reference(workdir: Path, changes: int = 300) -> dict[str, Any]:
    """The pure-Python engine equals the columnar one; then incremental updates of used values."""
    values = pl.read_parquet(workdir / "values.parquet")
    geography: Geography = pickle.loads((workdir / "geography.pkl").read_bytes())
    catalogue = _synthetic.catalogue()
    rows = [DataValue(e, u, p, c, v, ValueStatus(s)) for e, u, p, c, v, s in values.iter_rows()]
    engine = Engine(catalogue, geography, AnalyticsSettings())
    started = time.perf_counter()
    cells = engine.load(rows)
    load_s = time.perf_counter() - started
    columnar = recompute(catalogue, GeographyTables.of(geography), AnalyticsSettings(), values)
    equal = cells == to_indicator_values(columnar.cells, columnar.reasons, columnar.compiled)
    used = {s.element for s in engine.compiled.series} | {s.weight for s in engine.compiled.series}
    candidates = [r for r in rows if r.element in used]
    picker = random.Random(_synthetic.SEED)
    times = []
    for _ in range(changes):
        old = candidates[picker.randrange(len(candidates))]
        new = DataValue(old.element, old.unit, old.period, old.coc, old.value + 1, ValueStatus.APPROVED)
        started = time.perf_counter()
        engine.apply(new.key, new)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "reference_equal": equal,
        "reference_load_s": round(load_s, 3),
        "engine_update_p50_ms": round(times[len(times) // 2], 3),
        "engine_update_p95_ms": round(times[int(len(times) * 0.95)], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(_synthetic.SCALES), default="province")
    parser.add_argument("--rounds", type=int, default=None, help="timed rounds (default 5; 1 at nation)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the snapshot and results here")
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--warm-up", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--quick", action="store_true", help="smoke test: 1 round, a small province database, few requests"
    )
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.workdir, args.warm_up)
        return
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        rounds = args.rounds or (1 if args.scale == "nation" or args.quick else 5)
        report(args.scale, workdir, rounds, quick=args.quick)


def report(scale: str, workdir: Path, rounds: int, quick: bool = False) -> None:
    figures: dict[str, Any] = {"scale": scale, **prepare(scale, workdir)}
    print(
        f"{scale}: {vn_number(figures['units'])} units, {vn_number(figures['values'])} values"
        f" (geography {vn_number(figures['geography_s'], 3)} s)"
    )
    runs: dict[str, list[dict[str, Any]]] = {e: [] for e in ENGINES}
    for _ in range(rounds):
        for engine in ENGINES:
            runs[engine].append(run_worker(engine, workdir, warm_up=scale != "nation"))
    for engine in ENGINES:
        figures[f"{engine}_s"] = round(statistics.median(r["seconds"] for r in runs[engine]), 3)
        figures[f"{engine}_cpu_s"] = round(statistics.median(r["cpu_seconds"] for r in runs[engine]), 3)
        figures[f"{engine}_peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs[engine])
        seconds = vn_number(figures[f"{engine}_s"], 3)
        print(f"  {engine:8s} {seconds:>8s} s  peak {vn_number(figures[f'{engine}_peak_rss_mb'])} MB")
    figures["cells"] = runs["kehoach"][-1]["rows"]
    for engine in ENGINES[1:]:
        mismatches = compare(workdir, engine)
        if mismatches:
            raise SystemExit(f"{engine} disagrees with kehoach on {mismatches} cells")
    figures["results_agree"] = True
    fastest = min(ENGINES[1:], key=lambda e: figures[f"{e}_s"])
    figures["fastest_baseline"] = fastest
    figures["recompute_ratio"] = round(figures["kehoach_s"] / figures[f"{fastest}_s"], 3)
    figures["recompute_goal"] = 2.0 if scale == "nation" else 1.5
    print(
        f"  ratio kehoach / {fastest}: {vn_number(figures['recompute_ratio'], 2)}"
        f" (goal ≤ {vn_number(figures['recompute_goal'], 1)})"
    )
    if scale != "nation":
        figures.update(reference(workdir))
        if not figures["reference_equal"]:
            raise SystemExit("the pure-Python reference engine disagrees with the columnar engine")
        print(
            f"  reference engine equal; incremental update p95 {vn_number(figures['engine_update_p95_ms'], 1)} ms"
        )
    e2e = end_to_end(workdir / "province-db", quick)
    figures.update(
        {f"e2e_{k}" if k not in ("update_p95_ms", "page_p95_ms") else k: v for k, v in e2e.items()}
    )
    print(
        f"  province database ({vn_number(e2e['villages'])} villages, {vn_number(e2e['db_values'])} values,"
        f" {vn_number(e2e['stored_cells'])} stored cells)"
    )
    print(
        f"  save → submit → approve → district figure served: p95 {vn_number(e2e['update_p95_ms'], 1)} ms"
        f" (goal ≤ 50; reading alone {vn_number(e2e['update_read_p95_ms'], 1)} ms)"
    )
    print(
        f"  with drafts counting, save → district figure served: p95 {vn_number(e2e['update_draft_p95_ms'], 1)} ms"
    )
    print(
        f"  pages, {e2e['users']} users, {vn_number(e2e['page_requests'])} requests, {e2e['page_errors']} errors"
        f" (goal p95 ≤ 200 ms, 0 errors):"
    )
    for page, ms in e2e["pages"].items():
        print(f"    {page}: p95 {vn_number(ms, 1)} ms")
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
