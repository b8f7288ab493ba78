#!/usr/bin/env python3
"""Print how well the plan-document parser reads the seed plan, for the README.

Compares `kehoach.docparse.parse_plan` on the seed text with the reviewed seed data file:
recall and precision of quantified targets (matched on milestone year, value, comparator, unit)
and of budget lines (matched on programme, source, kind, amount), and the parse time.
Usage: .venv/bin/python scripts/parser_accuracy.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from kehoach.docparse import parse_plan  # noqa: E402
from kehoach.docparse.accuracy import budget_score, target_score  # noqa: E402

SEED_DIR = ROOT / "kehoach" / "plans" / "data" / "seed"


def main() -> int:
    """Print the figures; exit status 1 when a file is missing."""
    shared = ROOT.parent / "shared" / "seed" / "000_0b4aa1fa83e82c37.txt"
    source = shared if shared.exists() else SEED_DIR / "muong-te-ctdt-2022.source.txt"
    reference_file = SEED_DIR / "muong-te-ctdt-2022.yaml"
    if not source.exists() or not reference_file.exists():
        print("missing seed text or reviewed seed data file", file=sys.stderr)
        return 1
    data = source.read_bytes()
    started = time.perf_counter()
    result = parse_plan(data, source.name)
    elapsed = time.perf_counter() - started
    reference = yaml.safe_load(reference_file.read_text(encoding="utf-8"))
    print(f"Parser accuracy on the seed plan ({source.name}), against {reference_file.name}:")
    for name, score in (
        ("quantified targets", target_score(result.document, reference)),
        ("budget lines", budget_score(result.document, reference)),
    ):
        print(
            f"  {name:<20} recall {score.recall:6.1%}  precision {score.precision:6.1%}"
            f"  ({score.matched} matched, {score.parsed} parsed, {score.reference} in the reference)"
        )
    print(f"  findings: {', '.join(sorted({f['code'] for f in result.findings}))}")
    print(f"  parse time: {elapsed * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
