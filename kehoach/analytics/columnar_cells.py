"""Cells from rolled-up series in the columnar engine: N and D per cell, presence, rates, reasons.

Keys are packed: a series row is ak = area × 2³² + (series × periods + period) × cocs + coc and a
cell ck = area × 2³² + (indicator × periods + period) × cocs + coc, so turning one into the other is
arithmetic, and grouping hashes one Int64 column. The presence rules are those of `evaluate.py`.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import polars as pl

from kehoach.analytics.columnar_frames import Codes
from kehoach.analytics.definitions import TOTAL
from kehoach.analytics.formulas import Compiled, Formula, Series, SeriesKind, SeriesTerm
from kehoach.analytics.geography import Geography
from kehoach.analytics.periods import next_period, previous_period

SHIFT = 1 << 32


class Layout:
    """Integer ids of series, indicators, periods and combos for one run."""

    def __init__(self, compiled: Compiled, codes: Codes) -> None:
        self.compiled, self.codes = compiled, codes
        self.periods, self.cocs = len(codes.periods), len(codes.cocs)
        self.series_id = {s: i for i, s in enumerate(compiled.series)}
        self.restricted: dict[int, tuple[int, list[int]]] = {}  # pseudo series -> (series, coc ids)
        self.restricted_id: dict[tuple[Series, frozenset[str]], int] = {}
        for formula in compiled.formulas:
            for term in (*formula.numerator, *(formula.denominator or ())):
                if term.cocs is not None and (term.series, term.cocs) not in self.restricted_id:
                    pseudo = len(self.series_id) + len(self.restricted)
                    self.restricted_id[(term.series, term.cocs)] = pseudo
                    coc_ids = [i for i, c in enumerate(codes.cocs) if c in term.cocs]
                    self.restricted[pseudo] = (self.series_id[term.series], coc_ids)
        pad = [False] * len(self.restricted)
        self.additive = [compiled.additive[s] for s in compiled.series] + pad
        self.split = [compiled.disaggregated[s] for s in compiled.series] + pad
        self.pairs = sorted({(s.element, s.weight) for s in compiled.series if s.kind is SeriesKind.PRODUCT})
        combo_of = compiled.catalogue.option_combos
        elements = [compiled.catalogue.elements[e].category_combos for e in codes.elements]
        self.element_split = [bool(combos) for combos in elements]
        # (element, coc) → may this combo be entered for this element (TOTAL always may)?
        self.element_coc_valid = [
            coc == 0 or not combos or combo_of.get(name) in combos
            for combos in elements
            for coc, name in enumerate(codes.cocs)
        ]
        series_combos = [compiled.combos[s] for s in compiled.series] + [()] * len(self.restricted)
        # (series, coc) → rank of the coc's breakdown among the series' breakdowns (−1: none).
        self.combo_rank = [
            combos.index(combo_of[name]) if name in combo_of and combo_of[name] in combos else -1
            for combos in series_combos
            for name in codes.cocs
        ]
        self.multiple_breakdowns = any(len(combos) > 1 for combos in series_combos)
        self.indicators = tuple(f.indicator for f in compiled.formulas)
        self.scale = 0
        if (len(self.additive) + len(self.indicators)) * self.periods * self.cocs >= 1 << 31:
            raise ValueError("Quá nhiều chuỗi × kỳ × phân tổ cho một lần tính (giới hạn 2³¹ khóa).")

    def period_shift(self, step: int) -> pl.Series:
        """Period id → id of the previous (step −1) or next (+1) period, −1 if not in this run."""
        move = previous_period if step < 0 else next_period
        index = {p: i for i, p in enumerate(self.codes.periods)}
        return pl.Series([index.get(move(p), -1) for p in self.codes.periods], dtype=pl.Int64)

    def term_ids(self, terms: tuple[SeriesTerm, ...]) -> list[tuple[int, Decimal]]:
        """(series id, coefficient) per term; a term restricted to some combos reads its pseudo series."""
        return [
            (
                self.restricted_id[(t.series, t.cocs)] if t.cocs is not None else self.series_id[t.series],
                t.coefficient,
            )
            for t in terms
        ]


def _by_series(frame: pl.DataFrame, layout: Layout) -> dict[int, pl.DataFrame]:
    series = ((pl.col("ak") % SHIFT) // (layout.periods * layout.cocs)).alias("series")
    parts = frame.with_columns(series).partition_by("series", as_dict=True, include_key=False)
    return {int(key[0]): part for key, part in parts.items()}


def _sum_terms(
    source: dict[int, pl.DataFrame],
    terms: list[tuple[int, Decimal]],
    ind: int,
    layout: Layout,
    scale: int,
    cocs: list[int] | None,
) -> pl.DataFrame | None:
    """(ck, value, approx): Σ coefficient × series over the terms, re-keyed to indicator `ind`.

    `cocs`: for per-combo cells, the combos of the breakdowns the indicator has (None: totals).
    """
    block = layout.periods * layout.cocs
    pieces = []
    for series, coefficient in terms:
        if series not in source:
            continue
        rows = source[series]
        own = [c for c in range(1, layout.cocs) if layout.combo_rank[series * layout.cocs + c] >= 0]
        if cocs is not None and not set(own) <= set(cocs):
            rows = rows.filter(((pl.col("ak") % SHIFT) % layout.cocs).is_in(cocs))
        # Exact: cast to the final scale first, since Polars keeps the larger operand's scale.
        value = pl.col("value").cast(pl.Decimal(38, scale))
        if coefficient != 1:
            value = value * pl.lit(coefficient)
        ck = pl.col("ak") + (ind - series) * block
        pieces.append(rows.select(ck.alias("ck"), value.alias("value"), "approx"))
    if len(pieces) <= 1:
        return pieces[0] if pieces else None
    return pl.concat(pieces).group_by("ck").agg(pl.col("value").sum(), pl.col("approx").any())


def _cells(
    source: dict[int, pl.DataFrame],
    formula: Formula,
    ind: int,
    layout: Layout,
    scale: int,
    cocs: list[int] | None,
) -> pl.DataFrame | None:
    """Presence as in evaluate.py: a ratio where its numerator has entries and its denominator has
    entries and is not zero (a blank numerator is missing, not 0)."""
    numerator = _sum_terms(source, layout.term_ids(formula.numerator), ind, layout, scale, cocs)
    if numerator is None:
        return None
    decimal = pl.Decimal(38, scale)
    if formula.denominator is None:
        return numerator.select(
            "ck",
            pl.col("value").alias("numerator"),
            pl.lit(None, decimal).alias("denominator"),
            pl.col("approx").alias("approximate"),
        )
    denominator = _sum_terms(source, layout.term_ids(formula.denominator), ind, layout, scale, cocs)
    if denominator is None:
        return None
    cells = denominator.filter(pl.col("value") != 0).rename({"value": "denominator", "approx": "approx_d"})
    return cells.join(numerator, on="ck", how="inner").select(
        "ck",
        pl.col("value").cast(decimal).alias("numerator"),
        "denominator",
        (pl.col("approx_d") | pl.col("approx")).alias("approximate"),
    )


def evaluate(totals: pl.DataFrame, per_coc: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    formulas = layout.compiled.formulas
    coefficients = [t.coefficient for f in formulas for t in (*f.numerator, *(f.denominator or ()))]
    scale = layout.scale + max((max(0, -int(c.as_tuple().exponent)) for c in coefficients), default=0)
    sources = (_by_series(totals, layout), _by_series(per_coc, layout))
    by_indicator: dict[int, list[pl.DataFrame]] = defaultdict(list)
    for ind, formula in enumerate(formulas):
        if formula.base is not None:
            continue
        own_cocs = [i for i, c in enumerate(layout.codes.cocs) if layout.compiled.breaks_down(formula, c)]
        for source, wanted in zip(sources, (None, own_cocs), strict=True):
            found = None if wanted == [] else _cells(source, formula, ind, layout, scale, wanted)
            if found is not None:
                by_indicator[ind].append(found)
    rates = [
        _rate(pl.concat(by_indicator[layout.indicators.index(f.base)]), ind, layout, scale)
        for ind, f in enumerate(formulas)
        if f.base is not None and by_indicator[layout.indicators.index(f.base)]
    ]
    decimal = pl.Decimal(38, scale * 2 if rates else scale)
    pieces = [
        frame.with_columns(pl.col("numerator").cast(decimal), pl.col("denominator").cast(decimal))
        for frame in (*(f for frames in by_indicator.values() for f in frames), *rates)
    ]
    if not pieces:
        empty = {"ck": pl.Int64(), "numerator": decimal, "denominator": decimal, "approximate": pl.Boolean()}
        return _decode(pl.DataFrame(schema=empty), layout)
    return _decode(pl.concat(pieces), layout)


def _rate(cells: pl.DataFrame, rate: int, layout: Layout, scale: int) -> pl.DataFrame:
    """(N_p·D_q − N_q·D_p) / (N_q·D_p): the change of the base level, exact, from the cells above."""
    block = layout.periods * layout.cocs
    base = layout.indicators.index(layout.compiled.formulas[rate].base or "")
    decimal = pl.Decimal(38, scale * 2)
    within = pl.col("ck") % SHIFT
    period = (within % block) // layout.cocs
    of_base = cells.filter(within // block == base).with_columns(
        pl.col("denominator").fill_null(Decimal(1)).alias("den")
    )
    previous = pl.lit(layout.period_shift(-1)).gather(period)
    current = of_base.with_columns(
        (pl.col("ck") + (previous - period) * layout.cocs).alias("prev"), previous.alias("prev_period")
    ).filter(pl.col("prev_period") >= 0)
    before = of_base.select(
        pl.col("ck").alias("prev"),
        pl.col("numerator").alias("n_q"),
        pl.col("den").alias("d_q"),
        pl.col("approximate").alias("approx_q"),
    )
    joined = current.join(before, on="prev").filter(pl.col("n_q") != 0)
    n_p, d_p = pl.col("numerator").cast(decimal), pl.col("den").cast(decimal)
    return joined.select(
        (pl.col("ck") + (rate - base) * block).alias("ck"),
        (n_p * pl.col("d_q") - pl.col("n_q").cast(decimal) * d_p).alias("numerator"),
        (pl.col("n_q").cast(decimal) * d_p).alias("denominator"),
        (pl.col("approximate") | pl.col("approx_q")).alias("approximate"),
    )


def _decode(cells: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    block = layout.periods * layout.cocs
    within = pl.col("ck") % SHIFT
    ind = within // block
    factor = pl.lit(pl.Series([float(f.factor) for f in layout.compiled.formulas])).gather(ind)
    codes = layout.codes

    def names(values: tuple[str, ...], index: pl.Expr) -> pl.Expr:
        return pl.lit(pl.Series(values, dtype=pl.Enum(values))).gather(index)

    value = (
        pl.col("numerator").cast(pl.Float64) * factor / pl.col("denominator").cast(pl.Float64).fill_null(1.0)
    )
    return cells.select(
        names(layout.indicators, ind).alias("indicator"),
        (pl.col("ck") // SHIFT).alias("unit"),
        names(codes.periods, (within % block) // layout.cocs).alias("period"),
        names(codes.cocs, within % layout.cocs).alias("coc"),
        "numerator",
        "denominator",
        value.alias("value"),
        "approximate",
    )


def reasons_frame(approx_rows: pl.DataFrame, geography: Geography, layout: Layout) -> pl.DataFrame:
    """Reasons per cell reached by an approximate entry (few rows: computed in Python)."""
    block = layout.periods * layout.cocs
    series_of = {i: s for s, i in layout.series_id.items()}
    found: dict[tuple[str, int, str, str], set[str]] = defaultdict(set)
    for ak, entry in approx_rows.iter_rows():
        area, k = divmod(ak, SHIFT)
        series, rest = divmod(k, block)
        period, coc = (layout.codes.periods[rest // layout.cocs], layout.codes.cocs[rest % layout.cocs])
        reason = geography.reasons[(entry, area)]
        for formula in layout.compiled.readers.get(series_of[series], ()):
            for term in (*formula.numerator, *(formula.denominator or ())):
                reads = coc == TOTAL if term.cocs is None else coc in term.cocs
                if term.series == series_of[series] and reads:
                    found[(formula.indicator, area, period, TOTAL)].add(reason)
            if layout.compiled.breaks_down(formula, coc):
                found[(formula.indicator, area, period, coc)].add(reason)
    for (indicator, area, period, coc), why in list(found.items()):
        for rate in layout.compiled.dependants.get(indicator, ()):
            for p in (period, next_period(period)):
                found[(rate.indicator, area, p, coc)] |= why
    rows = [(*key, sorted(why)) for key, why in sorted(found.items())]
    schema: dict[str, pl.DataType] = {
        "indicator": pl.String(),
        "unit": pl.Int64(),
        "period": pl.String(),
        "coc": pl.String(),
        "reasons": pl.List(pl.String()),
    }
    return pl.DataFrame(rows, schema=schema, orient="row")
