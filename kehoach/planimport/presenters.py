"""What the review page shows of a draft: rows with their anchors and decided agencies. Pure."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from .draft import SKIP, Draft
from .highlight import anchor
from .resolve import undecided

# Span kinds of the item lists, in the order the page shows them, with their Vietnamese headings.
LISTS: tuple[tuple[str, str, Any], ...] = (
    ("objectives", "objective", _("Mục tiêu tổng quát")),
    ("targets", "target", _("Chỉ tiêu")),
    ("tasks", "task", _("Nhiệm vụ, giải pháp")),
    ("budget_lines", "budget_line", _("Nguồn lực")),
    ("responsibilities", "responsibility", _("Tổ chức thực hiện")),
    ("obligations", "obligation", _("Nghĩa vụ báo cáo")),
)
USE_LABELS: dict[str, Any] = {
    "lead": _("chủ trì"),
    "coordinating": _("phối hợp"),
    "responsibility": _("trách nhiệm"),
    "obligation": _("báo cáo"),
    "recipient": _("nơi nhận báo cáo"),
}


def _choice_label(choice: str) -> str:
    return str({"": _("chưa chọn"), SKIP: _("bỏ qua")}.get(choice, choice))


def _with_anchor(item: dict[str, Any], kind: str, spans: set[str]) -> dict[str, Any]:
    name = anchor(kind, item["code"])
    return {**item, "anchor": name, "has_source": name in spans}


def review_context(draft: Draft) -> dict[str, Any]:
    """Rows of every list, the findings with where they point, and what is still undecided."""
    doc: dict[str, Any] = dict(draft["document"])
    spans = {anchor(s["kind"], s["code"]) for s in draft["spans"]}
    chosen = {a["name"]: a["choice"] for a in draft["agencies"]}
    edited = set(draft["edited"])
    lists = []
    for key, kind, title in LISTS:
        rows = [_with_anchor(item, kind, spans) for item in doc.get(key) or []]
        for row in rows:
            row["edited"] = f"{kind.replace('_line', '')}:{row['code']}" in edited
            if kind == "task":
                _task_agencies(row, draft, chosen)
        lists.append({"key": key, "kind": kind, "title": title, "rows": rows})
    kinds = {s["code"]: s["kind"] for s in draft["spans"]}
    findings = []
    for finding in draft["findings"]:
        where = kinds.get(finding["location"])
        target = anchor(where, finding["location"]) if where else ""
        findings.append({**finding, "anchor": target, "is_item": bool(where and where != "section")})
    return {
        "lists": lists,
        "sections": [
            {**_with_anchor(dict(s), "section", spans), "summary": s.get("title") or s.get("text") or ""}
            for s in doc["sections"]
        ],
        "findings": findings,
        "undecided": undecided(draft),
        "agency_rows": [
            {**a, "uses_text": ", ".join(str(USE_LABELS.get(u, u)) for u in a["uses"])}
            for a in draft["agencies"]
        ],
    }


def _task_agencies(row: dict[str, Any], draft: Draft, chosen: dict[str, str]) -> None:
    """`lead_shown`/`coordinating_shown`: the names as written with the agency decided for each."""
    manual = draft["task_agencies"].get(row["code"])
    if manual is not None:
        row["lead_shown"] = manual["lead"] or "—"
        row["coordinating_shown"] = ", ".join(manual["coordinating"])
        row["manual"] = True
        return
    lead = row.get("lead")
    row["lead_shown"] = f"{lead} → {_choice_label(chosen.get(lead, ''))}" if lead else ""
    row["coordinating_shown"] = "; ".join(
        f"{name} → {_choice_label(chosen.get(name, ''))}" for name in row.get("coordinating") or []
    )
