"""The web entry form and the pages around it."""

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.audit.choices import Channel
from kehoach.datavalues.models import DataValue, DataValueAudit
from kehoach.datavalues.services import SYSTEM, save_data_values
from kehoach.datavalues.tests.helpers import PERIOD, open_round, row

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def url(commune, opened):
    return reverse("datavalues:entry", args=["XA-NAM", commune.pk, PERIOD])


def test_form_shows_last_periods_value_beside_the_input(xa, commune, personas):
    open_round(xa, "2023")
    save_data_values(
        actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 1234567, period="2023")], channel=Channel.CLI
    )
    open_round(xa)
    html = (
        client(personas.commune)
        .get(reverse("datavalues:entry", args=["XA-NAM", commune.pk, PERIOD]))
        .content.decode()
    )
    assert "1.234.567" in html and 'name="v:DS_TONG:default"' in html and "Kỳ trước" in html


def test_vietnamese_number_input_is_saved_exactly(url, personas):
    response = client(personas.commune).post(
        url, {"v:TN_DTTS:default": "1.234,5", "o:TN_DTTS:default": "", "ver:TN_DTTS:default": "0"}
    )
    assert response.status_code == 302
    assert str(DataValue.objects.get(element__code="TN_DTTS").value.normalize()) == "1234.5"
    assert DataValueAudit.objects.get().channel == "web"


def test_unreadable_number_is_refused_and_kept_in_the_input(url, personas):
    response = client(personas.commune).post(
        url, {"v:DS_TONG:default": "12,3,4", "o:DS_TONG:default": "", "ver:DS_TONG:default": "0"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and 'value="12,3,4"' in html and "không phải là số hợp lệ" in html
    assert not DataValue.objects.exists()


def test_stale_save_gets_a_conflict_message_and_keeps_what_the_user_typed(url, xa, personas):
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 100)], channel=Channel.CLI)
    # The officer loaded the form at version 1 (value 100); someone else then saves 150.
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 150, version=1)], channel=Channel.CLI)
    response = client(personas.commune).post(
        url, {"v:DS_TONG:default": "120", "o:DS_TONG:default": "100", "ver:DS_TONG:default": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "người khác sửa" in html and 'value="120"' in html and "Giá trị đang lưu" in html and "150" in html
    assert DataValue.objects.get(element__code="DS_TONG").value == 150
    # The form now carries the current version: saving again is a conscious overwrite.
    assert 'name="ver:DS_TONG:default" value="2"' in html


def test_untouched_cells_are_not_sent_so_others_changes_survive(url, xa, personas):
    save_data_values(
        actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 100), row(2, "BAN_TONG", 5)], channel=Channel.CLI
    )
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "BAN_TONG", 6, version=1)], channel=Channel.CLI)
    data = {
        "v:DS_TONG:default": "110",
        "o:DS_TONG:default": "100",
        "ver:DS_TONG:default": "1",
        "v:BAN_TONG:default": "5",
        "o:BAN_TONG:default": "5",
        "ver:BAN_TONG:default": "1",
    }
    assert client(personas.commune).post(url, data).status_code == 302
    assert DataValue.objects.get(element__code="BAN_TONG").value == 6


def test_warning_needs_a_comment_then_saves(ban, village, personas):
    open_round(ban)
    url = reverse("datavalues:entry", args=["BAN-NAM", village.pk, PERIOD])
    data = {"v:HO_TONG:default": "1.500", "o:HO_TONG:default": "", "ver:HO_TONG:default": "0"}
    html = client(personas.commune).post(url, data).content.decode()
    assert "Cảnh báo" in html and "Cần ghi chú" in html and not DataValue.objects.exists()
    data |= {"c:HO_TONG": "Bản lớn sau sáp nhập", "co:HO_TONG": ""}
    assert client(personas.commune).post(url, data).status_code == 302
    assert DataValue.objects.get().comment == "Bản lớn sau sáp nhập"


