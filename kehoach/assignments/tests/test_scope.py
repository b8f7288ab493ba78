"""Every role against every task-tracking endpoint, in and out of scope, and agency against agency.

Rule (docs/domain/assignments.md): everyone whose units relate to the plan reads; plan owners manage
tracking, links and reassignment; officers of the lead or a coordinating agency (or of a successor of
one) report progress; only the lead's officers and owners set status and percent. Outsiders: 404.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.assignments import models as am
from kehoach.assignments.services import record_progress
from kehoach.assignments.tests import samples as s

INSIDE = ["admin", "owner", "finance", "agency", "commune", "viewer"]
OUTSIDE = ["outsider_owner", "outsider_commune"]
MANAGERS = {"admin", "owner"}
REPORTERS = {"admin", "owner", "agency"}  # for NV-CY-c.b1, led by the agency persona's office
TASK = "NV-CY-c.b1"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _read_urls(plan):
    p = plan.code
    return [
        reverse("assignments:board", args=[p]),
        reverse("assignments:board", args=[p]) + "?status=overdue&kind=main",
        reverse("assignments:overdue", args=[p]),
        reverse("assignments:succession", args=[p]),
        reverse("assignments:task", args=[p, TASK]),
        reverse("assignments:task", args=[p, "NV-CY-d#2"]),
        reverse("assignments:target", args=[p, "T2025-13"]),
        reverse("assignments:budget-line", args=[p, "NS-1719-TW-SN"]),
        reverse("api:assignments-task-list", args=[p]),
        reverse("api:assignments-task-detail", args=[p, TASK]),
        reverse("api:assignments-report-list", args=[p, TASK]),
        reverse("api:assignments-link-list", args=[p, TASK]),
        reverse("api:assignments-succession", args=[p]),
        reverse("api:assignments-target-tasks", args=[p, "T2025-13"]),
        reverse("api:assignments-budgetline-tasks", args=[p, "NS-1719-TW-SN"]),
    ]


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_read_endpoints_follow_scope(personas, seed_plan, persona):
    client = _client(getattr(personas, persona))
    for url in _read_urls(seed_plan):
        assert client.get(url).status_code == (200 if persona in INSIDE else 404), url


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("name", ["assignments:edit", "assignments:weights"])
def test_management_pages_are_for_plan_owners(personas, seed_plan, persona, name):
    code = TASK if name == "assignments:edit" else "NV-CY-c"
    response = _client(getattr(personas, persona)).get(reverse(name, args=[seed_plan.code, code]))
    expected = 404 if persona in OUTSIDE else (200 if persona in MANAGERS else 403)
    assert response.status_code == expected


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_web_progress_report_follows_roles_and_scope(personas, seed_plan, persona):
    url = reverse("assignments:report", args=[seed_plan.code, TASK])
    data = {"reported_on": "2025-08-01", "narrative": "Báo cáo", "percent": "20"}
    response = _client(getattr(personas, persona)).post(url, data)
    expected = 404 if persona in OUTSIDE else (302 if persona in REPORTERS else 403)
    assert response.status_code == expected
    assert am.ProgressReport.objects.exists() == (expected == 302)


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_api_progress_report_follows_roles_and_scope(personas, seed_plan, persona):
    url = reverse("api:assignments-report-list", args=[seed_plan.code, TASK])
    response = _client(getattr(personas, persona)).post(
        url, {"narrative": "Báo cáo", "percent_complete": "20"}
    )
    expected = 404 if persona in OUTSIDE else (201 if persona in REPORTERS else 403)
    assert response.status_code == expected, response.content[:300]


def _api_report(user, plan, code, **extra):
    url = reverse("api:assignments-report-list", args=[plan.code, code])
    return _client(user).post(url, {"narrative": "Báo cáo của cơ quan", **extra})


def test_agency_officers_report_only_on_their_agencys_tasks(personas, health_officer, seed_plan):
    assert _api_report(health_officer, seed_plan, TASK).status_code == 403  # led by education
    assert _api_report(health_officer, seed_plan, "NV-CY-d.b1", percent_complete="30").status_code == 201
    assert _api_report(personas.agency, seed_plan, "NV-CY-d.b1").status_code == 403


def test_coordinating_agency_reports_narrative_but_not_status(personas, seed_plan):
    code = "NV-GP-dd.b2.p3"  # led by ethnic affairs, education coordinates
    assert _api_report(personas.agency, seed_plan, code).status_code == 201
    assert _api_report(personas.agency, seed_plan, code, percent_complete="50").status_code == 403
    assert _api_report(personas.agency, seed_plan, code, status="done").status_code == 403


def test_successor_officer_reports_on_inherited_tasks(successor_officer, seed_plan):
    assert _api_report(successor_officer, seed_plan, TASK).status_code == 201
    assert _api_report(successor_officer, seed_plan, TASK, percent_complete="50").status_code == 403


WRITES = {
    "patch": ("api:assignments-task-detail", {"due_year": 2026}, 200),
    "link": ("api:assignments-link-list", {"kind": "target", "code": "T2025-13"}, 201),
    "reassign": (
        "api:assignments-task-reassign",
        {"from_agency": "MT-GDDT", "to_agency": "LC-UBND-X-2025-3433-VHXH", "reason": "Sắp xếp bộ máy"},
        200,
    ),
}


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("write", sorted(WRITES))
def test_api_management_writes_are_for_plan_owners(personas, seed_plan, persona, write):
    name, body, ok = WRITES[write]
    client = _client(getattr(personas, persona))
    url = reverse(name, args=[seed_plan.code, TASK])
    response = (
        client.patch(url, body, content_type="application/json")
        if write == "patch"
        else client.post(url, body, content_type="application/json")
    )
    expected = 404 if persona in OUTSIDE else (ok if persona in MANAGERS else 403)
    assert response.status_code == expected, response.content[:300]


def test_succession_bulk_post_is_for_plan_owners(personas, seed_plan):
    url = reverse("api:assignments-succession", args=[seed_plan.code])
    body = {"agency": "MT-PDT", "reason": "Sắp xếp bộ máy"}
    assert _client(personas.agency).post(url, body, content_type="application/json").status_code == 403
    assert (
        _client(personas.outsider_owner).post(url, body, content_type="application/json").status_code == 404
    )
    web = reverse("assignments:succession", args=[seed_plan.code])
    assert _client(personas.viewer).post(web, body).status_code == 403


@pytest.fixture
def evidence(personas, task):
    report = record_progress(
        task=task(TASK),
        actor=personas.owner,
        narrative="Kèm biên bản",
        files=[s.Upload("Biên bản.pdf", s.PDF)],
    )
    return report.evidence.get()


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_evidence_downloads_follow_scope(personas, evidence, persona):
    client = _client(getattr(personas, persona))
    for url in (
        reverse("assignments:evidence", args=[evidence.pk]),
        reverse("api:assignments-evidence-download", args=[evidence.pk]),
    ):
        assert client.get(url).status_code == (200 if persona in INSIDE else 404), url


def test_anonymous_users_reach_nothing(seed_plan, evidence):
    client = Client()
    web = client.get(reverse("assignments:evidence", args=[evidence.pk]))
    assert web.status_code == 302 and reverse("login") in web["Location"]
    api = client.get(reverse("api:assignments-evidence-download", args=[evidence.pk]))
    assert api.status_code in (401, 403)
    assert client.get(reverse("api:assignments-task-list", args=[seed_plan.code])).status_code in (401, 403)


def test_outsiders_do_not_see_the_plans_tasks_in_agency_lists(personas):
    url = reverse("api:assignments-my-tasks") + "?agency=MT-GDDT"
    assert _client(personas.outsider_owner).get(url).json() == []
    assert len(_client(personas.viewer).get(url).json()) > 0


WEB_WRITES = {
    "assignments:edit": (TASK, {"due_year": "2026", "version": "0"}),
    "assignments:weights": ("NV-CY-d", {"w_NV-CY-d.b1": "2", "w_NV-CY-d.b2": "1", "w_NV-CY-d.b3": "1"}),
    "assignments:links": (TASK, {"kind": "target", "code": "T2025-13", "action": "add"}),
    "assignments:reassign-task": (
        TASK,
        {"from_agency": "MT-GDDT", "to_agency": "LC-UBND-X-2025-3433-VHXH", "reason": "Sắp xếp bộ máy"},
    ),
}


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
@pytest.mark.parametrize("name", sorted(WEB_WRITES))
def test_web_management_writes_are_for_plan_owners(personas, seed_plan, persona, name):
    code, body = WEB_WRITES[name]
    response = _client(getattr(personas, persona)).post(reverse(name, args=[seed_plan.code, code]), body)
    expected = 404 if persona in OUTSIDE else (302 if persona in MANAGERS else 403)
    assert response.status_code == expected
    changed = (
        am.TaskTracking.objects.exists()
        or am.TaskTargetLink.objects.exists()
        or am.Reassignment.objects.exists()
    )
    assert changed == (expected == 302)


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_api_link_removal_is_for_plan_owners(personas, seed_plan, task, persona):
    from kehoach.assignments.link_services import link_target

    link_target(task=task(TASK), target=seed_plan.targets.get(code="T2025-13"), actor=personas.owner)
    url = reverse("api:assignments-link-detail", args=[seed_plan.code, TASK, "target", "T2025-13"])
    response = _client(getattr(personas, persona)).delete(url)
    expected = 404 if persona in OUTSIDE else (204 if persona in MANAGERS else 403)
    assert response.status_code == expected
    assert am.TaskTargetLink.objects.exists() == (expected != 204)


@pytest.mark.parametrize("persona", INSIDE + OUTSIDE)
def test_my_tasks_answer_every_signed_in_user(personas, persona):
    client = _client(getattr(personas, persona))
    assert client.get(reverse("assignments:mine")).status_code == 200
    assert client.get(reverse("api:assignments-my-tasks")).status_code == 200
