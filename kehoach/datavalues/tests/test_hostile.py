"""Hostile and broken input (reliability.md §6.1, issue #3 item 8), through Excel and the API: each
gets a clear Vietnamese message and a 4xx, and nothing is written. Bombs are bounded in memory."""

import io
import json
import re
import tracemalloc
import unicodedata

import pytest
from django.test import Client

from kehoach.audit.models import AuditEvent
from kehoach.datavalues.models import DataValue
from kehoach.datavalues.tests.excel_helpers import edit, fill, row_of, template
from kehoach.spreadsheets.tests.builders import rewrite, uncached_formula, with_doctype, xlsx, zip_bomb

pytestmark = pytest.mark.django_db
EXCEL = "/api/v1/dataValueSets/excel?dataSet=XA-NAM"
JSON = "/api/v1/dataValueSets"


@pytest.fixture
def officer(personas, opened):
    c = Client()
    c.force_login(personas.commune)
    return c


@pytest.fixture
def base(personas, opened):
    return template(user=personas.commune)


def send(client, data):
    return client.post(EXCEL, {"file": io.BytesIO(data)}, format="multipart")


def refused(response, status, *fragments):
    text = json.dumps(response.json(), ensure_ascii=False)
    assert response.status_code == status, text[:500]
    for fragment in fragments:
        assert fragment in text, text[:800]
    assert not DataValue.objects.exists() and not AuditEvent.objects.filter(action="datavalues.save").exists()


def test_zip_bomb_is_refused_before_parsing_with_bounded_memory(officer):
    bomb = zip_bomb()
    tracemalloc.start()
    response = send(officer, bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    refused(response, 400, "bom nén")
    assert peak < 40 * 1024 * 1024  # the 60 MB of XML was never expanded


def test_xml_external_entity_is_refused(officer, base):
    refused(send(officer, with_doctype(base)), 400, "DOCTYPE/ENTITY")


def test_entity_declaration_in_the_workbook_part_is_refused(officer, base):
    refused(send(officer, with_doctype(base, part="xl/workbook.xml")), 400, "tấn công XML")


def test_formula_without_cached_value_is_refused_with_its_cell(officer, base):
    n = row_of(base, "DS_TONG")
    refused(
        send(officer, uncached_formula(base, ref=f"J{n}")),
        400,
        f"dòng {n}, cột J",
        "công thức chưa được tính",
    )


def test_error_cell_is_refused(officer, base):
    n = row_of(base, "DS_TONG")
    data = edit(base, {f"J{n}": 7})
    pattern = rb'<c r="J' + str(n).encode() + rb'"[^>]*?(/>|>.*?</c>)'
    error = b'<c r="J' + str(n).encode() + b'" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    data = rewrite(
        data, lambda name, d: re.sub(pattern, error, d, count=1) if name.endswith("sheet1.xml") else d
    )
    refused(send(officer, data), 400, f"dòng {n}, cột J", "#DIV/0!")


@pytest.mark.parametrize("text", ["1,234.5", "12%", "(1.000)", "1E+05", "'123", "mười"])
def test_ambiguous_numbers_as_text_are_refused_never_guessed(officer, base, text):
    refused(send(officer, fill(base, {"TN_DTTS": text})), 409, "cột J (Giá trị)")


def test_numbers_written_the_vietnamese_way_are_read_exactly(officer, base):
    response = send(officer, fill(base, {"TN_DTTS": "1.234,5", "DS_TONG": "1.500", "DS_DTTS": 1200}))
    assert response.status_code == 200
    assert DataValue.objects.get(element__code="TN_DTTS").value == 1234.5
    assert DataValue.objects.get(element__code="DS_TONG").value == 1500


def test_nfd_text_is_stored_as_nfc(officer, base):
    comment = unicodedata.normalize("NFD", "Điều tra lại số hộ")
    data = edit(
        fill(base, {"DS_TONG": 10}),
        {f"K{row_of(base, 'DS_TONG')}": comment, "A1": unicodedata.normalize("NFD", "Mã đơn vị")},
    )
    assert send(officer, data).status_code == 200
    stored = DataValue.objects.get(element__code="DS_TONG").comment
    assert stored == unicodedata.normalize("NFC", comment) and stored != comment


@pytest.mark.parametrize(("column", "value"), [("D", "DS_TONGQQVT"), ("K", "ghi chú QQVT dán từ Word")])
def test_control_characters_are_refused(officer, base, column, value):
    n = row_of(base, "DS_TONG")
    data = edit(fill(base, {"DS_TONG": 10}), {f"{column}{n}": value})
    # openpyxl refuses to write \x0b, so patch the XML the way Excel stores a Shift+Enter pasted from Word.
    data = rewrite(
        data,
        lambda name, d: (
            d.replace(b"QQVT", b"_x000B_") if name.endswith(("sharedStrings.xml", "sheet1.xml")) else d
        ),
    )
    refused(send(officer, data), 409, "ký tự điều khiển")


