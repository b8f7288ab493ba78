"""Checks of the catalogue file (`kehoach.indicators/1`). Pure: other apps' codes are looked up
through the functions passed in. See validation.py for the shared helpers and the contract."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kehoach.indicators import choices as c
from kehoach.indicators.validation import CATALOGUE_FORMAT, Checker, check_format
from kehoach.plans.choices import Direction, Population, Sector

LEVELS = ("province", "district", "commune", "village")
ELEMENT_KEYS = ("code", "name", "short_name", "description", "value_type", "unit", "aggregation")
INDICATOR_KEYS = (
    "code",
    "name",
    "definition",
    "type",
    "unit",
    "factor",
    "decimals",
    "numerator",
    "denominator",
)
INDICATOR_MORE = (
    "level",
    "frequency",
    "source",
    "agency",
    "direction",
    "sector",
    "population",
    "standard",
    "targets",
)


def validate_catalogue(
    doc: Any,
    *,
    agency_exists: Callable[[str], bool],
    plan_exists: Callable[[str], bool],
    target_exists: Callable[[str, str], bool],
    ethnic_group_exists: Callable[[str], bool],
) -> list[str]:
    """Every problem that prevents loading the catalogue, each naming the element."""
    errors = check_format(doc, CATALOGUE_FORMAT)
    if errors:
        return errors
    ck = Checker()
    ck.keys(
        doc, ("format", "categories", "combos", "data_elements", "data_sets", "indicators"), "Tệp danh mục"
    )
    options = _categories(ck, doc, ethnic_group_exists)
    combos = _combos(ck, doc, options)
    elements = _elements(ck, doc, combos)
    levels = _data_sets(ck, doc, elements, agency_exists, plan_exists)
    _indicators(ck, doc, elements, levels, agency_exists, target_exists)
    return ck.errors


def _categories(
    ck: Checker, doc: dict[str, Any], ethnic_exists: Callable[[str], bool]
) -> dict[str, list[str]]:
    """Category code -> its option codes."""
    seen: set[str] = set()
    option_codes: set[str] = set()
    out: dict[str, list[str]] = {}
    for where, cat in ck.items(doc, "categories", "Tiêu chí phân tổ"):
        ck.keys(cat, ("code", "name", "options"), where)
        code = ck.code(cat, where, seen)
        ck.text(cat, "name", where)
        opts = ck.items(cat, "options", f"{where}, nhóm")
        if not opts:
            ck.add(where, "phải có ít nhất một nhóm.")
        for o_where, opt in opts:
            ck.keys(opt, ("code", "name", "ethnic_group"), o_where)
            ck.code(opt, o_where, option_codes)
            ck.text(opt, "name", o_where)
            group = opt.get("ethnic_group")
            if group is not None and not ethnic_exists(str(group)):
                ck.add(o_where, f"không có dân tộc mã “{group}” trong danh mục 54 dân tộc.")
        if code:
            out[code] = [str(o.get("code")) for _, o in opts]
    return out


def option_combo_codes(option_lists: list[list[str]]) -> list[str]:
    """Codes of the cells of a combo: one option of each category, joined by "." in category order."""
    codes = [""]
    for options in option_lists:
        codes = [f"{prefix}.{o}" if prefix else o for prefix in codes for o in options]
    return codes


def _combos(ck: Checker, doc: dict[str, Any], categories: dict[str, list[str]]) -> dict[str, list[str]]:
    """Combo code -> the codes of its option combos."""
    seen: set[str] = {"default"}
    out: dict[str, list[str]] = {}
    for where, combo in ck.items(doc, "combos", "Cách phân tổ"):
        ck.keys(combo, ("code", "name", "categories"), where)
        code = ck.code(combo, where, seen)
        ck.text(combo, "name", where)
        cats = combo.get("categories") or []
        if not isinstance(cats, list) or not cats:
            ck.add(where, "phải có ít nhất một tiêu chí phân tổ.")
            continue
        for cat in cats:
            if cat not in categories:
                ck.add(where, f"không có tiêu chí phân tổ mã “{cat}”.")
        if code:
            out[code] = option_combo_codes([categories.get(cat, []) for cat in cats])
    return out


def _elements(ck: Checker, doc: dict[str, Any], combos: dict[str, list[str]]) -> dict[str, set[str]]:
    """Data element code -> the option combo codes it accepts besides the total."""
    seen: set[str] = set()
    out: dict[str, set[str]] = {}
    for where, el in ck.items(doc, "data_elements", "Số liệu"):
        ck.keys(el, (*ELEMENT_KEYS, "decimals", "disaggregations"), where)
        code = ck.code(el, where, seen)
        ck.text(el, "name", where)
        ck.text(el, "unit", where)
        ck.choice(el, "value_type", c.ValueType.values, where)
        ck.choice(el, "aggregation", c.AggregationType.values, where, required=False)
        decimals = el.get("decimals", 0)
        if not isinstance(decimals, int) or not 0 <= decimals <= 6:
            ck.add(where, "“decimals” phải là số nguyên từ 0 đến 6.")
        disaggs = el.get("disaggregations") or []
        for d in disaggs if isinstance(disaggs, list) else []:
            if d not in combos:
                ck.add(where, f"không có cách phân tổ mã “{d}”.")
        if code and isinstance(disaggs, list):
            out[code] = {coc for d in disaggs for coc in combos.get(d, [])}
    return out


def _data_sets(
    ck: Checker,
    doc: dict[str, Any],
    elements: dict[str, set[str]],
    agency_exists: Callable[[str], bool],
    plan_exists: Callable[[str], bool],
) -> dict[str, str]:
    """Data element code -> the level of the data set collecting it."""
    seen: set[str] = set()
    level_of: dict[str, str] = {}
    for where, ds in ck.items(doc, "data_sets", "Biểu"):
        ck.keys(
            ds,
            (
                "code",
                "name",
                "description",
                "level",
                "period_type",
                "window",
                "plan",
                "agency",
                "rounds",
                "sections",
            ),
            where,
        )
        ck.code(ds, where, seen)
        ck.text(ds, "name", where)
        ck.choice(ds, "level", LEVELS, where)
        ck.choice(ds, "period_type", c.PeriodType.values, where)
        ck.choice(ds, "window", c.WindowKind.values, where)
        plan = ck.text(ds, "plan", where)
        if plan and not plan_exists(plan):
            ck.add(where, f"không có kế hoạch mã “{plan}” (hãy nạp kế hoạch trước).")
        agency = ds.get("agency")
        if agency and not agency_exists(str(agency)):
            ck.add(where, f"không có cơ quan mã “{agency}”.")
        _rounds(ck, ds.get("rounds"), where)
        for s_where, section in ck.items(ds, "sections", f"{where}, nhóm"):
            ck.keys(section, ("name", "elements"), s_where)
            for code in section.get("elements") or []:
                if code not in elements:
                    ck.add(s_where, f"không có số liệu mã “{code}”.")
                elif level_of.get(code, ds.get("level")) != ds.get("level"):
                    ck.add(s_where, f"số liệu “{code}” đã thuộc một biểu cấp khác.")
                else:
                    level_of[code] = str(ds.get("level"))
    for code in elements:
        if code not in level_of:
            ck.add(f"Số liệu {code}", "không thuộc biểu thu thập nào.")
    return level_of


def _rounds(ck: Checker, spec: Any, where: str) -> None:
    if spec is None:
        return
    keys = ("first_year", "last_year", "opens_after_start", "due_after_end", "closes_after_end")
    if not isinstance(spec, dict) or any(not isinstance(spec.get(k), int) for k in keys):
        ck.add(where, f"“rounds” cần các số nguyên {', '.join(keys)}.")
        return
    ck.keys(spec, keys, f"{where}, rounds")
    if spec["first_year"] > spec["last_year"] or spec["due_after_end"] > spec["closes_after_end"]:
        ck.add(where, "“rounds”: năm đầu phải ≤ năm cuối và hạn gửi phải trước ngày khóa sổ.")


def _indicators(
    ck: Checker,
    doc: dict[str, Any],
    elements: dict[str, set[str]],
    level_of: dict[str, str],
    agency_exists: Callable[[str], bool],
    target_exists: Callable[[str, str], bool],
) -> None:
    seen: set[str] = set()
    for where, ind in ck.items(doc, "indicators", "Chỉ số"):
        ck.keys(ind, (*INDICATOR_KEYS, *INDICATOR_MORE), where)
        ck.code(ind, where, seen)
        for key in ("name", "definition", "unit", "source"):
            ck.text(ind, key, where)
        ck.choice(ind, "type", c.IndicatorType.values, where)
        ck.choice(ind, "level", LEVELS, where)
        ck.choice(ind, "frequency", c.PeriodType.values, where)
        ck.choice(ind, "direction", Direction.values, where)
        ck.choice(ind, "sector", Sector.values, where, required=False)
        ck.choice(ind, "population", Population.values, where, required=False)
        ck.choice(ind, "standard", c.StandardTopic.values, where, required=False)
        factor = ck.number(ind, "factor", where, required=True)
        if factor is not None and factor <= 0:
            ck.add(where, "“factor” phải lớn hơn 0.")
        agency = ck.text(ind, "agency", where)
        if agency and not agency_exists(agency):
            ck.add(where, f"không có cơ quan mã “{agency}”.")
        num = _term(ck, ind.get("numerator"), "tử số", where, elements, required=True)
        den = _term(ck, ind.get("denominator"), "mẫu số", where, elements, required=False)
        if ind.get("type") in (c.IndicatorType.RATIO, c.IndicatorType.AVERAGE) and not den:
            ck.add(where, "chỉ số tỷ lệ hoặc bình quân phải có mẫu số.")
        for term in (num, den):
            if term and level_of.get(term) and level_of[term] != ind.get("level"):
                ck.add(where, f"số liệu “{term}” được thu thập ở cấp {level_of[term]}, khác cấp của chỉ số.")
        targets = ind.get("targets") or []
        if not isinstance(targets, list) or not targets:
            ck.add(where, "phải đo ít nhất một chỉ tiêu của kế hoạch (trường “targets”).")
            continue
        for link in targets:
            if not isinstance(link, dict) or not target_exists(str(link.get("plan")), str(link.get("code"))):
                ck.add(where, f"không tìm thấy chỉ tiêu {link} (cần plan và code của chỉ tiêu đã nạp).")
            elif link.get("role", "measure") not in c.TargetRole.values:
                ck.add(where, f"vai trò “{link.get('role')}” không hợp lệ (measure hoặc reference).")


def _term(
    ck: Checker, value: Any, label: str, where: str, elements: dict[str, set[str]], *, required: bool
) -> str | None:
    """A numerator/denominator: a data element code, or {element, combo} for one disaggregate."""
    if value is None:
        if required:
            ck.add(where, f"thiếu {label}.")
        return None
    code, combo = (value.get("element"), value.get("combo")) if isinstance(value, dict) else (value, None)
    if code not in elements:
        ck.add(where, f"{label}: không có số liệu mã “{code}”.")
        return None
    if combo is not None and combo not in elements[str(code)]:
        ck.add(where, f"{label}: số liệu “{code}” không có ô phân tổ “{combo}”.")
    return str(code)
