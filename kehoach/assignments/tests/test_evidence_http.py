"""Evidence served back: attachment, detected type, nosniff, safe names; uploads through the web form."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kehoach.assignments import models as am
from kehoach.assignments.services import record_progress
from kehoach.assignments.tests import samples as s


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("Biên bản kiểm tra.pdf", s.PDF, "application/pdf"),
        ('ảnh "lớp học"; x.png', s.png(), "image/png"),
        ("so lieu.xlsx", s.xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ghi chu.txt", s.TEXT, "text/plain; charset=utf-8"),
    ],
)
def test_download_is_an_attachment_with_the_detected_type_and_nosniff(
    personas, task, name, data, content_type
):
    report = record_progress(
        task=task("NV-CY-c.b1"), actor=personas.owner, narrative="Minh chứng", files=[s.Upload(name, data)]
    )
    evidence = report.evidence.get()
    response = _client(personas.viewer).get(reverse("assignments:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition
    assert quote(name) in disposition or f'"{name}"' in disposition
    assert response.getvalue() == data


def test_web_form_records_a_report_with_evidence(personas, seed_plan, evidence_root):
    url = reverse("assignments:report", args=[seed_plan.code, "NV-CY-c.b1"])
    upload = SimpleUploadedFile(
        "Báo cáo.pdf", s.PDF, content_type="text/html"
    )  # the browser's claim is ignored
    response = _client(personas.agency).post(
        url,
        {
            "reported_on": "2025-08-01",
            "narrative": "Đã hoàn thành 40%",
            "percent": "40",
            "evidence": [upload],
        },
    )
    assert response.status_code == 302
    evidence = am.Evidence.objects.get()
    assert evidence.content_type == "application/pdf" and evidence.original_name == "Báo cáo.pdf"
    page = _client(personas.viewer).get(reverse("assignments:task", args=[seed_plan.code, "NV-CY-c.b1"]))
    assert "Báo cáo.pdf" in page.content.decode() and "Đã hoàn thành 40%" in page.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("trang.pdf", b"<html><script>alert(1)</script></html>", "HTML"),
        ("rong.txt", b"", "rỗng"),
        ("setup.pdf", b"MZ" + b"\x00" * 64, "chạy được"),
        ("a" * 200 + ".pdf", s.PDF, "quá dài"),
    ],
)
def test_web_form_shows_a_vietnamese_message_and_stores_nothing(
    personas, seed_plan, evidence_root, name, data, message
):
    url = reverse("assignments:report", args=[seed_plan.code, "NV-CY-c.b1"])
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    response = _client(personas.agency).post(
        url, {"reported_on": "2025-08-01", "narrative": "Kèm tệp", "evidence": [upload]}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not am.ProgressReport.objects.exists() and not am.Evidence.objects.exists()
    assert not evidence_root.exists() or not any(p.is_file() for p in evidence_root.rglob("*"))


def test_names_django_already_cleans_never_reach_disk_or_headers(personas, seed_plan, evidence_root):
    """Over HTTP, Django's multipart parser drops path components and non-printable characters
    (bidi overrides included) before the app sees the name; the service refuses them on any other
    path (test_uploads). Either way no spoofing character or path is ever stored or served."""
    url = reverse("assignments:report", args=[seed_plan.code, "NV-CY-c.b1"])
    upload = SimpleUploadedFile("../../baocao\u202etxt.pdf", s.PDF)
    _client(personas.agency).post(url, {"reported_on": "2025-08-01", "narrative": "x", "evidence": [upload]})
    evidence = am.Evidence.objects.get()
    assert evidence.original_name == "baocaotxt.pdf"
    assert [p.name for p in evidence_root.rglob("*.pdf")] == [evidence.stored_name.split("/")[-1]]


def test_api_upload_rejects_a_hostile_file_with_400(personas, seed_plan):
    url = reverse("api:assignments-report-list", args=[seed_plan.code, "NV-CY-c.b1"])
    upload = SimpleUploadedFile("anh.png", b"<svg onload=alert(1)></svg>", content_type="image/png")
    response = _client(personas.owner).post(url, {"narrative": "Kèm ảnh", "files": [upload]})
    assert response.status_code == 400
    assert "SVG" in response.json()["detail"]
    assert not am.Evidence.objects.exists()


def test_a_missing_file_on_disk_is_a_404_not_a_500(personas, task, evidence_root):
    report = record_progress(
        task=task("NV-CY-c.b1"), actor=personas.owner, narrative="x", files=[s.Upload("a.txt", s.TEXT)]
    )
    evidence = report.evidence.get()
    (evidence_root / "evidence" / evidence.stored_name).unlink()
    assert _client(personas.owner).get(reverse("assignments:evidence", args=[evidence.pk])).status_code == 404
