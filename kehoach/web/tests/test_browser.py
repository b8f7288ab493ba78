"""A real Chromium (Debian's, through Playwright) logs in and walks the plan."""

from __future__ import annotations

import re

import pytest

from kehoach.accounts.choices import Role
from kehoach.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner(seeded_transactional_db):
    from kehoach.accounts.services import save_user
    from kehoach.plans.models import Plan

    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    return save_user(
        username="trinh-duyet",
        role=Role.PLAN_OWNER,
        password=PASSWORD,
        actor=None,
        units=[plan.admin_unit],
        full_name="Cán bộ Phòng Dân tộc",
    )


def test_login_and_walk_the_plan(owner, live_server, page):
    # A visitor lands on the public portal; officials sign in from its header.
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Đăng nhập cho cán bộ").click()
    page.get_by_label("Tên đăng nhập").fill(owner.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    # The seed plan, in Vietnamese, with its document header and structure.
    page.get_by_role("heading", level=1).filter(has_text="KẾ HOẠCH").wait_for()
    assert "Triển khai thực hiện Chiến lược công tác dân tộc" in page.content()
    assert page.get_by_text("MỤC TIÊU", exact=False).first.is_visible()
    assert page.get_by_text("1.426.328").first.is_visible()

    # Targets, filtered without diacritics.
    page.get_by_role("link", name="Chỉ tiêu").first.click()
    page.get_by_label("Tìm trong nội dung").fill("ho ngheo")
    page.get_by_role("button", name="Lọc").click()
    rows = page.locator("tbody tr")
    assert rows.count() >= 2
    assert all("nghèo" in rows.nth(i).inner_text() for i in range(rows.count()))

    # Edit a target and see it audited.
    page.goto(live_server.url + "/ke-hoach/MUONGTE-CTDT-2021-2030/chi-tieu/?milestone=2025")
    page.locator("tbody tr").first.get_by_role("link", name="sửa").click()
    page.get_by_label("Giá trị").fill("33,5")
    page.get_by_label("Lý do thay đổi (ghi vào nhật ký)").fill("Thử nghiệm trình duyệt")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu thay đổi.").wait_for()
    assert "33,5" in page.content()

    # Tasks with agencies; budget with its findings; units with history.
    page.get_by_role("link", name="Nhiệm vụ, giải pháp").first.click()
    assert page.get_by_text("Phòng Dân tộc").first.is_visible()
    page.get_by_role("link", name="Nguồn lực").first.click()
    assert page.get_by_text("1.257.762").first.is_visible()
    assert page.get_by_text("Điểm cần rà soát").first.is_visible()
    page.get_by_role("link", name="Đơn vị hành chính").click()
    page.get_by_label("Tên").fill("bum to")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name=re.compile("Xã Bum Tở")).first.click()
    assert page.get_by_text("Sắp xếp đơn vị hành chính").is_visible()
