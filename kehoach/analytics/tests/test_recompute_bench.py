"""The benchmark's province generator and its update measurement work (tiny scale, no times asserted)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from kehoach.analytics.models import ResultCell
from kehoach.analytics.services_stored import recompute_results
from kehoach.analytics.tests.test_stored_results import assert_table_is_fresh

pytestmark = pytest.mark.django_db
BENCH = Path(__file__).resolve().parents[3] / "bench"


@pytest.fixture
def bench_modules():
    sys.path.insert(0, str(BENCH))
    try:
        # Imported by name: bench/ is a folder of scripts, not a package.
        yield importlib.import_module("_province_db"), importlib.import_module("_province_values")
    finally:
        sys.path.remove(str(BENCH))


def test_province_generator_builds_a_table_equal_to_a_fresh_computation(seed_plan, bench_modules):
    db, values = bench_modules
    assert values.add_villages(seed_plan, 1) > 50  # one per former commune of the province
    assert values.add_values(seed_plan) > 10_000
    counts = recompute_results()
    assert counts["cells"] == ResultCell.objects.count() > 0
    assert_table_is_fresh()
    figures = db.measure_update(2)  # raises if the district figure served is not the one approved
    assert set(figures) >= {"update_p95_ms", "update_read_p95_ms", "update_draft_p95_ms"}
    assert_table_is_fresh()  # rebuilt for the default setting after the drafts-count run
