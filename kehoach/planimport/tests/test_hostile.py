"""The issue's bad input, through the upload page and the API: a clear Vietnamese message, a 4xx
answer, and nothing written (no plan, no audit event, no draft)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kehoach.audit.models import AuditEvent
from kehoach.docparse.tests.conftest import rezip
from kehoach.docparse.tests.docx_builder import build_docx
from kehoach.plans.models import Plan

from .conftest import VARIANT, upload_file

pytestmark = pytest.mark.django_db

EXTERNAL_TEMPLATE = (
    b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'attachedTemplate" Target="http://169.254.169.254/t.dotm" TargetMode="External"/></Relationships>'
)


def _docx() -> bytes:
    return build_docx(VARIANT.read_text(encoding="utf-8"))


def _zip_bomb() -> bytes:
    # 20 MB of zeros compress to a few kB: refused from the zip directory, never inflated.
    return rezip(_docx(), lambda name, data: data, {"word/media/image1.png": bytes(20 * 1024 * 1024)})


def _external_reference() -> bytes:
    def change(name: str, data: bytes) -> bytes:
        if name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>", EXTERNAL_TEMPLATE)
        return data

    return rezip(_docx(), change)


OCR = "K Ế H 0 Ạ C H ~~ |||| ;;;; ___ 1l1l1 ]]]] @@## %%%% 0O0O0 " * 40
CASES = {
    "not-a-plan": (lambda: "Hôm nay trời đẹp, cả bản đi nương.\nMọi người rất vui.".encode(), ".txt", "kế hoạch"),
    "ocr-garbage": (lambda: OCR.encode(), ".txt", "Không đọc được"),
    "empty": (lambda: b"", ".txt", "Tệp trống"),
    "zip-bomb": (_zip_bomb, ".docx", "zip bomb"),
    "external-reference": (_external_reference, ".docx", "bên ngoài"),
    "legacy-encoding": (lambda: "KẾ HOẠCH huyện Hoà Bình".encode("cp1258", errors="replace"), ".txt", "UTF-8"),
    "pdf": (lambda: b"%PDF-1.7\n...", ".pdf", "PDF"),
}  # fmt: skip
FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture
def nothing_written():
    before = (Plan.objects.count(), AuditEvent.objects.count())
    yield
    assert (Plan.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize("case", CASES)
def test_upload_page_refuses_bad_files(owner_client, nothing_written, case):
    make, suffix, fragment = CASES[case]
    response = owner_client.post(reverse("planimport:upload"), {"file": upload_file(make(), f"tep{suffix}")})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Không nhập được tệp:" in page and fragment in page
    assert "Không có gì được ghi vào hệ thống." in page
    assert not owner_client.session.get("planimport_drafts")


@pytest.mark.parametrize("case", CASES)
def test_api_refuses_bad_files(owner_client, nothing_written, case):
    make, suffix, fragment = CASES[case]
    response = owner_client.post(
        reverse("api:planimport-parse"), {"file": upload_file(make(), f"tep{suffix}")}
    )
    assert response.status_code == 400
    assert fragment in response.json()["detail"]


def test_upload_page_refuses_a_50_mb_file_before_reading_it(owner_client, nothing_written):
    response = owner_client.post(reverse("planimport:upload"), {"file": upload_file(b"a" * FIFTY_MB)})
    assert response.status_code == 413
    assert "Tệp quá lớn (50 MB); giới hạn là 10 MB." in response.content.decode()


def test_api_refuses_a_50_mb_file_before_reading_it(owner_client, nothing_written):
    response = owner_client.post(reverse("api:planimport-parse"), {"file": upload_file(b"a" * FIFTY_MB)})
    assert response.status_code == 413
    assert response.json()["detail"] == "Tệp quá lớn (50 MB); giới hạn là 10 MB."


def test_the_files_own_size_is_checked_too(owner_client, nothing_written, monkeypatch):
    # The declared size leaves room for the multipart framing; the file itself must fit exactly.
    monkeypatch.setattr("kehoach.planimport.upload.MAX_UPLOAD_BYTES", 1000)
    response = owner_client.post(reverse("api:planimport-parse"), {"file": upload_file(b"x" * 5000)})
    assert response.status_code == 400 and "quá lớn" in response.json()["detail"]


def test_missing_file_field_is_a_clear_error(owner_client, nothing_written):
    response = owner_client.post(reverse("api:planimport-parse"), {})
    assert response.status_code == 400 and "Chưa chọn tệp" in response.json()["detail"]
    response = owner_client.post(reverse("planimport:upload"), {})
    assert response.status_code == 400 and "Chưa chọn tệp" in response.content.decode()


def test_upload_page_still_checks_csrf(personas, variant_bytes):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.owner)
    response = client.post(reverse("planimport:upload"), {"file": upload_file(variant_bytes)})
    assert response.status_code == 403 and not client.session.get("planimport_drafts")
