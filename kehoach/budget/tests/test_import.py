"""Excel import: dry run then all-or-nothing commit; every hostile or broken input is refused with a
located Vietnamese message, a 4xx answer and nothing written."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kehoach.audit.models import AuditEvent
from kehoach.budget.excel_format import (
    ALLOCATION_COLUMNS,
    ALLOCATION_SHEET,
    DISBURSEMENT_COLUMNS,
    DISBURSEMENT_SHEET,
)
from kehoach.budget.exporting import export_money
from kehoach.budget.importing import analyse, run_import
from kehoach.budget.models import Allocation, Disbursement
from kehoach.core.exceptions import PermissionDenied, ValidationFailed
from kehoach.spreadsheets.tests.builders import (
    sheet_xml,
    uncached_formula,
    with_doctype,
    wps_dimension,
    xlsx,
    zip_bomb,
)

A_HEAD = [c.header for c in ALLOCATION_COLUMNS if not c.informative]
D_HEAD = [c.header for c in DISBURSEMENT_COLUMNS if not c.informative]


def a_row(plan_obj, unit, **kw: Any) -> list[Any]:
    values = {
        "plan": plan_obj.code,
        "programme": "CTMTQG-DTTS",
        "component": "DA1",
        "source": "Ngân sách Trung ương",
        "kind": "Vốn đầu tư",
        "year": 2024,
        "commune": unit.key if unit else "",
        "agency": "",
        "decision_number": "5/QĐ-UBND",
        "carried_from_year": None,
        "decision_date": "15/01/2024",
        "amount": 500,
        "note": "",
    } | kw
    return [values[c.key] for c in ALLOCATION_COLUMNS if not c.informative]


def d_row(plan, commune, **kw: Any) -> list[Any]:
    base = dict(
        zip([c.key for c in ALLOCATION_COLUMNS if not c.informative], a_row(plan, commune), strict=True)
    )
    values = base | {"date": "20/03/2024", "amount": "120,5", "reference": "UNC 12", "note": ""} | kw
    return [values[c.key] for c in DISBURSEMENT_COLUMNS if not c.informative]


def book(allocations: list[list[Any]], disbursements: list[list[Any]] | None = None) -> bytes:
    sheets = {ALLOCATION_SHEET: [A_HEAD, *allocations]}
    if disbursements is not None:
        sheets[DISBURSEMENT_SHEET] = [D_HEAD, *disbursements]
    return xlsx(sheets)


def counts(report) -> tuple[dict[str, int], dict[str, int]]:
    c = report.counts()
    return c[ALLOCATION_SHEET], c[DISBURSEMENT_SHEET]


def test_dry_run_previews_then_commit_writes_everything(personas, seed_plan, allocation, commune):
    existing = a_row(
        seed_plan,
        commune,
        year=2023,
        decision_number="12/QĐ-UBND",
        decision_date="",
        amount="1.250",
        component="",
    )
    data = book(
        [a_row(seed_plan, commune), existing],
        [d_row(seed_plan, commune), d_row(seed_plan, commune, reference="UNC 13")],
    )
    before = (Allocation.objects.count(), Disbursement.objects.count())
    preview = run_import(actor=personas.finance, plan=seed_plan, data=data, commit=False)
    allocations, disbursements = counts(preview)
    assert (allocations["created"], allocations["updated"], disbursements["created"]) == (1, 1, 2), (
        preview.errors()
    )
    assert (Allocation.objects.count(), Disbursement.objects.count()) == before  # a dry run writes nothing
    done = run_import(actor=personas.finance, plan=seed_plan, data=data, commit=True)
    assert counts(done) == counts(preview)
    allocation.refresh_from_db()
    assert allocation.amount_million_vnd == Decimal("1250")
    assert Disbursement.objects.filter(reference="UNC 12").get().amount_million_vnd == Decimal("120.5")
    assert AuditEvent.objects.filter(channel="import", action="budget.disbursement.create").count() == 2
    again = run_import(actor=personas.finance, plan=seed_plan, data=data, commit=False)
    assert counts(again)[0]["unchanged"] == 2 and counts(again)[1]["unchanged"] == 2


def test_an_export_imports_back_unchanged(personas, seed_plan, allocation):
    report = analyse(
        actor=personas.finance, plan=seed_plan, data=export_money(plan=seed_plan, user=personas.finance)
    )
    assert report.ok, report.errors()
    assert counts(report)[0] == {"created": 0, "updated": 0, "unchanged": 1, "rejected": 0}


def test_every_row_of_a_wps_file_is_read(personas, seed_plan, commune):
    rows = [a_row(seed_plan, commune, decision_number=f"{i}/QĐ-UBND") for i in range(30)]
    report = analyse(actor=personas.finance, plan=seed_plan, data=wps_dimension(book(rows)))
    assert counts(report)[0]["created"] == 30


def test_nfd_text_and_vietnamese_numbers_as_text_are_read_exactly(personas, seed_plan, allocation, commune):
    nfd = unicodedata.normalize("NFD", "12/QĐ-UBND")
    row = a_row(
        seed_plan,
        commune,
        year=2023,
        decision_number=nfd,
        source=unicodedata.normalize("NFD", "NSTW"),
        component="",
        decision_date="",
        amount="1.000,000",
    )
    report = analyse(actor=personas.finance, plan=seed_plan, data=book([row]))
    assert counts(report)[0]["unchanged"] == 1, report.errors()


def test_control_characters_in_a_note_are_removed_and_reported(personas, seed_plan, commune):
    data = sheet_xml(
        book([a_row(seed_plan, commune, note="Ghi@@chú")]), lambda x: x.replace(b"@@", b"_x000B_")
    )
    report = run_import(actor=personas.finance, plan=seed_plan, data=data, commit=True)
    assert Allocation.objects.get(decision_number="5/QĐ-UBND").note == "Ghichú"
    assert any(
        "ký tự điều khiển" in p.message and p.severity == "warning" for r in report.rows for p in r.problems
    )


def _hostile(seed_plan, commune, other_commune) -> dict[str, tuple[bytes, str]]:
    good = book([a_row(seed_plan, commune)])
    return {
        "zip bomb": (zip_bomb(), "bom nén"),
        "xxe": (with_doctype(good), "DOCTYPE/ENTITY"),
        "html named xlsx": (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "HTML"),
        "formula without value": (
            uncached_formula(good, "L2"),
            "Trang “Giao vốn”, dòng 2, cột L: ô có công thức chưa được tính",
        ),
        "english number": (
            book([a_row(seed_plan, commune, amount="1,234.5")]),
            "dòng 2, cột L: “1,234.5” không phải là số hợp lệ",
        ),
        "control char in a code": (
            sheet_xml(good, lambda x: x.replace(b"CTMTQG-DTTS", b"CTMTQG-DTTS_x0000_")),
            "cột B: ô chứa ký tự điều khiển",
        ),
        "out of scope commune": (
            book([a_row(seed_plan, other_commune)]),
            "nằm ngoài phạm vi của bạn; dòng bị từ chối",
        ),
        "same key twice": (
            book([a_row(seed_plan, commune), a_row(seed_plan, commune, amount=7)]),
            "dòng 3: trùng với dòng 2",
        ),
        "another plan": (book([a_row(seed_plan, commune, plan="KH-KHAC")]), "không phải kế hoạch đang nhập"),
        "missing header": (xlsx({ALLOCATION_SHEET: [A_HEAD[:5]]}), "thiếu cột “Năm”"),
        "unknown commune": (
            book([a_row(seed_plan, None, commune="99999")]),
            "không có đơn vị hành chính mã “99999”",
        ),
        "negative amount": (book([a_row(seed_plan, commune, amount=-5)]), "không được âm"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "zip bomb",
        "xxe",
        "html named xlsx",
        "formula without value",
        "english number",
        "control char in a code",
        "out of scope commune",
        "same key twice",
        "another plan",
        "missing header",
        "unknown commune",
        "negative amount",
    ],
)
def test_hostile_or_broken_files_are_refused_with_a_clear_message_and_nothing_written(
    personas, seed_plan, commune, case, request
):
    from kehoach.orgunits.models import OrgUnit

    outsider = (
        OrgUnit.objects.filter(level__code="commune")
        .exclude(parent_links__parent=seed_plan.admin_unit)
        .order_by("key")
        .first()
    )
    data, words = _hostile(seed_plan, commune, outsider)[case]
    client = Client()
    client.force_login(personas.finance)
    before = (Allocation.objects.count(), Disbursement.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("budget:import", args=[seed_plan.code]), {"file": SimpleUploadedFile("giao-von.xlsx", data)}
    )
    assert response.status_code == 400
    assert words in response.content.decode(), response.content.decode()[-3000:]
    with pytest.raises(ValidationFailed):
        run_import(actor=personas.finance, plan=seed_plan, data=data, commit=True)
    assert (Allocation.objects.count(), Disbursement.objects.count(), AuditEvent.objects.count()) == before


def test_an_out_of_scope_row_is_counted_as_rejected_not_skipped(personas, seed_plan, commune):
    from kehoach.orgunits.models import OrgUnit

    outsider = (
        OrgUnit.objects.filter(level__code="commune")
        .exclude(parent_links__parent=seed_plan.admin_unit)
        .first()
    )
    report = analyse(
        actor=personas.finance,
        plan=seed_plan,
        data=book([a_row(seed_plan, commune), a_row(seed_plan, outsider)]),
    )
    assert counts(report)[0] == {"created": 1, "updated": 0, "unchanged": 0, "rejected": 1}


def test_the_page_previews_then_commits_the_same_file(personas, seed_plan, commune):
    client = Client()
    client.force_login(personas.finance)
    url = reverse("budget:import", args=[seed_plan.code])
    preview = client.post(url, {"file": SimpleUploadedFile("a.xlsx", book([a_row(seed_plan, commune)]))})
    assert preview.status_code == 200 and not Allocation.objects.filter(decision_number="5/QĐ-UBND").exists()
    token = preview.context["token"]
    done = client.post(url, {"token": token})
    assert done.status_code == 302 and Allocation.objects.filter(decision_number="5/QĐ-UBND").exists()
    assert client.post(url, {"token": token}).status_code == 400  # a preview is committed once


def test_only_the_finance_office_imports(personas, seed_plan, commune):
    with pytest.raises(PermissionDenied):
        run_import(actor=personas.owner, plan=seed_plan, data=book([a_row(seed_plan, commune)]), commit=False)
    client = Client()
    client.force_login(personas.viewer)
    response = client.post(
        reverse("budget:import", args=[seed_plan.code]), {"file": SimpleUploadedFile("a.xlsx", b"x")}
    )
    assert response.status_code == 403


def test_the_export_is_safe_and_labels_demo_rows(personas, seed_plan, allocation):
    import io

    import openpyxl

    allocation.note = '=HYPERLINK("http://x","bấm")'
    allocation.is_demo = True
    allocation.save()
    sheet = openpyxl.load_workbook(io.BytesIO(export_money(plan=seed_plan, user=personas.viewer)))[
        ALLOCATION_SHEET
    ]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(c.value == "Có (dữ liệu minh họa)" for c in cells)
