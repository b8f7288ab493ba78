"""A real Chromium: the plan owner drafts the annual report, edits a section, issues it and
downloads the Word file, which carries the issued number and the edited text."""

from __future__ import annotations

import pytest
from docx import Document

from kehoach.accounts.choices import Role
from kehoach.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner(seeded_transactional_db):
    from kehoach.accounts.services import save_user
    from kehoach.plans.models import Plan

    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    user = save_user(
        username="chu-tri", role=Role.PLAN_OWNER, password=PASSWORD, actor=None, units=[plan.admin_unit]
    )
    return user, plan


def test_owner_issues_the_annual_report_and_downloads_it(owner, live_server, page, tmp_path):
    user, plan = owner
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("button", name="Đăng xuất").wait_for()

    page.goto(f"{live_server.url}/ke-hoach/{plan.code}/")
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_label("Loại báo cáo").select_option("annual")
    page.get_by_label("Năm báo cáo / năm sơ kết, tổng kết").fill("2024")
    page.get_by_label("Số liệu tính đến ngày").fill("2024-12-14")
    page.get_by_role("button", name="Lập dự thảo").click()
    page.get_by_text("Đã lập dự thảo báo cáo").wait_for()

    page.get_by_label("Khó khăn, vướng mắc và nguyên nhân").fill(
        "Địa bàn rộng, chia cắt; mùa mưa lũ kéo dài."
    )
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_text("Đã lưu dự thảo.").wait_for()
    page.get_by_label("Ngày ban hành").fill("2025-01-05")
    page.get_by_label("Tôi xác nhận ban hành; sau khi ban hành không sửa được").check()
    page.get_by_role("button", name="Ban hành báo cáo").click()
    page.get_by_text("Đã ban hành báo cáo số 01/BC-UBND.").wait_for()

    with page.expect_download() as info:
        page.get_by_role("link", name="Báo cáo (Word .docx)").click()
    path = tmp_path / "bao-cao.docx"
    info.value.save_as(path)
    doc = Document(str(path))
    number, when = doc.tables[0].rows[1].cells
    assert number.text == "Số: 01/BC-UBND"
    assert when.text == f"{plan.place}, ngày 05 tháng 01 năm 2025"
    assert "Địa bàn rộng, chia cắt; mùa mưa lũ kéo dài." in [p.text for p in doc.paragraphs]
