"""The reference engine: exact, in pure Python, with an incremental update.

It keeps the counted values, the sum of every series over every area (`_Sum`, with how many entries
made it and which of them count only approximately), and the result cells. `load` recomputes
everything from scratch and is idempotent; `apply` replaces one value and recomputes only the cells
whose areas contain its unit, for its period (and the next, for rates of change). The columnar
engine (`columnar.py`) is the fast full recompute; tests hold the two equal cell for cell.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kehoach.analytics.definitions import (
    TOTAL,
    AnalyticsSettings,
    Catalogue,
    CellKey,
    DataValue,
    IndicatorValue,
    ValueKey,
)
from kehoach.analytics.evaluate import Evaluator, SeriesSum, SumKey
from kehoach.analytics.formulas import Compiled, Series, SeriesKind, compile_catalogue
from kehoach.analytics.geography import Geography
from kehoach.analytics.periods import next_period
from kehoach.analytics.series import EXACT, entered_rows, normalised, paired_values

GroupKey = tuple[str, int, str]  # (element, unit, period)


@dataclass(slots=True)
class _Sum:
    total: Decimal = Decimal(0)
    count: int = 0
    approx: dict[int, int] = field(default_factory=dict)  # entry unit -> rows counted approximately


class Engine:
    """Aggregates values into IndicatorValue cells for every area and period.

    `areas` restricts the areas computed (the difference path: see `delta.py`); None = all.
    """

    def __init__(
        self,
        catalogue: Catalogue | Compiled,
        geography: Geography,
        settings: AnalyticsSettings,
        areas: frozenset[int] | None = None,
    ) -> None:
        self.compiled: Compiled = (
            catalogue if isinstance(catalogue, Compiled) else compile_catalogue(catalogue)
        )
        self.geography = geography
        self.settings = settings
        self.areas = areas
        self._values: dict[GroupKey, dict[str, Decimal]] = defaultdict(dict)
        self._sums: dict[SumKey, _Sum] = {}
        self.cells: dict[CellKey, IndicatorValue] = {}
        self.moved: set[SumKey] = set()  # sums changed by `apply` since the engine was made or seeded
        self._evaluator = Evaluator(self.compiled, geography, self._read, self.cells)

    def load(self, values: Iterable[DataValue]) -> dict[CellKey, IndicatorValue]:
        """Full recompute from `values` (those whose status counts); same input, same output."""
        self._values.clear()
        self._sums.clear()
        self.cells.clear()
        for value in values:
            if value.status in self.settings.counted_statuses:
                self._values[(value.element, value.unit, value.period)][value.coc] = value.value
        touched: set[SumKey] = set()
        for group in sorted(self._values):
            touched |= self._add(self._rows(group, pairs_from_x_only=True), group, +1)
        self._refresh(touched)
        return self.cells

    def seed(
        self,
        sums: Mapping[SumKey, SeriesSum],
        cells: Mapping[CellKey, IndicatorValue],
        values: Iterable[DataValue],
    ) -> None:
        """Start from stored state instead of `load`: the series sums and cells of the areas that
        `apply` will reach (decision 0008: an approval moves a few sums by a difference), and the
        values of the groups it will change, as they counted before."""
        self._sums = {
            k: _Sum(total, count, dict.fromkeys(approx, 1)) for k, (total, count, approx) in sums.items()
        }
        self.cells.clear()  # the evaluator reads rates' base cells from this very dict
        self.cells.update(cells)
        self._values.clear()
        for value in values:
            if value.status in self.settings.counted_statuses:
                self._values[(value.element, value.unit, value.period)][value.coc] = value.value
        self.moved.clear()

    def sums(self) -> dict[SumKey, SeriesSum]:
        """Every series sum (what the stored sums table holds after a full recompute)."""
        return {k: (acc.total, acc.count, frozenset(acc.approx)) for k, acc in self._sums.items()}

    def sum(self, key: SumKey) -> SeriesSum | None:
        return self._read(key)

    def apply(self, key: ValueKey, value: DataValue | None) -> dict[CellKey, IndicatorValue | None]:
        """Set the value at `key` (None, or a status that does not count: remove it).

        Returns every cell recomputed, None for a cell that no longer exists.
        """
        return self.apply_many({key: value})

    def apply_many(
        self, changes: Mapping[ValueKey, DataValue | None]
    ) -> dict[CellKey, IndicatorValue | None]:
        """`apply` for a batch (a save, an approval): every sum moves first, then each cell they
        reach is evaluated once, where one `apply` per value would evaluate a ratio once per term."""
        touched: set[SumKey] = set()
        for key in sorted(changes):
            touched |= self._move(key, changes[key])
        self.moved |= touched
        return self._refresh(touched)

    def _move(self, key: ValueKey, value: DataValue | None) -> set[SumKey]:
        element, unit, period, coc = key
        group = (element, unit, period)
        before = self._rows(group, pairs_from_x_only=False)
        if value is not None and value.status in self.settings.counted_statuses:
            self._values[group][coc] = value.value
        else:
            self._values[group].pop(coc, None)
            if not self._values[group]:
                del self._values[group]
        after = self._rows(group, pairs_from_x_only=False)
        return self._add(before, group, -1) | self._add(after, group, +1)

    def _rows(self, group: GroupKey, *, pairs_from_x_only: bool) -> dict[tuple[Series, str], Decimal]:
        """What the values of one element at one unit and period contribute, by (series, combo).

        A weighted-average pair reads x and w of the same unit and period; a full load visits it
        from x's group only, an update from whichever of x and w changed.
        """
        element, unit, period = group
        compiled = self.compiled
        rows: dict[tuple[Series, str], Decimal] = {}
        series = Series(SeriesKind.VALUE, element)
        coc_combo = compiled.catalogue.option_combos
        if series in compiled.readers:
            entered = entered_rows(compiled.combos[series], coc_combo, self._values.get(group, {}))
            rows.update(((series, coc), v) for coc, v in entered.items())
        for x, w in compiled.pairs.get(element, ()):
            if pairs_from_x_only and element != x:
                continue
            combos = compiled.catalogue.elements[x].category_combos
            x_values = normalised(combos, self._values.get((x, unit, period), {}))
            w_values = normalised(combos, self._values.get((w, unit, period), {}))
            products, weights = paired_values(x_values, w_values)
            for kind, paired in ((SeriesKind.PRODUCT, products), (SeriesKind.WEIGHT, weights)):
                rows.update(
                    ((Series(kind, x, w), c), v) for c, v in entered_rows(combos, coc_combo, paired).items()
                )
        return rows

    def _areas(self, series: Series, unit: int) -> Iterator[tuple[int, bool]]:
        pairs = (
            self.geography.contributions(unit) if self.compiled.additive[series] else iter([(unit, False)])
        )
        if self.areas is None:
            return pairs
        return ((a, approx) for a, approx in pairs if a in self.areas)

    def _add(self, rows: dict[tuple[Series, str], Decimal], group: GroupKey, sign: int) -> set[SumKey]:
        _, unit, period = group
        touched: set[SumKey] = set()
        for (series, coc), value in rows.items():
            for area, approximate in self._areas(series, unit):
                key = (series, area, period, coc)
                acc = self._sums.get(key)
                if acc is None:
                    acc = self._sums[key] = _Sum()
                # EXACT, not the thread's default context (28 digits): a sum must never round.
                acc.total = EXACT.add(acc.total, value) if sign > 0 else EXACT.subtract(acc.total, value)
                acc.count += sign
                if approximate:
                    left = acc.approx.get(unit, 0) + sign
                    if left:
                        acc.approx[unit] = left
                    else:
                        del acc.approx[unit]
                if acc.count == 0:
                    del self._sums[key]
                touched.add(key)
        return touched

    def _read(self, key: SumKey) -> SeriesSum | None:
        acc = self._sums.get(key)
        return None if acc is None else (acc.total, acc.count, frozenset(acc.approx))

    def _refresh(self, touched: set[SumKey]) -> dict[CellKey, IndicatorValue | None]:
        changed: dict[CellKey, IndicatorValue | None] = {}
        plain: set[CellKey] = set()
        for series, area, period, coc in touched:
            for formula in self.compiled.readers.get(series, ()):
                terms = (*formula.numerator, *(formula.denominator or ()))
                if coc == TOTAL or any(t.series == series and t.cocs and coc in t.cocs for t in terms):
                    plain.add((formula.indicator, area, period, TOTAL))
                if self.compiled.breaks_down(formula, coc):
                    plain.add((formula.indicator, area, period, coc))
        for key in sorted(plain):
            changed[key] = self._store(key)
        rates: set[CellKey] = set()
        for indicator, area, period, coc in changed:
            for formula in self.compiled.dependants.get(indicator, ()):
                rates.add((formula.indicator, area, period, coc))
                rates.add((formula.indicator, area, next_period(period), coc))
        for key in sorted(rates):
            changed[key] = self._store(key)
        return changed

    def _store(self, key: CellKey) -> IndicatorValue | None:
        cell = self._evaluator.cell(self.compiled.formula(key[0]), key[1], key[2], key[3])
        if cell is None:
            self.cells.pop(key, None)
        else:
            self.cells[key] = cell
        return cell
