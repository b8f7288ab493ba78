"""A real Chromium records a task progress report with an evidence file, as an agency officer."""

from __future__ import annotations

import pytest

from kehoach.accounts.choices import Role
from kehoach.assignments.tests import samples as s
from kehoach.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def officer(seeded_transactional_db):
    from kehoach.accounts.services import save_user
    from kehoach.agencies.models import Agency
    from kehoach.plans.models import Plan

    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    return save_user(
        username="can-bo-giao-duc",
        role=Role.AGENCY_OFFICER,
        password=PASSWORD,
        actor=None,
        units=[plan.admin_unit],
        agency=Agency.objects.get(code="MT-GDDT"),
        full_name="Cán bộ Phòng Giáo dục",
    )


def test_agency_officer_records_progress_with_evidence(officer, live_server, page, evidence_root):
    from kehoach.assignments.models import Evidence, TaskTracking

    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("link", name="Nhiệm vụ của tôi").click()
    page.locator("#task-NV-CY-c\\.b1 h3 a").click()
    page.get_by_role("heading", level=2, name="Báo cáo tiến độ").wait_for()

    page.get_by_label("Nội dung báo cáo").fill("Đã mở 12 lớp xóa mù chữ tại các bản đặc biệt khó khăn.")
    page.get_by_label("Tỷ lệ hoàn thành (%)").fill("40")
    page.get_by_label("Tệp minh chứng").set_input_files(
        [{"name": "Biên bản kiểm tra.pdf", "mimeType": "application/pdf", "buffer": s.PDF}]
    )
    page.get_by_role("button", name="Gửi báo cáo").click()

    page.get_by_text("Đã ghi báo cáo tiến độ.").wait_for()
    timeline = page.locator(".asg-timeline")
    assert "Đã mở 12 lớp xóa mù chữ" in timeline.inner_text()
    assert "40%" in page.locator(".asg-bar").first.inner_text()
    with page.expect_download() as download:
        timeline.get_by_role("link", name="Biên bản kiểm tra.pdf").click()
    assert download.value.suggested_filename == "Biên bản kiểm tra.pdf"

    evidence = Evidence.objects.get()
    assert (evidence_root / "evidence" / evidence.stored_name).read_bytes() == s.PDF
    assert TaskTracking.objects.get(task__code="NV-CY-c.b1").percent_complete == 40
