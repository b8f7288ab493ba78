"""A real Chromium: a commune officer enters values, meets a warning, explains it, submits; the
plan owner approves."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.accounts.choices import Role
from kehoach.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setup(seeded_transactional_db):
    from kehoach.accounts.services import save_user
    from kehoach.audit.choices import Channel
    from kehoach.datavalues.services import SYSTEM, save_data_values
    from kehoach.datavalues.tests.helpers import open_round, row
    from kehoach.indicators.models import DataSet
    from kehoach.orgunits.models import OrgUnit
    from kehoach.plans.models import Plan

    plan = Plan.objects.get(code="MUONGTE-CTDT-2021-2030")
    commune = OrgUnit.objects.get(key="gso-legacy:03433")
    xa = DataSet.objects.get(code="XA-NAM")
    for year, people in (("2021", 1000), ("2022", 1010), ("2023", 1020)):
        rows = [row(1, "DS_TONG", people, period=year)]
        assert save_data_values(
            actor=SYSTEM, data_set=xa, rows=rows, channel=Channel.CLI, today=dt.date(int(year), 12, 1)
        ).committed
    open_round(xa)
    officer = save_user(
        username="can-bo-xa", role=Role.COMMUNE_OFFICER, password=PASSWORD, actor=None, units=[commune]
    )
    owner = save_user(
        username="chu-tri", role=Role.PLAN_OWNER, password=PASSWORD, actor=None, units=[plan.admin_unit]
    )
    return officer, owner, commune


def login(page, live_server, user):
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("button", name="Đăng xuất").wait_for()


def test_commune_enters_explains_a_warning_submits_and_owner_approves(setup, live_server, page):
    officer, owner, commune = setup
    login(page, live_server, officer)
    page.goto(f"{live_server.url}/so-lieu/nhap/XA-NAM/{commune.pk}/2024/")
    page.get_by_label("Dân số – Tổng số").fill("5.000")
    page.get_by_label("Dân số là người dân tộc thiểu số – Tổng số").fill("4.000")
    page.get_by_label("Đơn vị cấp xã (ghi 1) – Tổng số").fill("1")
    page.get_by_label("Tổng số bản, khu phố – Tổng số").fill("5")
    page.get_by_label("Tổng số cán bộ, công chức cấp xã – Tổng số").fill("20")
    page.get_by_role("button", name="Lưu", exact=True).click()

    # The outlier against the commune's own history is a warning: explained, or not saved.
    page.get_by_text("Chưa lưu gì").wait_for()
    assert page.get_by_text("khác thường so với 3 kỳ trước").first.is_visible()
    assert page.get_by_label("Dân số – Tổng số").input_value() == "5.000"  # what was typed is kept
    page.get_by_label("Ghi chú: Dân số", exact=True).fill("Sáp nhập thêm hai bản từ xã bên cạnh")
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    page.get_by_text("Đã gửi báo cáo lên cấp trên để phê duyệt.").wait_for()
    assert page.get_by_text("Đã gửi, chờ phê duyệt").first.is_visible()
    page.get_by_role("button", name="Đăng xuất").click()

    login(page, live_server, owner)
    page.get_by_role("link", name="Phê duyệt số liệu").click()
    row = page.locator("tr", has_text=commune.name).first
    row.get_by_label("Ý kiến").fill("Đã kiểm tra")
    row.get_by_role("button", name="Phê duyệt").click()
    page.get_by_text("Đã phê duyệt báo cáo").wait_for()

    from kehoach.datavalues.models import DataValue, Submission

    assert Submission.objects.get(unit=commune, period="2024").status == "approved"
    assert DataValue.objects.get(unit=commune, period="2024", element__code="DS_TONG").comment.startswith(
        "Sáp nhập"
    )


def test_figures_typed_before_the_session_expired_are_offered_back_after_signing_in(setup, live_server, page):
    officer, _owner, commune = setup
    login(page, live_server, officer)
    form_url = f"{live_server.url}/so-lieu/nhap/XA-NAM/{commune.pk}/2024/"
    page.goto(form_url)
    page.get_by_label("Dân số – Tổng số").fill("1.030")  # near 2021-2023 (no outlier warning)
    kept = [c for c in page.context.cookies() if c["name"] != "sessionid"]
    page.context.clear_cookies()  # the session ended after 8 hours (the CSRF cookie stays)
    page.context.add_cookies(kept)
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Số bạn đã gõ vào biểu nhập số liệu vẫn được giữ").wait_for()
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(form_url)  # back on the form, which came back empty from the server
    assert page.get_by_label("Dân số – Tổng số").input_value() == ""
    page.get_by_role("button", name="Khôi phục số đã gõ").click()
    assert page.get_by_label("Dân số – Tổng số").input_value() == "1.030"
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu").first.wait_for()
    page.reload()  # saved: the kept copy equals the page and is dropped, no banner
    assert page.get_by_role("button", name="Khôi phục số đã gõ").count() == 0
