"""Deterministic, plausible demo figures for one unit and year. Pure.

Every unit gets a stable profile from a hash of its key: its size, its starting levels and whether
it is on track (about two units in three) or behind. Shares are applied with exact integer
arithmetic so parts never exceed their whole and disaggregates always add up to their total.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

Values = dict[tuple[str, str], Decimal]
ETHNIC = ["DT_35", "DT_41", "DT_48", "DT_50", "DT_03", "DT_09", "DT_45", "DT_KHAC"]
FIRST_YEAR = 2020


def unit_hash(key: str, salt: str) -> float:
    """A stable number in [0, 1) for (unit, salt)."""
    digest = hashlib.sha256(f"{key}|{salt}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


class Profile:
    def __init__(self, key: str) -> None:
        self.key = key
        self.on_track = unit_hash(key, "track") < 0.65

    def between(self, salt: str, low: float, high: float) -> float:
        return low + (high - low) * unit_hash(self.key, salt)

    def rate(self, salt: str, year: int, start: tuple[float, float], good: float, poor: float) -> float:
        """A share moving each year from a start in `start` by `good` (on track) or `poor` points."""
        step = good if self.on_track else poor
        value = self.between(salt, *start) + step * (year - FIRST_YEAR)
        return min(max(value, 0.0), 100.0)


def part(whole: int, percent: float) -> int:
    return min(whole, max(0, int(Decimal(whole) * Decimal(str(round(percent, 4))) / 100)))


def split(total: int, weights: Sequence[float], caps: Sequence[int] | None = None) -> list[int]:
    """Largest-remainder split of `total` by `weights`, never above `caps` (sum(caps) >= total)."""
    caps = list(caps) if caps is not None else [total] * len(weights)
    scale = sum(weights) or 1.0
    raw = [total * w / scale for w in weights]
    parts = [min(int(r), c) for r, c in zip(raw, caps, strict=True)]
    order = sorted(range(len(weights)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    left = total - sum(parts)
    while left > 0:
        moved = False
        for i in order:
            if left and parts[i] < caps[i]:
                parts[i] += 1
                left -= 1
                moved = True
        if not moved:
            raise ValueError("caps too small for the total")
    return parts


def ethnic_weights(p: Profile) -> list[float]:
    """One or two groups dominate a village or commune, as in Mường Tè."""
    weights = [p.between(f"eth{i}", 0.2, 1.0) for i in range(len(ETHNIC))]
    weights[int(unit_hash(p.key, "main") * 4)] += 8.0
    return weights


def put(values: Values, code: str, total: int, cocs: Sequence[str] = (), parts: Sequence[int] = ()) -> None:
    values[(code, "default")] = Decimal(total)
    for coc, n in zip(cocs, parts, strict=True):
        values[(code, coc)] = Decimal(n)


def money(value: float, places: int = 1) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
