"""The task-tracking API: shapes, filters, writes through the services, the OpenAPI schema."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.assignments import models as am


@pytest.fixture
def owner_client(personas) -> Client:
    client = Client()
    client.force_login(personas.owner)
    return client


def test_task_list_has_every_task_with_status_and_percent(owner_client, seed_plan):
    data = owner_client.get(reverse("api:assignments-task-list", args=[seed_plan.code])).json()
    assert len(data) == seed_plan.tasks.count()
    row = next(r for r in data if r["code"] == "NV-CY-c.b1")
    assert row["lead"] == "MT-GDDT" and row["status"] == "not_started" and row["percent_complete"] == "0.00"


def test_task_list_filters_by_status_agency_and_kind(owner_client, seed_plan):
    url = reverse("api:assignments-task-list", args=[seed_plan.code])
    detail = reverse("api:assignments-task-detail", args=[seed_plan.code, "NV-CY-d.b1"])
    patch = {"deadline": "2024-12-31", "percent_complete": "10"}
    assert owner_client.patch(detail, patch, content_type="application/json").status_code == 200
    overdue = owner_client.get(url, {"status": "overdue"}).json()
    assert [r["code"] for r in overdue] == ["NV-CY-d.b1"]
    yt = owner_client.get(url, {"agency": "MT-YT", "kind": "main"}).json()
    assert {r["code"] for r in yt} >= {"NV-CY-d", "NV-CY-d.b1"} and all(r["kind"] == "main" for r in yt)
    assert owner_client.get(url, {"status": "bogus"}).status_code == 400


def test_patch_ignores_fields_outside_the_whitelist(owner_client, seed_plan, task):
    url = reverse("api:assignments-task-detail", args=[seed_plan.code, "NV-CY-c.b1"])
    body = {"due_year": 2026, "is_demo": True, "version": 0, "lead": "MT-YT", "due_on": "1999-01-01"}
    data = owner_client.patch(url, body, content_type="application/json").json()
    assert data["due_year"] == 2026 and data["due_on"] == "2026-12-31" and data["is_demo"] is False
    assert task("NV-CY-c.b1").lead.code == "MT-GDDT"
    stale = owner_client.patch(url, {"due_year": 2027, "version": 0}, content_type="application/json")
    assert stale.status_code == 409


def test_links_are_visible_from_each_side(owner_client, seed_plan):
    p = seed_plan.code
    links = reverse("api:assignments-link-list", args=[p, "NV-CY-c.b1"])
    owner_client.post(links, {"kind": "target", "code": "T2025-13"}, content_type="application/json")
    response = owner_client.post(
        links, {"kind": "budget_line", "code": "NS-1719-TW-SN"}, content_type="application/json"
    )
    assert response.json() == {"targets": ["T2025-13"], "budget_lines": ["NS-1719-TW-SN"]}
    target = owner_client.get(reverse("api:assignments-target-tasks", args=[p, "T2025-13"])).json()
    assert [t["code"] for t in target["tasks"]] == ["NV-CY-c.b1"]
    assert target["stated_total_million_vnd"] == "327963.000"
    line = owner_client.get(reverse("api:assignments-budgetline-tasks", args=[p, "NS-1719-TW-SN"])).json()
    assert line["targets"] == ["T2025-13"] and line["tasks"][0]["targets"] == ["T2025-13"]
    delete = reverse("api:assignments-link-detail", args=[p, "NV-CY-c.b1", "target", "T2025-13"])
    assert owner_client.delete(delete).status_code == 204
    assert not am.TaskTargetLink.objects.exists()
    assert (
        owner_client.post(
            links, {"kind": "target", "code": "NOPE"}, content_type="application/json"
        ).status_code
        == 404
    )


def test_reports_list_shows_evidence_download_links(owner_client, seed_plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kehoach.assignments.tests import samples as s

    url = reverse("api:assignments-report-list", args=[seed_plan.code, "NV-CY-c.b1"])
    upload = SimpleUploadedFile("anh.png", s.png())
    created = owner_client.post(url, {"narrative": "Có ảnh", "percent_complete": "30", "files": [upload]})
    assert created.status_code == 201
    (report,) = owner_client.get(url).json()
    assert report["percent_complete"] == "30.00" and report["evidence"][0]["content_type"] == "image/png"
    assert owner_client.get(report["evidence"][0]["download"]).status_code == 200


def test_succession_lists_and_moves_ceased_agencies(owner_client, seed_plan):
    url = reverse("api:assignments-succession", args=[seed_plan.code])
    listed = {c["agency"]: c for c in owner_client.get(url).json()}
    assert listed["MT-PDT"]["default_lead"] == "LC-SDTTG"
    after = owner_client.post(
        url, {"agency": "MT-PDT", "reason": "Sắp xếp bộ máy"}, content_type="application/json"
    )
    assert "MT-PDT" not in {c["agency"] for c in after.json()}


def test_my_tasks_defaults_to_the_users_agency(personas):
    client = Client()
    client.force_login(personas.agency)
    data = client.get(reverse("api:assignments-my-tasks")).json()
    assert data and all(r["lead"] == "MT-GDDT" or "MT-GDDT" in r["coordinating"] for r in data)


def test_openapi_schema_lists_the_endpoints(owner_client):
    schema = owner_client.get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/plans/{code}/task-progress/",
        "/api/v1/plans/{code}/task-progress/{task_code}/reports/",
        "/api/v1/plans/{code}/task-progress/{task_code}/links/",
        "/api/v1/plans/{code}/succession/",
        "/api/v1/my-tasks/",
        "/api/v1/evidence/{id}/",
    ):
        assert path in paths, path
    assert "post" in paths["/api/v1/plans/{code}/task-progress/{task_code}/reports/"]