def test_old_template_version_is_refused_with_a_clear_message(officer, base):
    refused(
        send(officer, edit(base, {"B1": 1}, sheet_name="_mau")),
        400,
        "mẫu nhập số liệu cũ (phiên bản 1)",
        "tải mẫu mới",
    )


def test_a_plain_workbook_is_not_a_template(officer):
    refused(
        send(officer, xlsx({"Số liệu": [["Mã đơn vị", "Giá trị"], ["x", 1]]})),
        400,
        "không phải mẫu nhập số liệu",
    )


def test_template_of_another_form_is_refused(officer, personas, ban, village):
    data = template("BAN-NAM", user=personas.commune)
    refused(send(officer, data), 400, "không phải biểu “XA-NAM”")


def test_codes_from_another_scope_are_rejected_not_skipped(officer, base, personas):
    n = row_of(base, "DS_TONG")
    other = personas.outsider_commune.units.get().key
    data = edit(fill(base, {"DS_TONG": 10, "BAN_TONG": 3}), {f"A{n}": other})
    response = send(officer, data)
    refused(response, 409, f"dòng {n}, cột A (Mã đơn vị)", "ngoài phạm vi")
    assert response.json()["importCount"]["rejected"] == 1


def test_the_same_key_twice_is_refused(officer, base):
    n, m = row_of(base, "DS_TONG"), row_of(base, "BAN_TONG")
    data = edit(base, {f"J{n}": 10, f"D{m}": "DS_TONG", f"J{m}": 11})
    refused(send(officer, data), 409, f"Trùng với dòng {m}")


def test_a_missing_column_is_refused(officer, base):
    refused(send(officer, edit(base, {"J1": "Số"})), 400, "thiếu cột “Giá trị”")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "tệp rỗng"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel cũ (.xls)"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "trang HTML"),
        (b"%PDF-1.4 ...", "tệp PDF"),
        (b"MZ\x90\x00" + b"\0" * 100, "không phải tệp Excel"),
    ],
)
def test_files_that_are_not_xlsx_are_refused(officer, data, fragment):
    refused(send(officer, data), 400, fragment)


def test_truncated_zip_is_refused(officer, base):
    refused(send(officer, base[: len(base) // 2]), 400, "Tệp bị từ chối")


def test_upload_over_the_size_limit_is_refused(officer):
    response = officer.post(EXCEL, {"file": io.BytesIO(b"0" * (10 * 1024 * 1024 + 1))}, format="multipart")
    assert response.status_code == 400 and "10 MB" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('{"dataSet": "XA-NAM", "dataValues": [' + "[" * 50_000 + "]" * 50_000 + "]}", "lồng nhau quá sâu"),
        (
            '{"dataSet": "XA-NAM", "dataValues": [{"dataElement": "DS_TONG", "value": Infinity}]}',
            "không phải là số",
        ),
        ('{"dataSet": "XA-NAM", "dataValues": ' + json.dumps([{}] * 50_001) + "}", "Quá nhiều giá trị"),
    ],
)
def test_api_payloads_that_cannot_be_read_are_a_400(officer, body, fragment):
    response = officer.post(JSON, body, content_type="application/json")
    assert response.status_code == 400 and fragment in response.json()["detail"]
    assert not DataValue.objects.exists()


@pytest.mark.parametrize("field", ["orgUnit", "dataElement"])
def test_api_codes_with_control_characters_are_refused(officer, field):
    value = {"orgUnit": "gso-legacy:03433", "dataElement": "DS_TONG", "value": "5"}
    value[field] += "\u0000"
    body = {"dataSet": "XA-NAM", "period": "2024", "dataValues": [value]}
    refused(officer.post(JSON, json.dumps(body), content_type="application/json"), 409, "ký tự điều khiển")


def test_api_lone_surrogate_in_a_comment_is_dropped_not_stored(officer):
    value = '{"dataElement": "DS_TONG", "value": "5", "comment": "a\\ud800b"}'
    body = (
        '{"dataSet": "XA-NAM", "period": "2024", "orgUnit": "gso-legacy:03433", "dataValues": ['
        + value
        + "]}"
    )
    assert officer.post(JSON, body, content_type="application/json").status_code == 200
    assert DataValue.objects.get().comment == "ab"


def test_api_same_key_twice_and_another_scope(officer, personas):
    other = personas.outsider_commune.units.get().key
    values = [
        {"dataElement": "DS_TONG", "value": "1"},
        {"dataElement": "DS_TONG", "value": "2"},
        {"dataElement": "BAN_TONG", "value": "3", "orgUnit": other},
    ]
    body = {"dataSet": "XA-NAM", "period": "2024", "orgUnit": "gso-legacy:03433", "dataValues": values}
    response = officer.post(JSON, json.dumps(body), content_type="application/json")
    refused(response, 409, "Trùng với dòng 2", "ngoài phạm vi")
    assert response.json()["importCount"]["rejected"] == 3
