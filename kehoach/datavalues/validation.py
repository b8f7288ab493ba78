"""The rule engine: entered values and declared rules in, issues out. Pure (no ORM, no I/O).

Every entry path (web form, Excel, API) ends in kehoach.datavalues.services.save_data_values, which
builds these dataclasses from the catalogue and calls `type_problem` per value and `evaluate` per
unit × period over the values as they would be after the save. Errors block; a warning is accepted
only when the value carries a comment that explains it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kehoach.core.formatting import vn_number
from kehoach.datavalues.robust import OutlierScore, outlier_score

TOTAL = "default"
Key = tuple[str, str]  # (data element code, option combo code)
MAX_ABS = Decimal("1e18")  # DecimalField(max_digits=24, decimal_places=6) holds 18 integer digits
MAX_PLACES = 6


@dataclass(frozen=True)
class ElementSpec:
    code: str
    name: str
    value_type: str
    disaggregations: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (code, name, option combo codes)

    def accepts(self, option_combo: str) -> bool:
        return option_combo == TOTAL or any(option_combo in cocs for _, _, cocs in self.disaggregations)


@dataclass(frozen=True)
class RuleSpec:
    code: str
    kind: str
    severity: str
    element: str
    explanation: str
    other: str | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    threshold: Decimal | None = None
    min_history: int = 3


@dataclass(frozen=True)
class Issue:
    rule: str
    severity: str
    element: str
    option_combo: str
    message: str
    involves: frozenset[Key] = field(default_factory=frozenset, compare=False)

    @property
    def key(self) -> Key:
        return (self.element, self.option_combo)


def type_problem(value_type: str, value: Decimal) -> str | None:
    """Why `value` does not fit the element's type (Vietnamese), or None."""
    if not value.is_finite():
        return "giá trị không phải là số hữu hạn."
    if abs(value) >= MAX_ABS:
        return "số quá lớn (tối đa 18 chữ số phần nguyên)."
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES and value != value.quantize(Decimal("1e-6")):
        return f"có quá {MAX_PLACES} chữ số thập phân."
    if value_type != "signed_number" and value < 0:
        return "không được âm."
    if value_type == "integer" and value != value.to_integral_value():
        return "phải là số nguyên (không có phần thập phân)."
    if value_type == "percentage" and value > 100:
        return "là phần trăm nên phải từ 0 đến 100."
    if value_type == "yes_no" and value not in (0, 1):
        return "chỉ ghi 1 (có) hoặc 0 (không)."
    return None


class _Context:
    def __init__(
        self,
        values: Mapping[Key, Decimal],
        specs: Mapping[str, ElementSpec],
        labels: Mapping[str, str],
        changed: set[Key] | None,
    ) -> None:
        self.values, self.specs, self.labels, self.changed = values, specs, labels, changed
        self.issues: list[Issue] = []
        self._by_element: dict[str, list[Key]] | None = None

    def name(self, key: Key) -> str:
        spec = self.specs.get(key[0])
        label = f"“{spec.name if spec else key[0]}”"
        return label if key[1] == TOTAL else f"{label} ({self.labels.get(key[1], key[1])})"

    def add(self, rule: RuleSpec, key: Key, text: str, involves: Iterable[Key]) -> None:
        keys = frozenset(involves)
        if self.changed is not None and not keys & self.changed:
            return  # only what this save touches; older accepted values are judged at submission
        message = f"{self.name(key)}: {text} {rule.explanation}".strip()
        self.issues.append(Issue(rule.code, rule.severity, key[0], key[1], message, keys))

    def keys_of(self, element: str) -> list[Key]:
        """The element's keys, in the order of `values` (grouped once: every rule asks)."""
        if self._by_element is None:
            self._by_element = {}
            for key in self.values:
                self._by_element.setdefault(key[0], []).append(key)
        return list(self._by_element.get(element, ()))


def evaluate(
    *,
    values: Mapping[Key, Decimal],
    specs: Mapping[str, ElementSpec],
    rules: Sequence[RuleSpec],
    history: Mapping[Key, Sequence[Decimal]] | None = None,
    labels: Mapping[str, str] | None = None,
    changed: set[Key] | None = None,
    for_submission: bool = False,
) -> list[Issue]:
    """Issues of one unit × period. `values` is the state after the save (deleted keys absent);
    `changed` limits the result to issues touching those keys (None: everything, as at submission);
    `history` holds the unit's earlier values per key, oldest first, for the outlier rule."""
    ctx = _Context(values, specs, labels or {}, changed)
    for rule in rules:
        check = _CHECKS.get(rule.kind)
        if check is not None and (rule.kind != "required" or for_submission):
            check(ctx, rule, history or {})
    return ctx.issues


