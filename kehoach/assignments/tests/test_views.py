"""HTML pages: navigation, board filters, forms that work without JavaScript, the two link pages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.assignments import models as am
from kehoach.assignments.services import update_tracking
from kehoach.web.nav import MAIN_LINKS, PLAN_TABS


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_pages_are_registered_in_the_navigation():
    assert ("assignments:board", "Tiến độ nhiệm vụ", 45) in [(n, str(label), o) for n, label, o in PLAN_TABS]
    assert "assignments:mine" in [n for n, _, _ in MAIN_LINKS]


def test_board_shows_the_tab_and_filters_by_status_agency_and_kind(personas, seed_plan, task):
    update_tracking(task=task("NV-CY-d.b1"), actor=personas.owner, values={}, status="done")
    client = _client(personas.viewer)
    url = reverse("assignments:board", args=[seed_plan.code])
    page = client.get(url).content.decode()
    assert "Tiến độ nhiệm vụ" in page and 'id="task-NV-CY-c.b1"' in page
    done = client.get(url, {"status": "done"}).content.decode()
    assert 'id="task-NV-CY-d.b1"' in done and 'id="task-NV-CY-c.b1"' not in done
    yt = client.get(url, {"agency": "MT-YT", "kind": "main"}).content.decode()
    assert 'id="task-NV-CY-d.b2"' in yt and 'id="task-NV-CY-c.b1"' not in yt


def test_my_tasks_page_lists_the_officers_agency(personas):
    page = _client(personas.agency).get(reverse("assignments:mine")).content.decode()
    assert "Nhiệm vụ của tôi" in page and "NV-CY-c.b1" in page


def test_my_tasks_page_without_agency_asks_to_choose_one(personas):
    page = _client(personas.viewer).get(reverse("assignments:mine")).content.decode()
    assert "chưa gắn với cơ quan nào" in page
    assert _client(personas.viewer).get(reverse("assignments:mine"), {"agency": "NOPE"}).status_code == 404


def test_task_page_offers_the_report_form_only_to_reporters(personas, seed_plan):
    url = reverse("assignments:task", args=[seed_plan.code, "NV-CY-c.b1"])
    assert 'enctype="multipart/form-data"' in _client(personas.agency).get(url).content.decode()
    assert "multipart/form-data" not in _client(personas.viewer).get(url).content.decode()


def test_edit_form_saves_tracking_and_guiding_documents(personas, seed_plan, task):
    url = reverse("assignments:edit", args=[seed_plan.code, "NV-CY-c.b1"])
    response = _client(personas.owner).post(
        url,
        {
            "due_year": "2025",
            "deadline": "2025-10-31",
            "expected_output": "Báo cáo tổng kết",
            "guiding_documents": "Nghị quyết 10/NQ-CP\n\nQuyết định 1719/QĐ-TTg\n",
            "percent": "12,5",
            "version": "0",
        },
    )
    assert response.status_code == 302
    tracking = am.TaskTracking.objects.get(task=task("NV-CY-c.b1"))
    assert tracking.guiding_documents == ["Nghị quyết 10/NQ-CP", "Quyết định 1719/QĐ-TTg"]
    assert tracking.percent_complete == Decimal("12.5") and tracking.status == "in_progress"


def test_weights_form_changes_the_rollup(personas, seed_plan, task):
    url = reverse("assignments:weights", args=[seed_plan.code, "NV-CY-d"])
    data = {"w_NV-CY-d.b1": "2", "w_NV-CY-d.b2": "1", "w_NV-CY-d.b3": "0,5", "reason": "Theo mức độ"}
    assert _client(personas.owner).post(url, data).status_code == 302
    assert am.TaskTracking.objects.get(task=task("NV-CY-d.b3")).weight == Decimal("0.5")


def test_links_form_adds_and_removes(personas, seed_plan):
    url = reverse("assignments:links", args=[seed_plan.code, "NV-CY-c.b1"])
    client = _client(personas.owner)
    client.post(url, {"kind": "target", "code": "T2025-13", "action": "add"})
    client.post(url, {"kind": "budget", "code": "NS-1719-TW-SN", "action": "add"})
    assert am.TaskTargetLink.objects.count() == 1 and am.TaskBudgetLink.objects.count() == 1
    client.post(url, {"kind": "target", "code": "T2025-13", "action": "remove"})
    client.post(url, {"kind": "budget", "code": "NS-1719-TW-SN", "action": "remove"})
    assert am.TaskTargetLink.objects.count() == 0 and am.TaskBudgetLink.objects.count() == 0
    assert client.post(url, {"kind": "target", "code": "NOPE", "action": "add"}).status_code == 404


def test_target_page_shows_tasks_with_progress_and_money(personas, seed_plan, task):
    url = reverse("assignments:links", args=[seed_plan.code, "NV-CY-c.b1"])
    client = _client(personas.owner)
    client.post(url, {"kind": "target", "code": "T2025-13", "action": "add"})
    for line in ("NS-1719-TW", "NS-1719-TW-SN"):  # a total and its component: counted once
        client.post(url, {"kind": "budget", "code": line, "action": "add"})
    update_tracking(task=task("NV-CY-c.b1"), actor=personas.owner, values={}, percent=Decimal(40))
    page = _client(personas.viewer).get(reverse("assignments:target", args=[seed_plan.code, "T2025-13"]))
    text = page.content.decode()
    assert "NV-CY-c.b1" in text and "40%" in text and "1.257.762" in text and "327.963" in text
    assert text.count("<strong>1.257.762</strong>") == 1  # the total, not 1.585.725
    line_page = _client(personas.viewer).get(
        reverse("assignments:budget-line", args=[seed_plan.code, "NS-1719-TW"])
    )
    assert "NV-CY-c.b1" in line_page.content.decode() and "T2025-13" in line_page.content.decode()


@pytest.mark.parametrize("name", ["assignments:target", "assignments:budget-line"])
def test_unknown_target_or_line_is_404(personas, seed_plan, name):
    assert _client(personas.owner).get(reverse(name, args=[seed_plan.code, "NOPE"])).status_code == 404


def test_succession_page_moves_tasks_of_a_ceased_agency(personas, seed_plan, task):
    url = reverse("assignments:succession", args=[seed_plan.code])
    client = _client(personas.owner)
    assert "Phòng Dân tộc huyện Mường Tè" in client.get(url).content.decode()
    response = client.post(
        url,
        {"agency": "MT-PDT", "lead_successor": "LC-SDTTG", "others_coordinate": "on", "reason": "Sắp xếp"},
    )
    assert response.status_code == 302
    assert task("NV-DP-a").lead.code == "LC-SDTTG"
    page = client.get(reverse("assignments:task", args=[seed_plan.code, "NV-DP-a"])).content.decode()
    assert "Lịch sử chuyển giao" in page and "Sắp xếp" in page


def test_task_page_reassigns_one_ceased_holder(personas, seed_plan, task):
    url = reverse("assignments:reassign-task", args=[seed_plan.code, "NV-CY-d.b1"])
    response = _client(personas.owner).post(
        url, {"from_agency": "MT-YT", "to_agency": "LC-UBND-X-2025-3445-VHXH", "reason": "Theo quyết định"}
    )
    assert response.status_code == 302
    assert task("NV-CY-d.b1").lead.code == "LC-UBND-X-2025-3445-VHXH"


def test_marking_done_in_the_edit_form_does_not_need_the_percent_changed(personas, seed_plan, task):
    update_tracking(task=task("NV-CY-c.b1"), actor=personas.owner, values={}, percent=Decimal(40))
    url = reverse("assignments:edit", args=[seed_plan.code, "NV-CY-c.b1"])
    response = _client(personas.owner).post(url, {"status": "done", "percent": "40", "version": "1"})
    assert response.status_code == 302
    tracking = am.TaskTracking.objects.get(task=task("NV-CY-c.b1"))
    assert (tracking.status, tracking.percent_complete) == ("done", Decimal(100))
