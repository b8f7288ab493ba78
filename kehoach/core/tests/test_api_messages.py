"""The REST framework's own messages reach API clients in Vietnamese (locale/vi, compiled in git)."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from rest_framework.test import APIClient

LOCALE = Path(__file__).resolve().parents[3] / "locale" / "vi" / "LC_MESSAGES"


def _po_entries() -> dict[str, str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "((?:[^"\\]|\\.)+)"\nmsgstr "((?:[^"\\]|\\.)*)"$', text, flags=re.M)
    return {k.replace('\\"', '"'): v.replace('\\"', '"') for k, v in pairs}


def test_the_compiled_catalogue_is_the_one_in_the_source():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    entries = _po_entries()
    assert entries and {k: compiled.get(k) for k in entries} == entries, "run msgfmt (see django.po)"


@pytest.mark.django_db
def test_an_api_client_reads_validation_and_auth_errors_in_vietnamese(seed_plan, personas):
    anonymous = APIClient().get("/api/v1/allocations/")
    assert anonymous.status_code in (401, 403)
    assert "Chưa đăng nhập hoặc chưa gửi mã truy cập" in anonymous.content.decode()
    api = APIClient()
    api.force_authenticate(personas.finance)
    body = {"plan": {"bad": 1}, "source": "central", "kind": "investment", "year": "năm"}
    answer = api.post("/api/v1/allocations/", body, format="json").content.decode()
    assert "Trường này là bắt buộc." in answer and "Cần một số nguyên hợp lệ." in answer
    assert "This field is required" not in answer and "A valid integer" not in answer
