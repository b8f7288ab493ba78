"""POST/GET /api/v1/dataValueSets (DHIS2 shape, JSON and CSV), dry runs and import summaries."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.audit.models import AuditEvent
from kehoach.datavalues.models import DataValue, DataValueAudit
from kehoach.datavalues.tests.helpers import COMMUNE, PERIOD

pytestmark = pytest.mark.django_db
URL = "/api/v1/dataValueSets"


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


def post(user, payload, query="", content_type="application/json"):
    body = payload if isinstance(payload, bytes | str) else json.dumps(payload)
    return client_for(user).post(URL + query, body, content_type=content_type)


def payload(*values, unit=COMMUNE, period=PERIOD):
    return {"dataSet": "XA-NAM", "period": period, "orgUnit": unit, "dataValues": list(values)}


def dv(element, value, coc="default", **kw):
    return {"dataElement": element, "categoryOptionCombo": coc, "value": value, **kw}


def test_post_creates_values_and_answers_an_import_summary(personas, opened):
    response = post(personas.commune, payload(dv("DS_TONG", "1234"), dv("TN_DTTS", 1.5, comment="ước tính")))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "SUCCESS" and body["committed"] is True
    assert body["importCount"] == {"created": 2, "updated": 0, "unchanged": 0, "rejected": 0, "deleted": 0}
    assert str(DataValue.objects.get(element__code="TN_DTTS").value) == "1.500000"
    assert set(DataValueAudit.objects.values_list("channel", flat=True)) == {"api"}


def test_dry_run_reports_and_writes_nothing(personas, opened):
    response = post(personas.commune, payload(dv("DS_TONG", "10")), "?dryRun=true")
    assert response.json()["dryRun"] is True and response.json()["importCount"]["created"] == 1
    assert not DataValue.objects.exists() and not AuditEvent.objects.filter(action="datavalues.save").exists()


def test_counts_add_up_to_rows_received_and_nothing_is_ignored(personas, opened):
    post(personas.commune, payload(dv("DS_TONG", "10")))
    body = post(personas.commune, payload(dv("DS_TONG", "10"), dv("BAN_TONG", "3"), dv("NOPE", "1"))).json()
    counts = body["importCount"]
    assert (
        body["received"]
        == 3
        == counts["created"] + counts["updated"] + counts["unchanged"] + counts["rejected"]
    )
    assert "ignored" not in counts and body["status"] == "ERROR"


def test_a_row_for_another_unit_is_rejected_not_skipped_and_nothing_is_written(personas, opened):
    other = personas.outsider_commune.units.get().key
    response = post(personas.commune, payload(dv("DS_TONG", "10"), dv("DS_TONG", "20") | {"orgUnit": other}))
    assert response.status_code == 409
    body = response.json()
    assert [r["outcome"] for r in body["rows"]] == ["created", "rejected"]
    assert body["conflicts"][0]["row"] == 2 and body["conflicts"][0]["field"] == "orgUnit"
    assert "ngoài phạm vi" in body["conflicts"][0]["message"]
    assert not DataValue.objects.exists()


def test_vietnamese_or_ambiguous_number_text_is_refused_in_the_api(personas, opened):
    body = post(personas.commune, payload(dv("DS_TONG", "1.234,5"), dv("BAN_TONG", "1,234"))).json()
    assert [c["field"] for c in body["conflicts"]] == ["value", "value"]


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"[1,2]",
        b'{"dataSet": "XA-NAM", "dataValues": [{"value": NaN}]}',
        b"[" * 100_000,
        "\ufeff{".encode(),
    ],
)
def test_unreadable_payloads_are_a_400_and_write_nothing(personas, opened, raw):
    response = post(personas.commune, raw)
    assert response.status_code == 400 and "detail" in response.json()
    assert not DataValue.objects.exists()


def test_non_utf8_payload_is_refused_with_a_clear_message(personas, opened):
    tcvn3 = b'{"dataSet": "XA-NAM", "dataValues": [], "comment": "Th\xd6 tr\xa9n"}'  # TCVN3 bytes, not UTF-8
    response = post(personas.commune, tcvn3)
    assert response.status_code == 400 and "UTF-8" in response.json()["detail"]


def test_unknown_data_set_is_404(personas, opened):
    assert post(personas.commune, {"dataSet": "KHONG", "dataValues": []}).status_code == 404


def test_csv_import_with_semicolons_and_bom(personas, opened):
    csv_text = "\ufeffdataelement;period;orgunit;categoryoptioncombo;value;comment\r\n"
    csv_text += (
        f"DS_TONG;{PERIOD};{COMMUNE};default;500;\r\nDS_DTTS;{PERIOD};{COMMUNE};default;400;có ghi chú\r\n"
    )
    response = post(personas.commune, csv_text.encode(), "?dataSet=XA-NAM", content_type="text/csv")
    assert response.status_code == 200, response.content
    assert response.json()["importCount"]["created"] == 2


def test_csv_without_required_columns_is_a_400(personas, opened):
    response = post(personas.commune, b"a,b\n1,2\n", "?dataSet=XA-NAM", content_type="text/csv")
    assert response.status_code == 400 and "thiếu cột" in response.json()["detail"]


def test_get_returns_the_dhis2_shape_and_csv(personas, opened):
    post(
        personas.commune,
        payload(dv("DS_TONG", "500"), dv("DS_TONG", "250", "GT_NU"), dv("DS_TONG", "250", "GT_NAM")),
    )
    c = client_for(personas.commune)
    body = c.get(URL, {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE}).json()
    assert body["dataSet"] == "XA-NAM" and len(body["dataValues"]) == 3
    assert {"dataElement", "categoryOptionCombo", "value", "comment", "version", "orgUnit", "period"} <= set(
        body["dataValues"][0]
    )
    text = c.get(
        URL, {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE, "format": "csv"}
    ).content.decode()
    assert text.startswith("dataelement,period,orgunit") and "DS_TONG" in text


def test_export_of_a_comment_cannot_become_a_formula(personas, opened):
    post(personas.commune, payload(dv("DS_TONG", "5", comment='=HYPERLINK("http://x")')))
    text = (
        client_for(personas.commune)
        .get(URL, {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE, "format": "csv"})
        .content.decode()
    )
    assert ",'=HYPERLINK" in text.replace('"', "") or "'=HYPERLINK" in text


def test_get_out_of_scope_unit_is_404(personas, opened):
    c = client_for(personas.outsider_commune)
    assert c.get(URL, {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE}).status_code == 404


def test_get_query_count_does_not_grow_with_values(personas, opened, django_assert_max_num_queries):
    post(
        personas.commune, payload(*[dv(code, "1") for code in ("SO_XA", "BAN_TONG", "CT_TONG", "CT_KIEN_CO")])
    )
    c = client_for(personas.commune)
    c.get(URL, {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE})
    with django_assert_max_num_queries(16):
        assert (
            len(c.get(URL, {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE}).json()["dataValues"])
            == 4
        )


def test_import_query_count_is_bounded_whatever_the_number_of_rows(
    personas, opened, django_assert_max_num_queries
):
    codes = [
        "SO_XA",
        "BAN_TONG",
        "CT_TONG",
        "CT_KIEN_CO",
        "BAN_DBKK",
        "PN_CO_THAI",
        "SO_CA_SINH",
        "CBCCVC_TONG",
    ]
    c = client_for(personas.commune)
    c.post(URL, json.dumps(payload(dv("DS_TONG", "9"))), content_type="application/json")
    for n in (2, 8):
        with django_assert_max_num_queries(32):
            body = json.dumps(payload(*[dv(code, "1") for code in codes[:n]]))
            assert c.post(URL, body, content_type="application/json").status_code == 200


def test_submission_workflow_through_the_api(personas, opened):
    values = [
        dv("DS_TONG", "100"),
        dv("DS_DTTS", "80"),
        dv("SO_XA", "1"),
        dv("BAN_TONG", "5"),
        dv("CBCC_XA_TONG", "20"),
    ]
    assert post(personas.commune, payload(*values)).status_code == 200
    sub = client_for(personas.commune).post(
        reverse("api:datavalues-submission-submit"),
        {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE},
    )
    assert sub.status_code == 200 and sub.json()["status"] == "submitted"
    decide = reverse("api:datavalues-submission-decide", args=[sub.json()["id"], "approve"])
    assert client_for(personas.commune).post(decide, {}).status_code == 403
    assert client_for(personas.outsider_owner).post(decide, {}).status_code == 404
    assert client_for(personas.owner).post(decide, {"comment": "Đạt"}).json()["status"] == "approved"
    locked = post(personas.commune, payload(dv("DS_TONG", "101")))
    assert locked.status_code == 409 and "phê duyệt" in locked.json()["conflicts"][0]["message"]


def test_completeness_api_counts_expected_and_received(personas, opened):
    body = (
        client_for(personas.owner)
        .get(reverse("api:datavalues-completeness"), {"dataSet": "XA-NAM", "period": PERIOD})
        .json()
    )
    assert body["expected"] == 14 and body["received"] == 0
    commune_view = (
        client_for(personas.commune)
        .get(reverse("api:datavalues-completeness"), {"dataSet": "XA-NAM", "period": PERIOD})
        .json()
    )
    assert commune_view["expected"] == 1


def test_audit_api_lists_changes_in_scope_only(personas, opened):
    post(personas.commune, payload(dv("DS_TONG", "100")))
    post(personas.commune, payload(dv("DS_TONG", "110")))
    rows = (
        client_for(personas.owner)
        .get(reverse("api:datavalues-audit-list"), {"dataElement": "DS_TONG"})
        .json()["results"]
    )
    assert [(r["action"], r["old_value"], r["new_value"]) for r in rows] == [
        ("update", "100.000000", "110.000000"),
        ("create", None, "100.000000"),
    ]
    assert client_for(personas.outsider_owner).get(reverse("api:datavalues-audit-list")).json()["count"] == 0
