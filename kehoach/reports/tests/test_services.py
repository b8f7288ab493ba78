"""Drafts, edits, issuing, numbering, frozen figures and "what changed", on the seed plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from django.db.models import F, Sum
from docx import Document

from kehoach.analytics.services import target_progress
from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.core.exceptions import Conflict, NotFound, PermissionDenied, ValidationFailed
from kehoach.core.formatting import vn_date_long, vn_number
from kehoach.reports import selectors, services
from kehoach.reports.models import Report

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _edit(report: Report, **changes: object) -> services.ReportEdit:
    base = services.ReportEdit(
        as_of=report.as_of,
        subject=report.subject,
        place=report.place,
        symbol=report.symbol,
        parent_body=report.parent_body,
        issuing_body=report.issuing_body,
        recipients=list(report.recipients),
        archive=report.archive,
        signer_lines=list(report.signer_lines),
        signer_name=report.signer_name,
        sections=dict(report.sections),
    )
    return dataclasses.replace(base, **changes)


def test_draft_takes_issuer_recipients_and_signer_from_the_plan_data(draft, seed_plan):
    assert draft.issuer == seed_plan.issuer and draft.symbol == "BC-UBND"
    assert draft.place == seed_plan.place
    assert draft.signer_name == seed_plan.signer["name"]
    names = {a.short_name or a.name for a in seed_plan.obligations.get(kind="annual_report").recipients.all()}
    assert set(draft.recipients) == names
    assert draft.archive.startswith("Lưu: VT, ")
    assert draft.status == "draft" and draft.number is None and draft.data is None
    assert set(draft.sections) == {"results", "tasks", "budget", "difficulties", "proposals"}
    event = AuditEvent.objects.get(action="reports.report.create", object_id=str(draft.pk))
    assert event.changes["year"] == 2024


def test_only_the_plan_owner_drafts_and_outsiders_do_not_see_the_plan(seed_plan, personas):
    with pytest.raises(PermissionDenied):
        services.create_report(
            actor=personas.viewer, plan=seed_plan, kind="annual", year=2024, channel=Channel.WEB
        )
    with pytest.raises(NotFound):
        services.create_report(
            actor=personas.outsider_owner, plan=seed_plan, kind="annual", year=2024, channel=Channel.WEB
        )
    with pytest.raises(ValidationFailed):
        services.create_report(
            actor=personas.owner, plan=seed_plan, kind="annual", year=2035, channel=Channel.WEB
        )
    with pytest.raises(ValidationFailed, match="sau hôm nay"):
        services.create_report(
            actor=personas.owner,
            plan=seed_plan,
            kind="annual",
            year=2030,
            as_of=dt.date(2099, 1, 1),
            channel="web",
        )


def test_edits_are_audited_and_control_characters_are_refused(draft, personas):
    services.update_report(
        actor=personas.owner,
        report=draft,
        edit=_edit(draft, sections={**draft.sections, "difficulties": "Thiếu cán bộ."}),
        channel=Channel.WEB,
    )
    draft.refresh_from_db()
    assert draft.sections["difficulties"] == "Thiếu cán bộ."
    event = AuditEvent.objects.get(action="reports.report.update", object_id=str(draft.pk))
    assert "sections" in event.changes
    with pytest.raises(ValidationFailed, match="ký tự điều khiển"):
        services.update_report(
            actor=personas.owner, report=draft, edit=_edit(draft, subject="Báo cáo\x0b"), channel=Channel.WEB
        )


def test_issuing_numbers_per_issuer_and_year_and_locks_the_report(seed_plan, personas):
    made = [
        services.create_report(
            actor=personas.owner, plan=seed_plan, kind=kind, year=year, channel=Channel.WEB
        )
        for kind, year in (("annual", 2023), ("annual", 2024), ("midterm_review", 2025))
    ]
    first = services.issue_report(
        actor=personas.owner, report=made[0], issued_on=dt.date(2024, 1, 5), channel="web"
    )
    second = services.issue_report(
        actor=personas.owner, report=made[1], issued_on=dt.date(2025, 1, 6), channel="web"
    )
    third = services.issue_report(
        actor=personas.owner, report=made[2], issued_on=dt.date(2025, 12, 20), channel="web"
    )
    assert (first.number_text, second.number_text, third.number_text) == (
        "01/BC-UBND",
        "01/BC-UBND",
        "02/BC-UBND",
    )
    assert AuditEvent.objects.filter(action="reports.report.issue").count() == 3
    with pytest.raises(Conflict):
        services.update_report(actor=personas.owner, report=second, edit=_edit(second), channel=Channel.WEB)
    with pytest.raises(Conflict):
        services.issue_report(actor=personas.owner, report=second, channel=Channel.WEB)
    text = _text(selectors.render_docx(second, reader=personas.owner))
    assert "Số: 01/BC-UBND" in text
    assert f"{second.place}, {vn_date_long(dt.date(2025, 1, 6))}" in text


def test_issued_report_keeps_its_figures_after_later_edits_and_shows_what_changed(demo, draft, personas):
    from kehoach.budget.models import Allocation, Disbursement

    issued = services.issue_report(
        actor=personas.owner, report=draft, issued_on=dt.date(2024, 12, 20), channel="web"
    )
    before = _text(selectors.render_docx(issued, reader=personas.owner))
    # Figures against the data: the plan's money to date, summed independently of the report code.
    allocated = Allocation.objects.filter(
        plan=demo, year__lte=2024, carried_from_year__isnull=True
    ).aggregate(s=Sum("amount_million_vnd"))["s"]
    assert f"vốn giao {vn_number(allocated)} triệu đồng" in issued.sections["budget"]
    progress = target_progress(demo, None, issued.as_of)
    row = next(r for r in progress.rows if r.judgement.baseline is not None)
    baseline = f"{vn_number(row.judgement.baseline.value, row.decimals)} ({row.judgement.baseline.year})"
    table = Document(io.BytesIO(selectors.render_docx(issued, reader=personas.owner))).tables[-1]
    line = next(r for r in table.rows if r.cells[1].text.startswith(f"{row.target.code}."))
    assert line.cells[5].text == baseline

    Disbursement.objects.filter(allocation__plan=demo).update(amount_million_vnd=F("amount_million_vnd") * 2)
    demo.targets.filter(code=row.target.code).update(value=F("value") + 1)

    issued.refresh_from_db()
    assert _text(selectors.render_docx(issued, reader=personas.owner)) == before
    changes = selectors.what_changed(issued, reader=personas.owner)
    fields = {(c.item, c.field) for c in changes}
    assert ("Nguồn lực (triệu đồng)", "Giải ngân lũy kế") in fields
    assert any(item.startswith(f"{row.target.code}.") and field == "Mục tiêu" for item, field in fields)


@pytest.mark.parametrize(
    ("kind", "year", "number", "extension", "expected"),
    [
        ("annual", 2024, None, "docx", "bao-cao-nam-2024-du-thao.docx"),
        ("midterm_review", 2025, 3, "pdf", "bao-cao-so-ket-2025-03.pdf"),
        ("final_review", 2030, None, "docx", "bao-cao-tong-ket-2030-du-thao.docx"),
        ("annual", 2024, 1, "xlsx", "bieu-chi-tieu-2024-01.xlsx"),
        ("final_review", 2030, 2, "xlsx", "bieu-chi-tieu-tong-ket-2030-02.xlsx"),
    ],
)
def test_download_names_are_vietnamese_without_diacritics(kind, year, number, extension, expected):
    assert selectors.file_name(Report(kind=kind, year=year, number=number), extension) == expected


def test_the_report_lists_every_stated_source_and_marks_parts_that_do_not_add_up(demo, draft, personas):
    money = selectors.data_of(draft, reader=personas.owner).money
    assert money, "the demo allocates money"
    flagged = [m.label for m in money if m.parts_differ]
    assert flagged == ["Ngân sách Trung ương"]  # 884.799 + 327.963 is not the stated 1.257.762
    top = [i for i, m in enumerate(money) if m.depth == 0]
    for n, start in enumerate(top):
        end = top[n + 1] if n + 1 < len(top) else len(money)
        parts = [m.planned for m in money[start + 1 : end] if m.planned is not None]
        if parts and money[start].planned is not None:
            assert sum(parts) == money[start].planned, money[start].label
