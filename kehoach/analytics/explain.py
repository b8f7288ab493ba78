"""The "explain" of a judgement: the rule, every number used, and one Vietnamese sentence.

Numbers are written the Vietnamese way through kehoach.core.formatting (18,5%; 1.234,5 triệu
đồng), rounded only here, for display (`JudgementSettings.display_places`).
"""

from __future__ import annotations

from decimal import Decimal

from kehoach.analytics.targets import (
    STATUS_LABELS,
    Comparator,
    Direction,
    Explanation,
    Figure,
    Judgement,
    JudgementSettings,
    Status,
    TargetKind,
    TargetSpec,
    UnitTarget,
)
from kehoach.analytics.trend import Trend, exp, power
from kehoach.core.formatting import vn_number

COMPARATOR_TEXT = {
    Comparator.GTE: "ít nhất",
    Comparator.GT: "trên",
    Comparator.LTE: "không quá",
    Comparator.LT: "dưới",
    Comparator.EQ: "bằng",
}
RULES = {
    TargetKind.LEVEL: "Đạt mức: so sánh giá trị của chỉ tiêu với mức kế hoạch đặt ra.",
    TargetKind.ELIMINATION: "Xóa bỏ: chỉ tiêu phải giảm về 0.",
    TargetKind.CHANGE_PER_YEAR: (
        "Thay đổi mỗi năm (điểm phần trăm): mức cần đạt = giá trị năm gốc ± số điểm mỗi năm × số năm "
        "từ năm gốc đến mốc (giữ trong khoảng 0–100%)."
    ),
    TargetKind.REDUCTION_FROM_BASELINE: "So với năm gốc: mức cần đạt = giá trị năm gốc × (1 ∓ tỷ lệ phần trăm).",
    TargetKind.GROWTH_PER_YEAR: (
        "Tăng trưởng bình quân mỗi năm (lũy kế): đánh giá trên mức của số đo (không phải trên tốc độ %/năm); "
        "mức cần đạt = giá trị năm gốc × (1 + tốc độ)^số năm, tức mức phải đạt để tăng đúng tốc độ đó mỗi năm; "
        "giá trị, mức cần đạt, khoảng cách và dự báo đều tính bằng đơn vị của mức; "
        "lộ trình và xu hướng tính theo cấp số nhân."
    ),
    TargetKind.RELATIVE_TO_MEASURE: (
        "So với chỉ tiêu khác: giá trị của chỉ tiêu tính bằng % của chỉ tiêu so sánh, từng năm."
    ),
}
TARGET_UNITS = {
    TargetKind.CHANGE_PER_YEAR: " điểm %/năm",
    TargetKind.GROWTH_PER_YEAR: "%/năm",
    TargetKind.REDUCTION_FROM_BASELINE: "% so với năm gốc",
    TargetKind.RELATIVE_TO_MEASURE: "% của chỉ tiêu so sánh",
}
GAP_RULE = (
    "Khoảng cách là phần còn thiếu theo hướng chỉ tiêu yêu cầu: với chỉ tiêu tăng (ít nhất, trên) là mức cần đạt "
    "trừ giá trị mới nhất, với chỉ tiêu giảm (không quá, dưới) là giá trị mới nhất trừ mức cần đạt; "
    "luôn không âm, bằng 0 (đã đạt) khi đã đạt mục tiêu."
)
STATUS_RULE = (
    "Đã đạt nếu giá trị mới nhất đạt mục tiêu; đã có số liệu năm mốc mà không đạt là không đạt; nếu chưa có, "
    "dự báo theo xu hướng (bình phương nhỏ nhất trên các năm có số liệu, kể cả năm gốc) đạt mục tiêu là "
    "đúng tiến độ, thiếu không quá {band}% mức thay đổi kế hoạch yêu cầu là có nguy cơ, thiếu hơn là chậm tiến độ."
)


def _number(value: Decimal, places: int) -> str:
    return vn_number(value.quantize(Decimal(1).scaleb(-places)))


def stated_places(value: Decimal) -> int:
    """Decimal places a value was stated with (99,95 → 2; 32 → 0): shown with at least as many."""
    exponent = value.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


# Kinds whose stated value is in the measure's own unit (a level to compare figures with).
_LEVEL_KINDS = (TargetKind.LEVEL, TargetKind.ELIMINATION, TargetKind.RELATIVE_TO_MEASURE)


def _places(spec: TargetSpec, settings: JudgementSettings) -> int:
    stated = stated_places(spec.value) if spec.kind in _LEVEL_KINDS else 0
    return max(settings.display_places, stated)


