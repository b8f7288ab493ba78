"""The full recompute on Polars: same cells as `engine.Engine`, at columnar speed.

Pipeline (every step a few vectorised passes; keys packed into one Int64 so joins and group-bys
hash a single column): counted entries → series rows (x·w products formed, a missing total
summed from the first breakdown, series.py's rules) → areas (own rows + per-signature sums spread
over the signature's areas + approximate pairs) → N and D per indicator and cell, joined per
indicator → rates of change by a self-join on the previous period. Sums stay Decimal (Polars
raises on overflow instead of rounding); only the Float64 `value` column is inexact, and
`to_indicator_values` recomputes it exactly. No database connection: the caller passes frames in
(docs/decisions/0007). Input keys (element, unit, period, coc) must be unique, as the data-value
table's unique key makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from kehoach.analytics.columnar_cells import SHIFT, Layout, evaluate, reasons_frame
from kehoach.analytics.columnar_frames import entries, scale_of
from kehoach.analytics.columnar_geo import GeographyTables
from kehoach.analytics.definitions import AnalyticsSettings, Catalogue
from kehoach.analytics.formulas import Compiled, Series, SeriesKind, compile_catalogue


@dataclass(frozen=True)
class ColumnarResult:
    """`cells`: indicator, unit, period, coc, numerator, denominator, value (Float64), approximate.

    `reasons`: indicator, unit, period, coc, reasons (list of Vietnamese sentences) for cells that
    an approximate entry reaches (it may name a cell absent from `cells`: look cells up by key).

    `sums`: every series summed per area (the reference engine's `sums()`), which the stored sums
    table keeps so that an approval moves them by a difference (decision 0008).
    """

    cells: pl.DataFrame
    reasons: pl.DataFrame
    compiled: Compiled
    sums: pl.DataFrame  # kind, element, weight, unit, period, coc, total, n, approximate (entry ids)


def recompute(
    catalogue: Catalogue | Compiled,
    tables: GeographyTables,
    settings: AnalyticsSettings,
    values: pl.DataFrame,
) -> ColumnarResult:
    """Every indicator at every area, period and combo; same input, same output (row order aside)."""
    compiled = catalogue if isinstance(catalogue, Compiled) else compile_catalogue(catalogue)
    frame, codes = entries(values, compiled, settings)
    layout = Layout(compiled, codes)
    rows = _series_rows(frame, layout)
    rolled, approx_rows = _roll_up(rows, tables, layout)
    totals, per_coc = _totals(rolled.drop("n"), layout)
    cells = evaluate(totals, per_coc, layout)
    reasons = reasons_frame(approx_rows, tables.geography, layout)
    return ColumnarResult(cells, reasons, compiled, _sums(rolled, approx_rows, layout))


def _sums(rolled: pl.DataFrame, approx_rows: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    """The series sums as the stored sums table keeps them (one row per series, area, period, combo)."""
    block = layout.periods * layout.cocs
    within = pl.col("ak") % SHIFT
    entries = approx_rows.group_by("ak").agg(pl.col("entry").sort().alias("approximate"))
    series = layout.compiled.series

    def names(values: list[str], index: pl.Expr) -> pl.Expr:
        return pl.lit(pl.Series(values, dtype=pl.String)).gather(index)

    return rolled.join(entries, on="ak", how="left").select(
        names([s.kind.value for s in series], within // block).alias("kind"),
        names([s.element for s in series], within // block).alias("element"),
        names([s.weight for s in series], within // block).alias("weight"),
        (pl.col("ak") // SHIFT).alias("unit"),
        names(list(layout.codes.periods), (within % block) // layout.cocs).alias("period"),
        names(list(layout.codes.cocs), within % layout.cocs).alias("coc"),
        pl.col("value").alias("total"),
        "n",
        pl.col("approximate").fill_null(pl.lit([], pl.List(pl.Int64))),
    )


def _series_rows(frame: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    """(unit, k, value) with k = (series × periods + period) × cocs + coc, all at one decimal scale."""
    codes = layout.codes
    split = pl.lit(pl.Series(layout.element_split)).gather(pl.col("el"))
    if frame.select((~split & (pl.col("coc") != 0)).any()).item():
        # An element without breakdown has one total per unit and period, whatever combo came in.
        frame = frame.with_columns(pl.when(split).then(pl.col("coc")).otherwise(0).alias("coc"))
        frame = frame.group_by(["unit", "el", "period", "coc"]).agg(pl.col("value").sum())
    valid = pl.lit(pl.Series(layout.element_coc_valid)).gather(pl.col("el") * layout.cocs + pl.col("coc"))
    if not frame.select(valid.all()).item():
        frame = frame.filter(valid)  # a combo of another breakdown than the element's: not counted
    scale = layout.scale = scale_of(frame, "value") * (2 if layout.pairs else 1)
    decimal = pl.Decimal(38, scale)
    lookup = pl.Series([layout.series_id.get(Series(SeriesKind.VALUE, e), -1) for e in codes.elements])
    parts = [
        frame.select("unit", pl.lit(lookup).gather(pl.col("el")).alias("series"), "period", "coc", "value")
        .filter(pl.col("series") >= 0)
        .with_columns(pl.col("value").cast(decimal))
    ]
    for x, w in layout.pairs:
        on = ["unit", "period", "coc"]
        xs = frame.filter(pl.col("el") == codes.elements.index(x)).select(*on, pl.col("value").alias("x"))
        ws = frame.filter(pl.col("el") == codes.elements.index(w)).select(*on, pl.col("value").alias("w"))
        both = xs.join(ws, on=on)
        product = pl.col("x").cast(decimal) * pl.col("w")
        for kind, expr in ((SeriesKind.PRODUCT, product), (SeriesKind.WEIGHT, pl.col("w").cast(decimal))):
            series = pl.lit(layout.series_id[Series(kind, x, w)], pl.Int64).alias("series")
            parts.append(both.select("unit", series, "period", "coc", expr.cast(decimal).alias("value")))
    rows = pl.concat(parts)
    k = (pl.col("series") * layout.periods + pl.col("period")) * layout.cocs + pl.col("coc")
    return _with_totals(rows.select("unit", k.alias("k"), "value"), layout)


def _with_totals(rows: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    """Add a TOTAL row where a split series has none: the sum of its first breakdown with values."""
    block = layout.periods * layout.cocs
    coc = pl.col("k") % layout.cocs
    split = pl.lit(pl.Series(layout.split)).gather(pl.col("k") // block)
    options = rows.filter(split & (coc != 0))
    if options.is_empty():
        return rows
    rank = pl.lit(pl.Series(layout.combo_rank)).gather((pl.col("k") // block) * layout.cocs + coc)
    # One key per (unit, series, period, breakdown): the breakdown's rank sits where the combo was.
    ranked = (pl.col("unit") * SHIFT + pl.col("k") - coc + rank).alias("key")
    sums = options.group_by(ranked).agg(pl.col("value").sum())
    total_key = pl.col("key") - (pl.col("key") % SHIFT) % layout.cocs
    if layout.multiple_breakdowns:
        sums = sums.group_by(total_key.alias("total")).agg(pl.col("value").sort_by("key").first())
    else:
        sums = sums.select(total_key.alias("total"), "value")
    entered = rows.filter(split & (coc == 0)).select((pl.col("unit") * SHIFT + pl.col("k")).alias("total"))
    missing = sums.join(entered, on="total", how="anti")
    added = missing.select(
        (pl.col("total") // SHIFT).alias("unit"), (pl.col("total") % SHIFT).alias("k"), "value"
    )
    return pl.concat([rows, added])


def _roll_up(
    rows: pl.DataFrame, tables: GeographyTables, layout: Layout
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(ak, value, approx, n) per area, n the entries counted; and the approximate (ak, entry) pairs."""
    additive = pl.lit(pl.Series(layout.additive)).gather(pl.col("k") // (layout.periods * layout.cocs))
    one = pl.lit(1, pl.Int64).alias("n")
    own = rows.select(
        (pl.col("unit") * SHIFT + pl.col("k")).alias("ak"), "value", pl.lit(False).alias("approx"), one
    )
    inner = pl.col("ak") // SHIFT
    leaf_rows = own.filter(~inner.is_in(tables.inner_areas.implode()))
    pieces = [own.filter(inner.is_in(tables.inner_areas.implode()))]
    up = rows.filter(additive).with_columns(tables.signature_of(pl.col("unit")).alias("sig"))
    by_signature = (
        up.filter(pl.col("sig") >= 0)
        .group_by((pl.col("sig") * SHIFT + pl.col("k")).alias("sk"))
        .agg(pl.col("value").sum(), pl.len().cast(pl.Int64).alias("n"))
        .select((pl.col("sk") // SHIFT).alias("sig"), (pl.col("sk") % SHIFT).alias("k"), "value", "n")
    )
    spread = by_signature.join(tables.signature_areas, on="sig").select(
        (pl.col("area") * SHIFT + pl.col("k")).alias("ak"), "value", pl.lit(False).alias("approx"), "n"
    )
    pieces.append(spread)
    approx_rows = rows.filter(additive & pl.col("unit").is_in(tables.approx_pairs["unit"].implode()))
    approx_rows = approx_rows.join(tables.approx_pairs, on="unit").select(
        (pl.col("area") * SHIFT + pl.col("k")).alias("ak"), "value", pl.col("unit").alias("entry")
    )
    pieces.append(approx_rows.select("ak", "value", pl.lit(True).alias("approx"), one))
    merged = (
        pl.concat(pieces).group_by("ak").agg(pl.col("value").sum(), pl.col("approx").any(), pl.col("n").sum())
    )
    return pl.concat([leaf_rows, merged]), approx_rows.select("ak", "entry").unique()


def _totals(rolled: pl.DataFrame, layout: Layout) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(total rows, per-combo rows); a term restricted to some combos reads a pseudo series of totals."""
    block = layout.periods * layout.cocs
    series = (pl.col("ak") % SHIFT) // block
    coc = (pl.col("ak") % SHIFT) % layout.cocs
    pieces = [rolled.filter(coc == 0)]
    per_coc = rolled.filter(coc != 0)
    for restricted_id, (series_id, coc_ids) in layout.restricted.items():
        picked = per_coc.filter((series == series_id) & coc.is_in(coc_ids))
        moved = pl.col("ak") - coc + (restricted_id - series_id) * block
        pieces.append(picked.group_by(moved.alias("ak")).agg(pl.col("value").sum(), pl.col("approx").any()))
    return pl.concat(pieces), per_coc
