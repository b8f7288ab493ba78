"""Indicators compiled into sums of *series*, the quantities the engines add up over areas.

A series is either a data element's values, or for a weighted average the products x·w and the
weights w of the entries that have both. Every series is summed the same way (exact decimals over
the area), so a ratio, a count and a weighted average are all "factor × ΣN / ΣD" afterwards; both
engines read these formulas, which is what keeps them equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kehoach.analytics.definitions import (
    ONE,
    TOTAL,
    AggregationType,
    Catalogue,
    DefinitionError,
    Indicator,
    IndicatorType,
    Term,
)


class SeriesKind(StrEnum):
    VALUE = "value"  # the entered values of `element`
    PRODUCT = "product"  # x·w per entry, x = `element`, w = `weight`
    WEIGHT = "weight"  # w per entry that also has an x


@dataclass(frozen=True, slots=True, order=True)
class Series:
    kind: SeriesKind
    element: str
    weight: str = ""


@dataclass(frozen=True, slots=True)
class SeriesTerm:
    series: Series
    cocs: frozenset[str] | None
    coefficient: Decimal


@dataclass(frozen=True, slots=True)
class Formula:
    """factor × Σnumerator / Σdenominator (denominator None: no division); `base` for rates of change.

    `breakdowns`: the breakdowns every element of the formula shares, which give per-combo cells.
    """

    indicator: str
    numerator: tuple[SeriesTerm, ...]
    denominator: tuple[SeriesTerm, ...] | None
    factor: Decimal
    breakdowns: frozenset[str]
    base: str | None = None


@dataclass(frozen=True)
class Compiled:
    catalogue: Catalogue
    formulas: tuple[Formula, ...]  # every base before the rates of change that read it
    series: tuple[Series, ...]
    additive: Mapping[Series, bool]
    disaggregated: Mapping[Series, bool]
    combos: Mapping[Series, tuple[str, ...]]  # the breakdowns of a series (of x, for a product)
    readers: Mapping[Series, tuple[Formula, ...]]
    dependants: Mapping[str, tuple[Formula, ...]]  # rates of change by base indicator
    pairs: Mapping[str, tuple[tuple[str, str], ...]]  # element -> weighted-average (x, w) pairs using it

    by_indicator: Mapping[str, Formula]

    def formula(self, indicator: str) -> Formula:
        return self.by_indicator[indicator]

    def breaks_down(self, formula: Formula, coc: str) -> bool:
        """Does `formula` have a cell of its own for option combo `coc`?"""
        return coc != TOTAL and self.catalogue.option_combos.get(coc) in formula.breakdowns


def _fail(indicator: Indicator, message: str) -> DefinitionError:
    return DefinitionError(f"Chỉ tiêu {indicator.code}: {message}")


def _check_term(catalogue: Catalogue, indicator: Indicator, term: Term) -> None:
    element = catalogue.elements.get(term.element)
    if element is None:
        raise _fail(indicator, f"không có phần tử dữ liệu “{term.element}”.")
    if term.cocs is not None and (
        not term.cocs or any(catalogue.option_combos.get(c) not in element.category_combos for c in term.cocs)
    ):
        raise _fail(indicator, f"chỉ chọn được ô thuộc cách phân tổ của phần tử có phân tổ ({term.element}).")


def _value_terms(terms: tuple[Term, ...]) -> tuple[SeriesTerm, ...]:
    return tuple(SeriesTerm(Series(SeriesKind.VALUE, t.element), t.cocs, t.coefficient) for t in terms)


def _weighted(catalogue: Catalogue, indicator: Indicator) -> tuple[SeriesTerm, ...]:
    weight = indicator.weight or ""
    if len(indicator.numerator) != 1 or indicator.denominator:
        raise _fail(indicator, "bình quân gia quyền cần đúng một phần tử giá trị và một phần tử quyền số.")
    term = indicator.numerator[0]
    if term.cocs is not None or term.coefficient != ONE:
        raise _fail(indicator, "phần tử giá trị của bình quân không được chọn phân tổ hay hệ số.")
    if weight not in catalogue.elements:
        raise _fail(indicator, f"không có phần tử quyền số “{weight}”.")
    if catalogue.elements[weight].category_combos != catalogue.elements[term.element].category_combos:
        raise _fail(indicator, "giá trị và quyền số phải có cùng cách phân tổ.")
    product = Series(SeriesKind.PRODUCT, term.element, weight)
    return (
        SeriesTerm(product, None, ONE),
        SeriesTerm(Series(SeriesKind.WEIGHT, term.element, weight), None, ONE),
    )


def _formula(catalogue: Catalogue, indicator: Indicator) -> Formula:
    for term in (*indicator.numerator, *indicator.denominator):
        _check_term(catalogue, indicator, term)
    kind, factor = indicator.type, indicator.factor
    if kind is IndicatorType.RATE_OF_CHANGE:
        if indicator.numerator or indicator.denominator or indicator.base is None:
            raise _fail(indicator, "tốc độ thay đổi chỉ cần chỉ tiêu gốc (base).")
        return Formula(indicator.code, (), None, factor, frozenset(), indicator.base)
    if indicator.weight and kind in (IndicatorType.AVERAGE, IndicatorType.INDEX):
        product, weight = _weighted(catalogue, indicator)
        return Formula(indicator.code, (product,), (weight,), factor, frozenset())
    if not indicator.numerator:
        raise _fail(indicator, "chưa có tử số.")
    numerator = _value_terms(indicator.numerator)
    if kind in (IndicatorType.RATIO, IndicatorType.AVERAGE):
        if not indicator.denominator:
            raise _fail(indicator, "chỉ tiêu tỷ lệ hay bình quân cần mẫu số (hoặc quyền số).")
        return Formula(indicator.code, numerator, _value_terms(indicator.denominator), factor, frozenset())
    if indicator.denominator:
        raise _fail(indicator, "chỉ tiêu số lượng, giá trị hay chỉ số không có mẫu số.")
    if kind is IndicatorType.INDEX and any(
        catalogue.elements[t.element].aggregation is not AggregationType.NONE for t in indicator.numerator
    ):
        raise _fail(indicator, "chỉ số không có quyền số chỉ dùng phần tử không cộng dồn.")
    return Formula(indicator.code, numerator, None, factor, frozenset())


def _breakdowns(catalogue: Catalogue, indicator: Indicator) -> frozenset[str]:
    """The breakdowns shared by every element of the indicator (none if a term picks combos)."""
    terms = (*indicator.numerator, *indicator.denominator)
    if not terms or any(t.cocs is not None for t in terms):
        return frozenset()
    codes = [t.element for t in terms] + ([indicator.weight] if indicator.weight else [])
    shared = set(catalogue.elements[codes[0]].category_combos)
    for code in codes[1:]:
        shared &= set(catalogue.elements[code].category_combos)
    return frozenset(shared)


def compile_catalogue(catalogue: Catalogue) -> Compiled:
    """Check every definition (DefinitionError in Vietnamese) and compile it into series sums."""
    codes = [i.code for i in catalogue.indicators]
    if len(set(codes)) != len(codes):
        raise DefinitionError("Mã chỉ tiêu bị trùng.")
    by_code = {i.code: i for i in catalogue.indicators}
    plain: list[Formula] = []
    rates: list[Formula] = []
    for indicator in catalogue.indicators:
        formula = _formula(catalogue, indicator)
        if formula.base is None:
            plain.append(_with_breakdowns(formula, _breakdowns(catalogue, indicator)))
            continue
        base = by_code.get(formula.base)
        if base is None or base.type is IndicatorType.RATE_OF_CHANGE:
            raise _fail(indicator, f"chỉ tiêu gốc “{formula.base}” không có hoặc cũng là tốc độ thay đổi.")
        rates.append(_with_breakdowns(formula, _breakdowns(catalogue, base)))
    formulas = (*plain, *rates)
    return _index(catalogue, formulas)


def _with_breakdowns(formula: Formula, breakdowns: frozenset[str]) -> Formula:
    return Formula(
        formula.indicator, formula.numerator, formula.denominator, formula.factor, breakdowns, formula.base
    )


def _index(catalogue: Catalogue, formulas: tuple[Formula, ...]) -> Compiled:
    readers: dict[Series, list[Formula]] = defaultdict(list)
    dependants: dict[str, list[Formula]] = defaultdict(list)
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for formula in formulas:
        if formula.base is not None:
            dependants[formula.base].append(formula)
        for term in (*formula.numerator, *(formula.denominator or ())):
            if formula not in readers[term.series]:
                readers[term.series].append(formula)
            if term.series.kind is not SeriesKind.VALUE:
                pair = (term.series.element, term.series.weight)
                pairs[pair[0]].add(pair)
                pairs[pair[1]].add(pair)
    series = tuple(sorted(readers))
    elements = catalogue.elements
    return Compiled(
        catalogue=catalogue,
        formulas=formulas,
        series=series,
        additive={
            s: s.kind is not SeriesKind.VALUE or elements[s.element].aggregation is AggregationType.SUM
            for s in series
        },
        disaggregated={s: bool(elements[s.element].category_combos) for s in series},
        combos={s: elements[s.element].category_combos for s in series},
        readers={s: tuple(f) for s, f in readers.items()},
        dependants={b: tuple(f) for b, f in dependants.items()},
        pairs={e: tuple(sorted(p)) for e, p in pairs.items()},
        by_indicator={f.indicator: f for f in formulas},
    )
