"""The geography as frames for the columnar engine, with entry units grouped by signature.

Villages of one commune count towards exactly the same areas (commune, former commune, former
district, province, nation): their *signature*. Summing entries per signature first and only then
spreading each signature over its areas does the work of a closure join on about a tenth of the
rows; unlike a parent-by-parent roll-up it stays exact on the DAG the 2025 reform makes (a village
reaches the province both through its former and its new commune, and must count once).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from kehoach.analytics.geography import Geography

# Unit ids index a lookup array when they are this small (database ids are); beyond, a hash map.
_DENSE_LIMIT = 20_000_000


@dataclass(frozen=True)
class GeographyTables:
    geography: Geography
    entry_units: pl.Series  # Int64: entry units with at least one exact area besides themselves
    entry_signatures: pl.Series  # Int64: their signature
    signature_areas: pl.DataFrame  # signature (Int64), area (Int64)
    approx_pairs: pl.DataFrame  # entry (Int64), area (Int64): entries counting only approximately
    inner_areas: pl.Series  # Int64: areas that some other entry counts towards (not leaves)

    @classmethod
    def of(cls, geography: Geography) -> GeographyTables:
        signatures: dict[tuple[int, ...], int] = {}
        units: list[int] = []
        sig_of: list[int] = []
        for entry in sorted(geography.exact):
            units.append(entry)
            sig_of.append(signatures.setdefault(geography.exact[entry], len(signatures)))
        sig_col: list[int] = []
        area_col: list[int] = []
        for areas, sig in signatures.items():
            sig_col.extend([sig] * len(areas))
            area_col.extend(areas)
        approx = [(entry, area) for entry, areas in sorted(geography.approx.items()) for area in areas]
        inner = sorted(set(area_col) | {area for _, area in approx})
        return cls(
            geography=geography,
            entry_units=pl.Series("unit", units, dtype=pl.Int64),
            entry_signatures=pl.Series("sig", sig_of, dtype=pl.Int64),
            signature_areas=pl.DataFrame(
                {"sig": sig_col, "area": area_col}, schema={"sig": pl.Int64, "area": pl.Int64}
            ),
            approx_pairs=pl.DataFrame(approx, schema={"unit": pl.Int64, "area": pl.Int64}, orient="row"),
            inner_areas=pl.Series("area", inner, dtype=pl.Int64),
        )

    def signature_of(self, unit: pl.Expr) -> pl.Expr:
        """Signature of each unit, −1 where the unit counts towards itself only."""
        if self.entry_units.is_empty():
            return pl.lit(-1, dtype=pl.Int64)
        top = int(self.entry_units.max())  # type: ignore[arg-type]
        if top < _DENSE_LIMIT:
            lookup = pl.Series([-1] * (top + 1), dtype=pl.Int64).scatter(
                self.entry_units, self.entry_signatures
            )
            inside = unit.is_between(0, top)
            return pl.when(inside).then(pl.lit(lookup).gather(unit.clip(0, top))).otherwise(-1)
        return unit.replace_strict(self.entry_units, self.entry_signatures, default=-1, return_dtype=pl.Int64)