def _measured(value: Decimal | None, spec: TargetSpec, settings: JudgementSettings) -> str:
    if value is None:
        return "—"
    unit = "%" if spec.kind is TargetKind.RELATIVE_TO_MEASURE else spec.measure_unit
    text = _number(value, _places(spec, settings))
    return f"{text}{unit}" if unit in ("", "%") else f"{text} {unit}"


def _difference(value: Decimal | None, spec: TargetSpec, settings: JudgementSettings, per_year: bool) -> str:
    """A change or a gap: percentage points for a rate, percent a year for growth, else the measure's unit."""
    if value is None:
        return "—"
    suffix = "/năm" if per_year else ""
    if spec.kind is TargetKind.GROWTH_PER_YEAR and per_year:
        return _number(value, settings.display_places) + "%/năm"
    if spec.measure_unit == "%" or spec.kind is TargetKind.RELATIVE_TO_MEASURE:
        return _number(value, settings.display_places) + " điểm %" + suffix
    return _measured(value, spec, settings) + suffix


def _stated(spec: TargetSpec, settings: JudgementSettings) -> str:
    if spec.kind in TARGET_UNITS:
        places = max(settings.display_places, stated_places(spec.value))
        stated = _number(spec.value, places) + TARGET_UNITS[spec.kind]
    else:  # a level is written in the measure's own unit
        stated = _measured(spec.value, spec, settings)
    return f"{COMPARATOR_TEXT[spec.comparator]} {stated} (năm {spec.milestone_year})"


def growth_note(spec: TargetSpec, settings: JudgementSettings) -> str:
    """What the level of a growth target is: "mức cần đạt để tăng ít nhất 6%/năm từ năm gốc"."""
    rate = _number(spec.value, max(settings.display_places, stated_places(spec.value)))
    verb = "giảm" if spec.direction is Direction.DECREASE else "tăng"
    return f"mức cần đạt để {verb} {COMPARATOR_TEXT[spec.comparator]} {rate}%/năm từ năm gốc"


def average_growth(j: Judgement) -> Decimal | None:
    """Observed average growth a year (percent, compound) from the baseline to the latest figure."""
    b = j.baseline
    if b is None or j.latest is None or j.latest_year is None or j.latest_year <= b.year:
        return None
    if b.value <= 0 or j.latest <= 0:
        return None
    return (power(j.latest / b.value, Decimal(1) / Decimal(j.latest_year - b.year)) - 1) * 100


def gap_text(j: Judgement, spec: TargetSpec, settings: JudgementSettings) -> str:
    if j.status is Status.ACHIEVED:
        return "0 (đã đạt)"
    return _difference(j.gap, spec, settings, per_year=False)


def origin(j: Judgement, override: UnitTarget | None) -> str:
    """Where the value judged against comes from: the plan, or the unit's own decision."""
    if j.source != "unit":
        return "Chỉ tiêu của kế hoạch (đơn vị chưa đặt mục tiêu riêng)"
    document = override.document if override is not None else ""
    return "Mục tiêu riêng của đơn vị" + (f", theo {document}" if document else "")


def _figures(
    j: Judgement,
    spec: TargetSpec,
    settings: JudgementSettings,
    trend: Trend | None,
    plan: TargetSpec,
    override: UnitTarget | None,
) -> list[Figure]:
    def m(value: Decimal | None) -> str:
        return _measured(value, spec, settings)

    baseline = j.baseline
    level_label = f"Mức cần đạt năm {j.milestone_year}"
    if spec.kind is TargetKind.GROWTH_PER_YEAR:
        level_label += f" ({growth_note(spec, settings).removeprefix('mức cần đạt ')})"
    figures = [Figure("Chỉ tiêu kế hoạch", plan.value, _stated(plan, settings))]
    if j.source == "unit":
        figures.append(Figure("Mục tiêu riêng của đơn vị", spec.value, _stated(spec, settings)))
    figures += [
        Figure("Nguồn mục tiêu", None, origin(j, override)),
        Figure("Năm gốc", baseline.year if baseline else None, str(baseline.year) if baseline else "—"),
        Figure(
            "Giá trị năm gốc", baseline.value if baseline else None, m(baseline.value if baseline else None)
        ),
        Figure("Năm có số liệu mới nhất", j.latest_year, str(j.latest_year or "—")),
        Figure("Giá trị mới nhất", j.latest, m(j.latest)),
        Figure("Năm mốc", j.milestone_year, str(j.milestone_year)),
        Figure(level_label, j.target_level, m(j.target_level)),
        Figure(f"Giá trị theo lộ trình năm {settings.current_year}", j.trajectory, m(j.trajectory)),
        Figure("Khoảng cách còn phải đạt (theo hướng chỉ tiêu yêu cầu)", j.gap, gap_text(j, spec, settings)),
    ]
    if spec.kind is TargetKind.GROWTH_PER_YEAR and (average := average_growth(j)) is not None:
        assert baseline is not None
        figures.append(
            Figure(
                f"Tăng bình quân quan sát {baseline.year}–{j.latest_year}",
                average,
                _number(average, settings.display_places) + "%/năm",
            )
        )
    needed = j.annual_change_needed
    figures.append(
        Figure("Mức thay đổi cần mỗi năm", needed, _difference(needed, spec, settings, per_year=True))
    )
    if trend is not None:
        slope = (exp(trend.slope) - 1) * 100 if spec.kind is TargetKind.GROWTH_PER_YEAR else trend.slope
        figures.append(Figure("Xu hướng quan sát", slope, _difference(slope, spec, settings, per_year=True)))
        figures.append(Figure("Số năm dùng để ước lượng xu hướng", trend.points, str(trend.points)))
    if j.latest_year is not None and j.latest_year >= j.milestone_year:
        figures.append(
            Figure(
                f"Dự báo năm {j.milestone_year}", None, f"không dự báo: đã có số liệu năm {j.milestone_year}"
            )
        )
    else:
        figures.append(Figure(f"Dự báo năm {j.milestone_year}", j.forecast, m(j.forecast)))
    figures.append(
        Figure("Ngưỡng “có nguy cơ”", settings.at_risk_band, _number(settings.at_risk_band * 100, 0) + "%")
    )
    return figures


