"""The same computation written directly: one DuckDB SQL query and one Polars expression.

Both read the synthetic catalogue as a small terms table and the geography as a closure table
(entry, area, approximate; self rows included), join values to areas, sum, and divide: the
"closure" algorithm of ../shared/docs/performance.md, the direct way to roll up a hierarchy whose
links are dated and whose units merge (a plain parent roll-up would double count across the reform).
Semantics match kehoach's engine: approved values only; a split element's total is the total as
entered, else the sum of its combos; weighted average Σ(x·w)/Σw over entries with both; rate of
change from levels. (The synthetic catalogue has one breakdown per element and reads no element
that is never added up, so the baselines need not handle those two cases.)
"""

from __future__ import annotations

import duckdb
import polars as pl

from kehoach.analytics.definitions import TOTAL, Catalogue, IndicatorType

OUTPUT = ("indicator", "unit", "period", "coc", "numerator", "denominator", "value", "approximate")


def terms_frame(catalogue: Catalogue) -> pl.DataFrame:
    """(indicator, part, series, coefficient, factor, per_coc, is_count) for ratios, counts and averages."""
    rows: list[tuple[str, str, str, int, float, bool, bool]] = []
    split = {code for code, e in catalogue.elements.items() if e.category_combos}
    for ind in catalogue.indicators:
        factor = float(ind.factor)
        if ind.type is IndicatorType.AVERAGE:
            x = ind.numerator[0].element
            rows.append((ind.code, "N", f"{x}*{ind.weight}", 1, factor, False, False))
            rows.append((ind.code, "D", f"{x}|{ind.weight}", 1, factor, False, False))
            continue
        if ind.type is IndicatorType.RATE_OF_CHANGE:
            continue
        terms = [*ind.numerator, *ind.denominator]
        per_coc = all(t.element in split for t in terms)
        is_count = not ind.denominator
        for part, group in (("N", ind.numerator), ("D", ind.denominator)):
            for term in group:
                rows.append((ind.code, part, term.element, int(term.coefficient), factor, per_coc, is_count))
    return pl.DataFrame(
        rows,
        schema=["indicator", "part", "series", "coefficient", "factor", "per_coc", "is_count"],
        orient="row",
    )


def _rates(catalogue: Catalogue) -> list[tuple[str, str, float]]:
    return [(i.code, i.base or "", float(i.factor)) for i in catalogue.indicators if i.base]


def _average(catalogue: Catalogue) -> tuple[str, str]:
    (average,) = [i for i in catalogue.indicators if i.type is IndicatorType.AVERAGE]
    return average.numerator[0].element, average.weight or ""