def _range(ctx: _Context, rule: RuleSpec, _history: Mapping[Key, Sequence[Decimal]]) -> None:
    low = Decimal(0) if rule.kind == "percentage" else rule.min_value
    high = Decimal(100) if rule.kind == "percentage" else rule.max_value
    for key in ctx.keys_of(rule.element):
        value = ctx.values[key]
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"từ {vn_number(low)}" if low is not None else ""
            bounds += f" đến {vn_number(high)}" if high is not None else ""
            if low is None:
                bounds = f"không quá {vn_number(high)}"
            elif high is None:
                bounds = f"ít nhất {vn_number(low)}"
            ctx.add(
                rule, key, f"giá trị {vn_number(value)} nằm ngoài khoảng cho phép ({bounds.strip()}).", [key]
            )


def _not_greater(ctx: _Context, rule: RuleSpec, _history: Mapping[Key, Sequence[Decimal]]) -> None:
    if rule.other is None:
        return
    for key in ctx.keys_of(rule.element):
        right = (rule.other, key[1])
        if right in ctx.values and ctx.values[key] > ctx.values[right]:
            text = (
                f"{vn_number(ctx.values[key])} lớn hơn {ctx.name(right)} là {vn_number(ctx.values[right])}."
            )
            ctx.add(rule, key, text, [key, right])


def _disaggregation_sum(ctx: _Context, rule: RuleSpec, _history: Mapping[Key, Sequence[Decimal]]) -> None:
    spec = ctx.specs.get(rule.element)
    if spec is None:
        return
    total_key = (rule.element, TOTAL)
    for _code, combo_name, cocs in spec.disaggregations:
        keys = [(rule.element, coc) for coc in cocs]
        present = [k for k in keys if k in ctx.values]
        if not present:
            continue
        if total_key not in ctx.values:
            ctx.add(
                rule,
                total_key,
                f"đã nhập số liệu {combo_name.lower()} nhưng chưa nhập tổng số.",
                [total_key, *keys],
            )
            continue
        parts = sum((ctx.values[k] for k in present), Decimal(0))
        if parts != ctx.values[total_key]:
            text = (
                f"cộng các nhóm {combo_name.lower()} được {vn_number(parts)}, "
                f"khác tổng số {vn_number(ctx.values[total_key])}."
            )
            ctx.add(rule, total_key, text, [total_key, *keys])


def _required(ctx: _Context, rule: RuleSpec, _history: Mapping[Key, Sequence[Decimal]]) -> None:
    key = (rule.element, TOTAL)
    if key not in ctx.values:
        ctx.add(rule, key, "chưa nhập tổng số.", [key])


def _outlier(ctx: _Context, rule: RuleSpec, history: Mapping[Key, Sequence[Decimal]]) -> None:
    threshold = rule.threshold or Decimal("3.5")
    for key in ctx.keys_of(rule.element):
        past = history.get(key, ())
        if len(past) < rule.min_history:
            continue
        score = outlier_score(ctx.values[key], past)
        if score is not None and score.score > threshold:
            ctx.add(rule, key, _outlier_text(ctx.values[key], score, threshold), [key])


def _outlier_text(value: Decimal, score: OutlierScore, threshold: Decimal) -> str:
    # Plain words first (what an officer checks), the method after, for whoever asks why.
    return (
        f"giá trị {vn_number(value)} khác thường so với {score.n} kỳ trước của đơn vị: các kỳ trước "
        f"thường quanh {vn_number(score.median)}, chênh nhau khoảng {vn_number(score.spread)}. "
        "Nếu số đúng, hãy ghi chú lý do; nếu nhầm, hãy sửa lại. "
        f"(Cách tính: trung vị {vn_number(score.median)}, độ lệch {score.spread_name} "
        f"{vn_number(score.spread)}; mức lệch {vn_number(score.score, 1)} > ngưỡng {vn_number(threshold)}.)"
    )


_CHECKS = {
    "range": _range,
    "percentage": _range,
    "not_greater": _not_greater,
    "disaggregation_sum": _disaggregation_sum,
    "required": _required,
    "outlier": _outlier,
}
