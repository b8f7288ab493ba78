"""A real Chromium: upload a small plan, follow an item to its highlighted sentence, confirm."""

from __future__ import annotations

import re

import pytest

from kehoach.accounts.choices import Role
from kehoach.testing.personas import PASSWORD

from .conftest import VARIANT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner(seeded_transactional_db):
    from kehoach.accounts.services import save_user
    from kehoach.plans.models import Plan

    district = Plan.objects.get(code="MUONGTE-CTDT-2021-2030").admin_unit
    return save_user(
        username="nhap-ke-hoach",
        role=Role.PLAN_OWNER,
        password=PASSWORD,
        actor=None,
        units=[district],
        full_name="Cán bộ Phòng Lao động - Thương binh và Xã hội",
    )


def test_upload_review_highlighted_source_and_confirm(owner, live_server, page):
    from kehoach.plans.models import Plan

    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(owner.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("link", name="Nhập kế hoạch").click()
    page.get_by_label("Tệp văn bản kế hoạch (.docx hoặc .txt)").set_input_files(str(VARIANT))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.get_by_role("heading", name="Văn bản gốc").wait_for()
    assert Plan.objects.filter(source_name=VARIANT.name).count() == 0  # nothing written yet

    # The item's code is a link to its sentence, which the browser scrolls to and highlights.
    page.locator(".import-draft").get_by_role("link", name="T2025-03", exact=True).click()
    source = page.locator("#src-target-T2025-03")
    source.wait_for()
    assert page.evaluate("document.querySelector(':target').id") == "src-target-T2025-03"
    assert "Tỷ lệ lao động qua đào tạo đạt trên 45%." in source.inner_text()
    assert source.is_visible()
    highlighted = source.evaluate("e => getComputedStyle(e).outlineStyle")
    assert highlighted == "solid"

    page.get_by_role("link", name="Khớp cơ quan, đơn vị và xác nhận").click()
    assert page.get_by_role("radio", name=re.compile(r"^Huyện Mường Tè")).is_checked()
    page.get_by_label("Mã kế hoạch").fill("MUONGTE-GN-2023-2025")
    page.get_by_role("button", name="Xác nhận tạo kế hoạch").click()

    page.get_by_text("Đã tạo kế hoạch MUONGTE-GN-2023-2025").wait_for()
    assert page.url.endswith("/ke-hoach/MUONGTE-GN-2023-2025/")
    assert "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững" in page.content()
    plan = Plan.objects.get(code="MUONGTE-GN-2023-2025")
    assert plan.targets.count() == 3 and plan.budget_lines.count() == 3
