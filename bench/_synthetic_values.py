"""Values of the synthetic data (bench/_synthetic.py): codes, and numpy generation by chunks."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import polars as pl

from kehoach.analytics.definitions import TOTAL

YEARS = tuple(str(y) for y in range(2021, 2026))
OPTIONS = tuple(f"{e}-{s}" for e in ("kinh", "thai", "hanhi") for s in ("nam", "nu"))
COCS = (TOTAL, *OPTIONS)
STATUSES = ("approved", "submitted", "draft")
ELEMENTS = (
    tuple(f"E{i:02d}" for i in range(1, 21))
    + tuple(f"P{i:02d}" for i in range(1, 31))
    + tuple(f"C{i:02d}" for i in range(1, 11))
)
VALUE = pl.Decimal(38, 1)


class Columns:
    """Parallel numpy chunks of (element, unit, period, coc, value in tenths), joined at the end."""

    def __init__(self) -> None:
        self.chunks: list[tuple[np.ndarray, ...]] = []

    def add(self, element: str, units: np.ndarray, year: int, cocs: np.ndarray, tenths: np.ndarray) -> None:
        n = len(units)
        self.chunks.append(
            (
                np.full(n, ELEMENTS.index(element), np.uint8),
                units.astype(np.int32),
                np.full(n, year, np.uint8),
                cocs.astype(np.uint8),
                tenths.astype(np.int64),
            )
        )

    def frame(self, rng: np.random.Generator) -> pl.DataFrame:
        element, unit, period, coc, tenths = (
            np.concatenate(parts) for parts in zip(*self.chunks, strict=True)
        )
        self.chunks.clear()
        status = rng.choice(3, size=len(unit), p=[0.92, 0.05, 0.03]).astype(np.uint8)

        def enum(codes: np.ndarray, names: tuple[str, ...]) -> pl.Series:
            return pl.Series(codes).replace_strict(
                list(range(len(names))), list(names), return_dtype=pl.Enum(names)
            )

        # Tenths -> Decimal(38, 1) exactly: 123 tenths * 0.1 = 12.3 (the product keeps scale 1).
        value = pl.Series(tenths).cast(VALUE) * pl.Series([Decimal("0.1")], dtype=VALUE)
        return pl.DataFrame(
            {
                "element": enum(element, ELEMENTS),
                "unit": unit,
                "period": enum(period, YEARS),
                "coc": enum(coc, COCS),
                "value": value,
                "status": enum(status, STATUSES),
            }
        )


def _present(rng: np.random.Generator, reports: np.ndarray) -> np.ndarray:
    return reports & (rng.random(len(reports)) < 0.82)


def village_values(rng: np.random.Generator, villages: np.ndarray, out: Columns) -> None:
    n = len(villages)
    households = rng.integers(40, 300, n)
    population = rng.integers(5, 400, (n, len(OPTIONS)))
    shares = rng.uniform(0.05, 0.9, 9)
    person_shares = rng.uniform(0.1, 0.95, 8)
    total_coc = np.zeros(n, np.uint8)
    for y, _ in enumerate(YEARS):
        reports = rng.random(n) < 0.85
        hh = households + rng.integers(0, 12, n) * y
        for k, element in enumerate(ELEMENTS[:20]):
            mask = _present(rng, reports)
            if k == 0:
                value = hh * 10
            elif k <= 9:
                value = rng.binomial(hh, shares[k - 1] * (1 - 0.06 * y)) * 10
            elif k == 10:
                value = rng.integers(150, 450, n) + 25 * y  # average income, million VND, one decimal
            else:
                value = rng.integers(0, 500, n) * 10
            out.add(element, villages[mask], y, total_coc[mask], value[mask])
        pop = population + rng.integers(0, 8, population.shape) * y
        for k, element in enumerate(ELEMENTS[20:50]):
            if k == 0:
                value = pop
            elif k <= 8:
                value = rng.binomial(pop, person_shares[k - 1] * (1 - 0.04 * y))
            else:
                value = rng.integers(0, 300, pop.shape)
            _split_cells(rng, out, element, villages, y, reports, value * 10)


def _split_cells(
    rng: np.random.Generator,
    out: Columns,
    element: str,
    villages: np.ndarray,
    y: int,
    reports: np.ndarray,
    tenths: np.ndarray,
) -> None:
    """Per-option cells; 1 % of villages enter the total only, 0.5 % the total besides the split."""
    n, k = tenths.shape
    cells = reports[:, None] & (rng.random((n, k)) < 0.82)
    draw = rng.random(n)
    total_only = reports & (draw < 0.01)
    both = reports & (draw >= 0.01) & (draw < 0.015) & cells.any(axis=1)
    split = cells & ~total_only[:, None]
    rows, cols = np.nonzero(split)
    out.add(element, villages[rows], y, cols + 1, tenths[rows, cols])
    totals = np.where(total_only, tenths.sum(axis=1), (tenths * cells).sum(axis=1))
    mask = total_only | both
    out.add(element, villages[mask], y, np.zeros(int(mask.sum())), totals[mask])


def commune_values(rng: np.random.Generator, old: np.ndarray, new: np.ndarray, out: Columns) -> None:
    for y, _ in enumerate(YEARS):
        communes = new if YEARS[y] == "2025" else old
        n = len(communes)
        reports = rng.random(n) < 0.85
        for k, element in enumerate(ELEMENTS[50:]):
            mask = _present(rng, reports) if k else reports  # the commune count comes with every report
            if k == 0:
                value = np.full(n, 10)
            elif k <= 3:
                value = (rng.random(n) < 0.3 + 0.1 * y).astype(np.int64) * 10
            else:
                value = rng.integers(0, 100, n) * 10
            out.add(element, communes[mask], y, np.zeros(int(mask.sum())), value[mask])
