"""Limits applied before and while reading a workbook (reliability.md §2.3, test I9)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024  # the upload itself
    max_entries: int = 100  # zip members; a real workbook has a few dozen
    max_uncompressed: int = 50 * 1024 * 1024  # sum of declared member sizes
    max_ratio: int = 100  # per member, once it is larger than ratio_min_size
    ratio_min_size: int = 1024 * 1024  # small XML parts compress very well legitimately
    max_sheets: int = 20
    max_rows: int = 50_000
    max_columns: int = 200


DEFAULT_LIMITS = Limits()
