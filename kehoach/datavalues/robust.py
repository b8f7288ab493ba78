"""Robust outlier score of a new value against a unit's own history. Pure, exact decimals.

Mean and standard deviation are pulled by the very errors we look for (one year typed with an
extra zero inflates both), so the score uses the median and the median absolute deviation (MAD):
the modified z-score of Iglewicz and Hoaglin, 0.6745 × |x − median| / MAD. When more than half of
the history is identical the MAD is 0; the mean absolute deviation around the median then gives
the spread (scaled by 0.7979, the same authors' fallback). With no spread at all there is no basis
for a judgement and no score is returned. A value within 10 % of the median (or within 1 of a zero
median) is never an outlier: in small counts one household more would otherwise look anomalous.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

MAD_SCALE = Decimal("0.6745")
MEAN_AD_SCALE = Decimal("0.7979")


@dataclass(frozen=True)
class OutlierScore:
    score: Decimal
    median: Decimal
    spread: Decimal
    spread_name: str  # how the spread was measured, in Vietnamese, for the message
    n: int


def median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


PRACTICAL_SHARE = Decimal("0.1")


def outlier_score(value: Decimal, history: Sequence[Decimal]) -> OutlierScore | None:
    if not history:
        return None
    centre = median(history)
    if abs(value - centre) <= max(abs(centre) * PRACTICAL_SHARE, Decimal(1) if centre == 0 else Decimal(0)):
        return None
    deviations = [abs(v - centre) for v in history]
    mad = median(deviations)
    if mad > 0:
        return OutlierScore(
            MAD_SCALE * abs(value - centre) / mad, centre, mad, "tuyệt đối trung vị (MAD)", len(history)
        )
    mean_ad = sum(deviations, Decimal(0)) / len(deviations)
    if mean_ad > 0:
        score = MEAN_AD_SCALE * abs(value - centre) / mean_ad
        return OutlierScore(score, centre, mean_ad, "tuyệt đối bình quân", len(history))
    return None
