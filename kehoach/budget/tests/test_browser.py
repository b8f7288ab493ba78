"""A real Chromium: the finance officer records a disbursement and sees it counted."""

from __future__ import annotations

import pytest

from kehoach.accounts.choices import Role
from kehoach.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def finance_and_allocation(seeded_transactional_db):
    from decimal import Decimal

    from kehoach.accounts.services import save_user
    from kehoach.audit.choices import Channel
    from kehoach.budget.inputs import AllocationInput
    from kehoach.budget.services import create_allocation
    from kehoach.plans.models import Plan, Programme

    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    user = save_user(
        username="tai-chinh",
        role=Role.FINANCE,
        password=PASSWORD,
        actor=None,
        units=[plan.admin_unit],
        full_name="Cán bộ Phòng Tài chính - Kế hoạch",
    )
    data = AllocationInput(
        programme=Programme.objects.get(code="CTMTQG-DTTS"),
        source="central",
        kind="investment",
        year=2024,
        amount_million_vnd=Decimal("2000"),
        decision_number="15/QĐ-UBND",
    )
    return user, create_allocation(actor=user, plan=plan, data=data, channel=Channel.WEB)


def test_finance_officer_records_a_disbursement(finance_and_allocation, live_server, page):
    from kehoach.audit.models import AuditEvent
    from kehoach.budget.models import Disbursement

    user, allocation = finance_and_allocation
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", level=1).first.wait_for()

    page.get_by_role("link", name="Giải ngân").first.click()
    page.get_by_role("heading", name="Giao vốn và giải ngân", exact=True).wait_for()
    page.get_by_role("link", name="Danh sách giao vốn").click()
    page.get_by_role("link", name=allocation.ref).click()

    page.get_by_label("Ngày giải ngân").fill("2024-05-15")
    page.get_by_label("Số tiền giải ngân (triệu đồng)").fill("1.234,5")
    page.get_by_label("Số chứng từ").fill("UNC 00077")
    page.get_by_role("button", name="Ghi giải ngân").click()
    page.get_by_text("Đã ghi khoản giải ngân 1.234,5 triệu đồng.").wait_for()
    assert page.get_by_role("cell", name="UNC 00077").is_visible()
    assert page.get_by_text("765,5").first.is_visible()  # what remains of the 2.000

    d = Disbursement.objects.get(reference="UNC 00077")
    assert str(d.amount_million_vnd) == "1234.500"
    assert AuditEvent.objects.filter(
        action="budget.disbursement.create", object_id=str(d.pk), channel="web"
    ).exists()

    page.get_by_role("link", name="← Danh sách giao vốn").click()
    page.get_by_role("link", name="Tổng quan", exact=True).click()
    assert page.get_by_text("61,7%").first.is_visible()  # 1.234,5 of 2.000 disbursed
    page.wait_for_function("() => window.Chart && window.Chart.getChart('budget-chart') !== undefined")
    drawn = page.evaluate("() => window.Chart.getChart('budget-chart').data.datasets.map(d => d.label)")
    assert drawn == ["Giải ngân lũy kế (triệu đồng)", "Vốn giao lũy kế (triệu đồng)"]
