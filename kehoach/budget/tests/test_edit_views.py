"""The edit pages save through the services, say whether anything changed, and keep input on refusal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.audit.choices import Channel
from kehoach.audit.models import AuditEvent
from kehoach.budget.inputs import DisbursementInput
from kehoach.budget.services import record_disbursement


@pytest.fixture
def disbursement(allocation, personas):
    data = DisbursementInput(date=dt.date(2023, 4, 2), amount_million_vnd=Decimal(100), reference="UNC 7")
    return record_disbursement(actor=personas.finance, allocation=allocation, data=data, channel=Channel.WEB)


def _post(user, url, data):
    client = Client()
    client.force_login(user)
    return client.post(url, data, follow=True)


def test_editing_a_disbursement_saves_audits_and_says_so(personas, disbursement):
    url = reverse("budget:disbursement-edit", args=[disbursement.pk])
    form = {"date": "02/04/2023", "amount_million_vnd": "150,5", "reference": "UNC 7", "reason": "sửa số"}
    page = _post(personas.finance, url, form).content.decode()
    disbursement.refresh_from_db()
    assert disbursement.amount_million_vnd == Decimal("150.5") and "Đã lưu thay đổi." in page
    assert AuditEvent.objects.filter(reason="sửa số").exists()
    again = _post(personas.finance, url, form).content.decode()
    assert "Không có gì thay đổi." in again


def test_a_refused_edit_keeps_what_was_typed(personas, disbursement):
    url = reverse("budget:disbursement-edit", args=[disbursement.pk])
    form = {"date": "02/04/2023", "amount_million_vnd": "-5", "reference": "UNC 7", "reason": ""}
    response = _post(personas.finance, url, form)
    disbursement.refresh_from_db()
    assert response.status_code == 200 and disbursement.amount_million_vnd == Decimal(100)
    assert 'value="-5"' in response.content.decode()
