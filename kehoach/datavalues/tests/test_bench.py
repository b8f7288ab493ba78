"""The import benchmark runs end to end on a small workbook and ends with its JSON line (no timing
is asserted: figures depend on the machine)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_benchmark_prints_import_ratio_as_json_on_its_last_line():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "import_excel.py"), "--values", "300", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert (
        figures["values"] > 0 and figures["import_ratio"] > 0 and figures["history_rows"] == figures["values"]
    )
