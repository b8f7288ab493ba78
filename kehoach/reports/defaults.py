"""A new report's Decree 30 parts, proposed from the plan's data (the officer may change them).

Nothing here names a place or a body: the issuer is the plan's issuer, the drafting office and the
recipients come from the plan's reporting obligations, the signer from the plan's own signature.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from kehoach.agencies.choices import AgencyKind
from kehoach.agencies.models import Agency
from kehoach.core.exceptions import ValidationFailed
from kehoach.plans.models import Obligation, Plan
from kehoach.reports.choices import ReportKind

PEOPLE_COMMITTEE = "ủy ban nhân dân"
PLACE_WORDS = ("thành phố", "thị xã", "thị trấn", "huyện", "tỉnh", "xã", "phường", "quận", "đặc khu")
OBLIGATION_OF = {
    ReportKind.ANNUAL: "annual_report",
    ReportKind.MIDTERM_REVIEW: "midterm_review",
    ReportKind.FINAL_REVIEW: "final_review",
}


def abbreviation(agency: Agency) -> str:
    """The issuer part of a symbol: "UBND" for a people's committee, else the initials of the name
    before its place ("Phòng Dân tộc huyện …" -> "PDT", "Ban Dân tộc tỉnh …" -> "BDT")."""
    if agency.kind == AgencyKind.PEOPLE_COMMITTEE:
        return "UBND"
    words = []
    for word in agency.name.split():
        if word.lower() in PLACE_WORDS or word.lower() in ("thành", "thị", "đặc"):
            break
        words.append(word[0].upper())
    return "".join(words) or agency.code.upper()


def _without_place(name: str, parent: str) -> str:
    lowered = name.lower()
    for word in PLACE_WORDS:
        at = lowered.find(f" {word} ")
        if at > 0 and name[at + 1 :].lower() in parent.lower():
            return name[:at]
    return name


def bodies(agency: Agency) -> tuple[str, str]:
    """(parent body, issuing body) of the header block, in capitals (Decree 30, Phụ lục I)."""
    if agency.name.lower().startswith(PEOPLE_COMMITTEE + " "):
        return PEOPLE_COMMITTEE.upper(), agency.name[len(PEOPLE_COMMITTEE) + 1 :].upper()
    parent = agency.parent
    if parent is None:
        return "", agency.name.upper()
    return (parent.short_name or parent.name).upper(), _without_place(agency.name, parent.name).upper()


def place_of(plan: Plan, agency: Agency) -> str:
    if plan.place and (agency.admin_unit_id == plan.admin_unit_id or agency.pk == plan.issuer_id):
        return plan.place
    name = agency.admin_unit.name if agency.admin_unit else plan.place
    for word in PLACE_WORDS:
        if name.lower().startswith(word + " "):
            return name[len(word) + 1 :]
    return name


def subject(plan: Plan, kind: str, year: int) -> str:
    title = plan.title[:1].lower() + plan.title[1:]
    if kind == ReportKind.ANNUAL:
        return _("Kết quả thực hiện Kế hoạch {title} năm {year}").format(title=title, year=year)
    if kind == ReportKind.MIDTERM_REVIEW:
        return _("Sơ kết {n} năm thực hiện Kế hoạch {title}, giai đoạn {start} - {year}").format(
            n=year - plan.period_start + 1, title=title, start=plan.period_start, year=year
        )
    return _("Tổng kết thực hiện Kế hoạch {title}, giai đoạn {start} - {year}").format(
        title=title, start=plan.period_start, year=year
    )


def default_year(plan: Plan, kind: str, today: dt.date) -> int:
    if kind == ReportKind.ANNUAL:
        return min(max(today.year, plan.period_start), plan.period_end)
    obligation = plan.obligations.filter(kind=OBLIGATION_OF[ReportKind(kind)], due_year__isnull=False).first()
    if obligation is not None and obligation.due_year is not None:
        return obligation.due_year
    return plan.period_end if kind == ReportKind.FINAL_REVIEW else (plan.period_start + plan.period_end) // 2


def cut_off(year: int, today: dt.date) -> dt.date:
    """Decree 09/2019's annual window ends on 14/12; a report written before that counts to today."""
    return min(dt.date(year, 12, 14), today)


def _obligation(plan: Plan, kind: str) -> Obligation | None:
    found = plan.obligations.filter(kind=OBLIGATION_OF[ReportKind(kind)]).select_related("agency").first()
    return found or plan.obligations.filter(kind="annual_report").select_related("agency").first()


def _recipients(plan: Plan, kind: str) -> list[str]:
    for obligation_kind in (OBLIGATION_OF[ReportKind(kind)], "annual_report"):
        found = plan.obligations.filter(kind=obligation_kind).first()
        if found is not None and found.recipients.exists():
            return [a.short_name or a.name for a in found.recipients.order_by("name")]
    return []


def defaults(*, plan: Plan, kind: str, year: int) -> dict[str, Any]:
    """Field values of a new report (kehoach.reports.models.Report)."""
    obligation = _obligation(plan, kind)
    issuer = plan.issuer or (obligation.agency if obligation else None)
    if issuer is None:
        raise ValidationFailed(_("Kế hoạch chưa có cơ quan ban hành nên chưa lập được báo cáo."))
    drafter = obligation.agency if obligation and obligation.agency_id != issuer.pk else None
    parent_body, issuing_body = bodies(issuer)
    signer: dict[str, Any] = (
        plan.signer if plan.issuer_id == issuer.pk and isinstance(plan.signer, dict) else {}
    )
    lines = [str(signer[k]) for k in ("authority", "deputy_prefix", "title") if signer.get(k)]
    archive = _("Lưu: VT") + (f", {abbreviation(drafter)}" if drafter else "")
    return {
        "issuer": issuer,
        "drafter": drafter,
        "symbol": f"BC-{abbreviation(issuer)}",
        "parent_body": parent_body,
        "issuing_body": issuing_body,
        "place": place_of(plan, issuer),
        "subject": subject(plan, kind, year),
        "recipients": _recipients(plan, kind),
        "archive": archive + ".",
        "signer_lines": lines,
        "signer_name": str(signer.get("name", "")),
    }