def duckdb_sql(catalogue: Catalogue) -> str:
    split = ", ".join(f"'{c}'" for c, e in sorted(catalogue.elements.items()) if e.category_combos)
    x, w = _average(catalogue)
    used = ", ".join(
        f"'{c}'" for c in sorted(set(terms_frame(catalogue)["series"]) | {x, w}) if c in catalogue.elements
    )
    ((rate, base, rate_factor),) = _rates(catalogue)
    return f"""
WITH v AS (
  SELECT element::VARCHAR AS element, unit, period::VARCHAR AS period, coc::VARCHAR AS coc, value
  FROM vals WHERE status::VARCHAR = 'approved' AND element::VARCHAR IN ({used})
),
split_sums AS (
  SELECT element, unit, period, '{TOTAL}' AS coc, sum(value) AS value FROM v
  WHERE element IN ({split}) AND coc <> '{TOTAL}' GROUP BY element, unit, period
),
kept AS (
  SELECT * FROM v
  UNION ALL
  SELECT s.* FROM split_sums s ANTI JOIN (SELECT element, unit, period FROM v WHERE coc = '{TOTAL}') t
    ON t.element = s.element AND t.unit = s.unit AND t.period = s.period
),
series AS (
  SELECT element AS series, unit, period, coc, CAST(value AS DECIMAL(38, 2)) AS value FROM kept
    WHERE element IN (SELECT series FROM terms)
  UNION ALL
  SELECT '{x}*{w}', a.unit, a.period, a.coc, a.value * b.value FROM kept a JOIN kept b
    ON a.unit = b.unit AND a.period = b.period AND a.coc = b.coc AND a.element = '{x}' AND b.element = '{w}'
  UNION ALL
  SELECT '{x}|{w}', a.unit, a.period, a.coc, b.value FROM kept a JOIN kept b
    ON a.unit = b.unit AND a.period = b.period AND a.coc = b.coc AND a.element = '{x}' AND b.element = '{w}'
),
rolled AS (
  SELECT s.series, c.area AS unit, s.period, s.coc, sum(s.value) AS value, bool_or(c.approximate) AS approx
  FROM series s JOIN closure c ON c.entry = s.unit
  GROUP BY ALL
),
parts AS (
  SELECT t.indicator, r.unit, r.period, r.coc, t.part, t.coefficient * r.value AS value, r.approx,
         t.factor, t.is_count
  FROM rolled r JOIN terms t ON t.series = r.series WHERE t.per_coc AND r.coc <> '{TOTAL}'
  UNION ALL
  SELECT t.indicator, r.unit, r.period, r.coc, t.part, t.coefficient * r.value, r.approx, t.factor, t.is_count
  FROM rolled r JOIN terms t ON t.series = r.series WHERE r.coc = '{TOTAL}'
),
cells AS (
  SELECT indicator, unit, period, coc,
         CAST(coalesce(sum(value) FILTER (part = 'N'), 0) AS DECIMAL(38, 2)) AS numerator,
         CAST(sum(value) FILTER (part = 'D') AS DECIMAL(38, 2)) AS denominator,
         count(*) FILTER (part = 'N') AS n_num,
         any_value(factor) AS factor, any_value(is_count) AS is_count, bool_or(approx) AS approximate
  FROM parts GROUP BY indicator, unit, period, coc
),
kept_cells AS (
  SELECT indicator, unit, period, coc, numerator, denominator,
         CAST(numerator AS DOUBLE) * factor / coalesce(CAST(denominator AS DOUBLE), 1.0) AS value, approximate
  FROM cells WHERE n_num > 0 AND (is_count OR (denominator IS NOT NULL AND denominator <> 0))
),
rates AS (
  SELECT '{rate}' AS indicator, p.unit, p.period, p.coc,
         p.numerator * q.denominator_1 - q.numerator * p.denominator_1 AS numerator,
         q.numerator * p.denominator_1 AS denominator,
         p.approximate OR q.approximate AS approximate
  FROM (SELECT *, coalesce(denominator, 1) AS denominator_1 FROM kept_cells WHERE indicator = '{base}') p
  JOIN (SELECT *, coalesce(denominator, 1) AS denominator_1 FROM kept_cells WHERE indicator = '{base}') q
    ON q.unit = p.unit AND q.coc = p.coc AND CAST(q.period AS INTEGER) = CAST(p.period AS INTEGER) - 1
  WHERE q.numerator <> 0
)
-- Every branch cast to one type: DuckDB types a UNION by its first branch and would round the rest.
SELECT indicator, unit, period, coc, CAST(numerator AS DECIMAL(38, 4)) AS numerator,
       CAST(denominator AS DECIMAL(38, 4)) AS denominator, value, approximate FROM kept_cells
UNION ALL
SELECT indicator, unit, period, coc, CAST(numerator AS DECIMAL(38, 4)), CAST(denominator AS DECIMAL(38, 4)),
       {rate_factor} * CAST(numerator AS DOUBLE) / CAST(denominator AS DOUBLE) AS value, approximate
FROM rates
"""


def run_duckdb(
    catalogue: Catalogue, values: pl.DataFrame, closure: pl.DataFrame, memory_limit: str | None = None
) -> pl.DataFrame:
    """One query over the in-memory frames (no database file); the result comes back as Polars."""
    con = duckdb.connect(config={"memory_limit": memory_limit} if memory_limit else {})
    try:
        con.register("vals", values)
        con.register("closure", closure)
        con.register("terms", terms_frame(catalogue))
        result: pl.DataFrame = con.sql(duckdb_sql(catalogue)).pl()
        return result
    finally:
        con.close()