def _sentence(
    j: Judgement, spec: TargetSpec, settings: JudgementSettings, unit_name: str, override: UnitTarget | None
) -> str:
    def m(value: Decimal | None) -> str:
        return _measured(value, spec, settings)

    who = unit_name or f"Đơn vị {j.unit}"
    if j.latest is None or j.baseline is None or j.target_level is None:
        return f"{who}: chưa có số liệu {spec.measure}. Đánh giá: {STATUS_LABELS[j.status]}."
    parts = [f"{who}: {spec.measure} năm {j.latest_year} là {m(j.latest)}"]
    if j.latest_year != j.baseline.year:
        parts[0] += f" (năm gốc {j.baseline.year}: {m(j.baseline.value)})"
    said = origin(j, override)
    own = f" ({said[0].lower()}{said[1:]})" if j.source == "unit" else ""  # keeps "Quyết định" capitalised
    goal = f"mục tiêu năm {j.milestone_year}{own}: {COMPARATOR_TEXT[j.comparator]} {m(j.target_level)}"
    if spec.kind is TargetKind.GROWTH_PER_YEAR:
        goal += f" ({growth_note(spec, settings)} {j.baseline.year})"
    parts.append(goal)
    if spec.kind is TargetKind.GROWTH_PER_YEAR and (average := average_growth(j)) is not None:
        rate = _number(average, settings.display_places)
        parts.append(f"tăng bình quân {j.baseline.year}–{j.latest_year} là {rate}%/năm")
    if j.trajectory is not None and settings.current_year < j.milestone_year:
        parts.append(f"theo lộ trình năm {settings.current_year} cần {m(j.trajectory)}")
    if j.status is not Status.ACHIEVED and j.gap and j.annual_change_needed is not None:
        if j.comparator is Comparator.EQ:
            verb = "tăng" if j.target_level > j.latest else "giảm"
        else:
            verb = "tăng" if j.comparator in (Comparator.GTE, Comparator.GT) else "giảm"
        parts.append(f"cần {verb} {_difference(abs(j.annual_change_needed), spec, settings, per_year=True)}")
    if j.forecast is not None:
        parts.append(f"theo xu hướng các năm có số liệu, dự báo năm {j.milestone_year} là {m(j.forecast)}")
    text = "; ".join(parts) + f". Đánh giá: {STATUS_LABELS[j.status]}."
    if j.parent:
        text += f" Là chỉ tiêu thành phần của {j.parent}."
    if j.approximate:
        text += " Có số liệu gần đúng do sắp xếp đơn vị hành chính."
    return text


def explain_judgement(
    judgement: Judgement,
    spec: TargetSpec,
    settings: JudgementSettings,
    trend: Trend | None,
    unit_name: str,
    *,
    plan: TargetSpec | None = None,
    override: UnitTarget | None = None,
) -> Explanation:
    """`spec` is the target judged against (the unit's own where it has one), `plan` the plan's."""
    band = _number(settings.at_risk_band * 100, 0)
    rule = RULES[spec.kind] + " " + STATUS_RULE.format(band=band) + " " + GAP_RULE
    return Explanation(
        rule=rule,
        figures=tuple(_figures(judgement, spec, settings, trend, plan or spec, override)),
        sentence=_sentence(judgement, spec, settings, unit_name, override),
    )