def test_save_and_submit_then_form_is_locked(url, personas):
    data: dict[str, str] = {}
    for code, value in [
        ("DS_TONG", "100"),
        ("DS_DTTS", "80"),
        ("SO_XA", "1"),
        ("BAN_TONG", "5"),
        ("CBCC_XA_TONG", "20"),
    ]:
        data |= {f"v:{code}:default": value, f"o:{code}:default": "", f"ver:{code}:default": "0"}
    c = client(personas.commune)
    page = c.post(url, {**data, "action": "submit"}, follow=True).content.decode()
    assert "Đã gửi báo cáo" in page and "số liệu bị khóa" in page
    assert "disabled" in page


def test_submit_with_missing_required_values_explains_why(url, personas):
    data = {
        "v:DS_TONG:default": "100",
        "o:DS_TONG:default": "",
        "ver:DS_TONG:default": "0",
        "action": "submit",
    }
    page = client(personas.commune).post(url, data, follow=True).content.decode()
    assert "Đã lưu" in page and "Chưa gửi được" in page and "chưa nhập tổng số" in page


def test_read_only_for_viewer(url, personas):
    html = client(personas.viewer).get(url).content.decode()
    assert "Bạn chỉ được xem" in html and "Lưu và gửi báo cáo" not in html


def test_overview_counts_expected_and_received_and_query_count_is_bounded(
    personas, seed_plan, opened, django_assert_max_num_queries
):
    c = client(personas.owner)
    url = reverse("datavalues:overview", args=[seed_plan.code]) + f"?bieu=XA-NAM&ky={PERIOD}"
    c.get(url)
    with django_assert_max_num_queries(30):
        html = c.get(url).content.decode()
    assert "đơn vị phải báo cáo" in html and html.count("nhập, xem") == 14


def test_every_template_link_on_the_overview_downloads_for_its_user(personas, seed_plan, opened):
    """A commune officer's "template for every unit you may enter" starts at its commune, not at
    the district it may not read (which answered 404)."""
    import re

    for user in (personas.owner, personas.commune):
        c = client(user)
        url = reverse("datavalues:overview", args=[seed_plan.code]) + f"?bieu=XA-NAM&ky={PERIOD}"
        links = re.findall(r'href="([^"]*/mau\.xlsx)"', c.get(url).content.decode())
        assert links, user
        for link in links:
            assert c.get(link).status_code == 200, (user, link)


def test_approvals_page_lists_waiting_reports_with_bounded_queries(
    personas, xa, opened, django_assert_max_num_queries
):
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 1)], channel=Channel.CLI)
    from kehoach.datavalues.models import Submission

    Submission.objects.update(status="submitted", submitted_by=personas.commune)
    c = client(personas.owner)
    c.get(reverse("datavalues:approvals"))
    with django_assert_max_num_queries(20):
        html = c.get(reverse("datavalues:approvals")).content.decode()
    assert "Phê duyệt" in html and "Trả lại để sửa" in html
    # Two villages may share a name: each unit is shown with the unit above it.
    commune = personas.commune.units.get()
    parent = commune.parent_links.order_by("-valid_from").first().parent
    assert f'{commune.name} <span class="muted">({parent.name})</span>' in html


def test_main_menu_and_plan_tab_are_registered(personas, seed_plan):
    html = client(personas.owner).get(reverse("web:plan", args=[seed_plan.code])).content.decode()
    for text in ("Số liệu", "Tiến độ báo cáo", "Phê duyệt số liệu", "Danh mục chỉ số"):
        assert text in html


def test_unit_history_shows_old_and_new_values(url, xa, personas, commune):
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 100)], channel=Channel.CLI)
    save_data_values(
        actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 110)], channel=Channel.API, reason="Sửa sai"
    )
    html = client(personas.owner).get(reverse("datavalues:unit-history", args=[commune.pk])).content.decode()
    assert "Sửa sai" in html and "110" in html and "API" in html


def test_a_refused_save_says_why_rather_than_no_permission(xa, commune, personas, url):
    from kehoach.datavalues.models import Submission

    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 5)], channel=Channel.CLI)
    Submission.objects.filter(data_set=xa).update(status="submitted")
    page = client(personas.commune).post(url, {"v:DS_TONG:default": "7"})
    text = page.content.decode()
    assert page.status_code == 403 and "số liệu bị khóa" in text and "Vai trò của bạn" not in text
