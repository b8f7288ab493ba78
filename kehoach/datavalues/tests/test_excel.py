"""The Excel template and its upload: pre-filled, protected, versioned; dry run then commit."""

import io
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kehoach.audit.choices import Channel
from kehoach.datavalues.excel.layout import TEMPLATE_VERSION
from kehoach.datavalues.models import DataValue, DataValueAudit
from kehoach.datavalues.services import SYSTEM, save_data_values
from kehoach.datavalues.tests.excel_helpers import SHEET, edit, fill, row_of, template
from kehoach.datavalues.tests.helpers import PERIOD, open_round, row
from kehoach.spreadsheets.tests.builders import wps_dimension
from kehoach.testing.libreoffice import needs_libreoffice

pytestmark = pytest.mark.django_db
API = "/api/v1/dataValueSets/excel"


def upload(user, data, dry_run=False, code="XA-NAM"):
    c = Client()
    c.force_login(user)
    query = f"?dataSet={code}" + ("&dryRun=true" if dry_run else "")
    return c.post(API + query, {"file": io.BytesIO(data)}, format="multipart")


def test_template_is_prefilled_protected_validated_and_versioned(xa, opened):
    open_round(xa, "2023")
    save_data_values(
        actor=SYSTEM,
        data_set=xa,
        rows=[row(1, "DS_TONG", 4321, period="2023")],
        channel=Channel.CLI,
        today=None,
    )
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 4400)], channel=Channel.CLI)
    data = template()
    book = load_workbook(io.BytesIO(data))
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]][:4] == ["Mã đơn vị", "Tên đơn vị", "Kỳ", "Mã số liệu"]
    n = row_of(data, "DS_TONG")
    assert (sheet[f"I{n}"].value, sheet[f"J{n}"].value, sheet[f"L{n}"].value) == (4321, 4400, 1)
    assert sheet.protection.sheet and book.security.lockStructure
    assert sheet[f"J{n}"].protection.locked is False and sheet[f"D{n}"].protection.locked is True
    assert sheet.column_dimensions["L"].hidden
    assert any("J" in str(v.sqref) for v in sheet.data_validations.dataValidation)
    meta = book["_mau"]
    assert meta.sheet_state == "veryHidden" and meta["B1"].value == TEMPLATE_VERSION


def test_unchanged_template_imports_as_unchanged_and_writes_nothing(xa, personas, opened):
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 4400)], channel=Channel.CLI)
    body = upload(personas.commune, template(user=personas.commune)).json()
    assert body["importCount"]["unchanged"] == body["received"] and body["importCount"]["rejected"] == 0
    assert DataValueAudit.objects.count() == 1


def test_dry_run_then_commit(personas, opened):
    data = fill(template(user=personas.commune), {"DS_TONG": 500, "DS_DTTS": "400", "TN_DTTS": "1.234,5"})
    preview = upload(personas.commune, data, dry_run=True).json()
    assert (
        preview["status"] == "SUCCESS"
        and preview["importCount"]["created"] == 3
        and not DataValue.objects.exists()
    )
    body = upload(personas.commune, data).json()
    assert body["committed"] and body["importCount"] == preview["importCount"]
    assert str(DataValue.objects.get(element__code="TN_DTTS").value.normalize()) == "1234.5"
    assert set(DataValueAudit.objects.values_list("channel", flat=True)) == {"import"}


def test_every_error_names_sheet_row_column_and_reason(personas, opened):
    data = template(user=personas.commune)
    n = row_of(data, "DS_TONG")
    data = edit(data, {f"J{n}": "1,234.5", f"J{n + 1}": 50})
    body = upload(personas.commune, data).json()
    assert body["status"] == "ERROR" and not DataValue.objects.exists()
    messages = [c["message"] for c in body["conflicts"]]
    assert any(
        m.startswith(f"Trang “Số liệu”, dòng {n}, cột J (Giá trị): “1,234.5” không phải là số hợp lệ")
        for m in messages
    )


def test_rule_problems_from_the_service_are_located_too(personas, opened):
    data = fill(template(user=personas.commune), {"DS_TONG": 100, "DS_DTTS": 120})
    body = upload(personas.commune, data).json()
    n = row_of(data, "DS_DTTS")
    assert any(
        c["message"].startswith(f"Trang “Số liệu”, dòng {n}, cột J (Giá trị): ") and "lớn hơn" in c["message"]
        for c in body["conflicts"]
    )


