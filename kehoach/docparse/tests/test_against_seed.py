"""The parse of the seed plan against the reviewed seed data file (written by hand)."""

from __future__ import annotations

import pytest
import yaml

from kehoach.docparse.accuracy import budget_score, target_score

from .conftest import SEED_YAML


@pytest.fixture(scope="module")
def reference():
    return yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))


def test_quantified_targets_recall_and_precision(seed, reference) -> None:
    score = target_score(seed.document, reference)
    print(
        f"targets: recall {score.recall:.3f}, precision {score.precision:.3f}"
        f" ({score.matched}/{score.reference})"
    )
    assert score.recall >= 0.9
    assert score.precision >= 0.9


def test_budget_lines_recall_and_precision(seed, reference) -> None:
    score = budget_score(seed.document, reference)
    print(
        f"budget lines: recall {score.recall:.3f}, precision {score.precision:.3f}"
        f" ({score.matched}/{score.reference})"
    )
    assert score.recall == 1.0
    assert score.precision == 1.0


def test_budget_parents_match(seed, reference) -> None:
    # Compared through the parent's figures, so that line codes may differ.
    def parents(doc) -> set[tuple[object, ...]]:
        lines = {b["code"]: b for b in doc["budget_lines"]}

        def key(line) -> tuple[object, ...]:
            return (line["programme"], line["source"], line["kind"], str(line["amount_million_vnd"]))

        return {(key(b), key(lines[b["parent"]]) if b.get("parent") else None) for b in lines.values()}

    assert parents(seed.document) == parents(reference)