def run_polars(catalogue: Catalogue, values: pl.DataFrame, closure: pl.DataFrame) -> pl.DataFrame:
    """The same query as one lazy Polars expression (element codes kept as Enum, as a user would)."""
    terms = terms_frame(catalogue)
    x, w = _average(catalogue)
    ((rate, base, rate_factor),) = _rates(catalogue)
    split = [c for c, e in catalogue.elements.items() if e.category_combos]
    element_codes = values.schema["element"].categories  # type: ignore[attr-defined]
    series_enum = pl.Enum([*element_codes, f"{x}*{w}", f"{x}|{w}"])
    used = [c for c in set(terms["series"]) | {x, w} if c in catalogue.elements]
    keys = ["element", "unit", "period"]
    decimal = pl.Decimal(38, 2)
    v = values.lazy().filter(pl.col("status") == "approved", pl.col("element").is_in(used)).drop("status")
    is_split = pl.col("element").is_in(split)
    entered_totals = v.filter(is_split & (pl.col("coc") == TOTAL)).select(keys)
    split_sums = (
        v.filter(is_split & (pl.col("coc") != TOTAL))
        .group_by(keys)
        .agg(pl.col("value").sum())
        .join(entered_totals, on=keys, how="anti")
        .with_columns(pl.lit(TOTAL).cast(values.schema["coc"]).alias("coc"))
    )
    kept = pl.concat([v, split_sums.select(v.collect_schema().names())])
    on = ["unit", "period", "coc"]
    pairs = (
        kept.filter(pl.col("element") == x)
        .select(*on, pl.col("value").alias("x"))
        .join(kept.filter(pl.col("element") == w).select(*on, pl.col("value").alias("w")), on=on)
    )
    series = pl.concat(
        [
            kept.filter(pl.col("element").is_in(terms["series"].to_list())).select(
                pl.col("element").cast(series_enum).alias("series"), *on, pl.col("value").cast(decimal)
            ),
            pairs.select(
                pl.lit(f"{x}*{w}").cast(series_enum).alias("series"),
                *on,
                (pl.col("x").cast(decimal) * pl.col("w")).alias("value"),
            ),
            pairs.select(
                pl.lit(f"{x}|{w}").cast(series_enum).alias("series"),
                *on,
                pl.col("w").cast(decimal).alias("value"),
            ),
        ]
    )
    group = ["series", "area", "period"]
    rolled = (
        series.join(closure.lazy(), left_on="unit", right_on="entry")
        .group_by([*group, "coc"])
        .agg(pl.col("value").sum(), pl.col("approximate").any().alias("approx"))
    )
    lazy_terms = terms.lazy().with_columns(pl.col("series").cast(series_enum))
    parts = pl.concat(
        [
            rolled.filter(pl.col("coc") != TOTAL).join(lazy_terms.filter("per_coc"), on="series"),
            rolled.filter(pl.col("coc") == TOTAL).join(lazy_terms, on="series"),
        ]
    )
    is_n, is_d = pl.col("part") == "N", pl.col("part") == "D"
    cells = parts.group_by(["indicator", "area", "period", "coc"]).agg(
        (pl.col("value") * pl.col("coefficient")).filter(is_n).sum().cast(decimal).alias("numerator"),
        (pl.col("value") * pl.col("coefficient")).filter(is_d).sum().cast(decimal).alias("denominator"),
        is_n.sum().alias("n_num"),
        is_d.sum().alias("n_den"),
        pl.col("factor").first(),
        pl.col("is_count").first(),
        pl.col("approx").any().alias("approximate"),
    )
    # A blank numerator is missing, not zero: no cell without an entered numerator (either type).
    cells = cells.filter(
        (pl.col("n_num") > 0) & (pl.col("is_count") | ((pl.col("n_den") > 0) & (pl.col("denominator") != 0)))
    ).with_columns(pl.when("is_count").then(None).otherwise(pl.col("denominator")).alias("denominator"))
    cells = cells.with_columns(
        (
            pl.col("numerator").cast(pl.Float64)
            * pl.col("factor")
            / pl.col("denominator").cast(pl.Float64).fill_null(1.0)
        ).alias("value"),
        pl.col("period").cast(pl.String).cast(pl.Int32).alias("year"),
    )
    level = cells.filter(pl.col("indicator") == base).with_columns(
        pl.col("denominator").fill_null(1).alias("d1")
    )
    earlier = level.select(
        "area",
        "coc",
        (pl.col("year") + 1).alias("year"),
        pl.col("numerator").alias("n_q"),
        pl.col("d1").alias("d_q"),
        pl.col("approximate").alias("approx_q"),
    )
    wide = pl.Decimal(38, 4)
    rates = (
        level.join(earlier, on=["area", "coc", "year"])
        .filter(pl.col("n_q") != 0)
        .select(
            pl.lit(rate).alias("indicator"),
            "area",
            "period",
            "coc",
            (pl.col("numerator").cast(wide) * pl.col("d_q") - pl.col("n_q").cast(wide) * pl.col("d1")).alias(
                "numerator"
            ),
            (pl.col("n_q").cast(wide) * pl.col("d1")).alias("denominator"),
            (pl.col("approximate") | pl.col("approx_q")).alias("approximate"),
        )
        .with_columns(
            (
                rate_factor * pl.col("numerator").cast(pl.Float64) / pl.col("denominator").cast(pl.Float64)
            ).alias("value")
        )
    )
    columns = ["indicator", "area", "period", "coc", "numerator", "denominator", "value", "approximate"]
    both = pl.concat(
        [
            cells.select(columns).with_columns(
                pl.col("numerator").cast(wide), pl.col("denominator").cast(wide)
            ),
            rates.select(columns),
        ]
    )
    return both.rename({"area": "unit"}).collect()