def test_stale_file_is_a_conflict(xa, personas, opened):
    data = fill(template(user=personas.commune), {"DS_TONG": 500})
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 450)], channel=Channel.CLI)
    response = upload(personas.commune, data)
    assert response.status_code == 409 and "người khác sửa (nay là 450)" in str(response.json()["conflicts"])


def test_file_saved_by_wps_with_a_wrong_dimension_reads_every_row(personas, opened):
    data = fill(template(user=personas.commune), {"DS_TONG": 500, "DS_DTTS": 400})
    rows_in_file = load_workbook(io.BytesIO(data))[SHEET].max_row - 1
    body = upload(personas.commune, wps_dimension(data), dry_run=True).json()
    assert body["importCount"]["created"] == 2 and body["received"] == rows_in_file > 90


# CI installs LibreOffice (scripts/setup.sh --test), so there the round trip must run.
@needs_libreoffice
def test_file_resaved_by_libreoffice_reads_correctly(personas, opened, tmp_path):
    data = fill(template(user=personas.commune), {"DS_TONG": 500, "TN_DTTS": 12.5})
    source = tmp_path / "in.xlsx"
    source.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    body = upload(personas.commune, (tmp_path / "out" / "in.xlsx").read_bytes(), dry_run=True).json()
    assert body["status"] == "SUCCESS", body["conflicts"][:3]
    assert body["importCount"]["created"] == 2


def test_commune_officer_gets_one_template_for_all_its_villages(personas, ban, village, opened):
    data = template("BAN-NAM", user=personas.commune)
    units = {r[0] for r in load_workbook(io.BytesIO(data))[SHEET].iter_rows(min_row=2, values_only=True)}
    assert units == {village.key}


def test_web_pages_download_and_upload(personas, commune, opened):
    c = Client()
    c.force_login(personas.commune)
    response = c.get(reverse("datavalues:excel-template", args=["XA-NAM", commune.pk, PERIOD]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith(
        'attachment; filename="mau-XA-NAM-2024-gso-legacy_03433'
    )
    data = fill(response.content, {"DS_TONG": 700})
    page = c.post(
        reverse("datavalues:excel-upload", args=["XA-NAM"]), {"file": io.BytesIO(data), "action": "dry_run"}
    )
    assert page.status_code == 200 and "Chạy thử" in page.content.decode() and not DataValue.objects.exists()
    preview = page.content.decode()
    assert "<td>Thêm mới</td>" in preview and "<td>created</td>" not in preview  # outcomes in Vietnamese
    page = c.post(
        reverse("datavalues:excel-upload", args=["XA-NAM"]),
        {"file": io.BytesIO(data), "action": "commit"},
        follow=True,
    )
    assert "Đã ghi: 1 giá trị mới" in page.content.decode()


def test_outsider_cannot_download_a_template_of_another_district(personas, commune, opened):
    c = Client()
    c.force_login(personas.outsider_owner)
    assert c.get(reverse("datavalues:excel-template", args=["XA-NAM", commune.pk, PERIOD])).status_code == 404


@pytest.mark.parametrize("state", ["approved", "submitted", "closed"])
def test_locked_or_closed_period_refuses_the_excel_path_too(xa, personas, opened, state):
    from kehoach.datavalues.models import Submission
    from kehoach.indicators.models import ReportingRound

    data = fill(template(user=personas.commune), {"DS_TONG": 500})
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "BAN_TONG", 5)], channel=Channel.CLI)
    if state == "closed":
        ReportingRound.objects.filter(data_set=xa, period=PERIOD).update(
            opens_on="2023-12-15", due_on="2024-12-20", closes_on="2025-01-31"
        )
    else:
        Submission.objects.filter(data_set=xa).update(status=state)
    response = upload(personas.commune, data)
    assert response.status_code == 409
    assert ("khóa sổ" if state == "closed" else "khóa") in response.json()["conflicts"][0]["message"]
    assert not DataValue.objects.filter(element__code="DS_TONG").exists()
