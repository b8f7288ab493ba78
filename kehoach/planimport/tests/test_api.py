"""POST /api/v1/plan-imports/parse: the document, findings, spans and text; nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.accounts.services import issue_token
from kehoach.audit.models import AuditEvent
from kehoach.docparse.tests.docx_builder import build_docx
from kehoach.plans.models import Plan

from .conftest import VARIANT, upload_file

pytestmark = pytest.mark.django_db


def test_parse_returns_the_plan_structure_with_findings_and_spans(owner_client, seed_bytes):
    before = (Plan.objects.count(), AuditEvent.objects.count())
    response = owner_client.post(reverse("api:planimport-parse"), {"file": upload_file(seed_bytes)})
    assert response.status_code == 200
    data = response.json()
    assert (Plan.objects.count(), AuditEvent.objects.count()) == before
    assert data["format"] == "kehoach.plan/1" and data["plan"]["symbol"] == "KH-UBND"
    assert sum(t["quantified"] for t in data["targets"]) == 47 and len(data["budget_lines"]) == 17
    assert {f["code"] for f in data["findings"]} >= {"budget_components_mismatch", "numbering_duplicate"}
    budget = {b["code"]: b for b in data["budget_lines"]}
    for span in (s for s in data["spans"] if s["kind"] == "budget_line"):
        amount = Decimal(budget[span["code"]]["amount_million_vnd"])
        quoted = data["text"][span["start"] : span["end"]]
        assert f"{amount:,.0f}".replace(",", ".") in quoted or "tỷ" in quoted


def test_parse_of_a_word_document_with_a_token(personas):
    token = issue_token(user=personas.owner, actor=None)
    data = build_docx(VARIANT.read_text(encoding="utf-8"), headings=True, auto_numbering=True)
    response = Client().post(
        reverse("api:planimport-parse"),
        {"file": upload_file(data, "ke-hoach.docx")},
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert response.status_code == 200, response.content[:300]
    assert [t["code"] for t in response.json()["targets"]] == ["T2025-01", "T2025-02", "T2025-03"]


def test_the_endpoint_is_in_the_openapi_schema(owner_client):
    schema = owner_client.get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/plan-imports/parse"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    assert set(operation["responses"]) >= {"200", "400", "403", "413"}
    properties = schema["components"]["schemas"]["PlanImportParse"]["properties"]
    assert set(properties) >= {"plan", "targets", "budget_lines", "findings", "spans", "text"}
