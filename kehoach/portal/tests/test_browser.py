"""A real Chromium: keyboard only through the portal home, and axe-core on every kind of page."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped, unused-ignore]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PLAN = "MUONGTE-CTDT-2021-2030"


def test_a_keyboard_user_tabs_through_the_home_page_to_the_staff_login(
    seeded_transactional_db, live_server, page
):
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    focused: list[str] = []
    for _ in range(200):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
                 const s = getComputedStyle(e);
                 return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
                         visible: r.width > 0 && r.height > 0, outline: s.outlineStyle}; }"""
        )
        if info["tag"] == "BODY":  # past the last stop: the whole page was reachable
            break
        assert info["text"], info  # every stop has an accessible name
        assert info["visible"] and info["outline"] != "none", info  # and a visible focus ring
        focused.append(info["text"])
    assert len(focused) > 10 and focused[0] == "Bỏ qua, đến nội dung chính"
    assert focused[-1] == "Gửi ý kiến về kế hoạch"  # the footer: nothing traps the keyboard
    assert "Đăng nhập cho cán bộ" in focused and "Xem từng chỉ tiêu" in focused
    page.goto(live_server.url + "/")
    for _ in range(focused.index("Đăng nhập cho cán bộ") + 1):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_label("Tên đăng nhập").wait_for()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        f"/cong-khai/{PLAN}/chi-tieu/",
        f"/cong-khai/{PLAN}/chi-tieu/T2025-13/",
        f"/cong-khai/{PLAN}/chi-so/TL_TRE5_DI_HOC/?phan-to=sex",
        f"/cong-khai/{PLAN}/von/",
        f"/cong-khai/{PLAN}/nhiem-vu/",
        f"/cong-khai/{PLAN}/y-kien/gui/?ve=task",
    ],
)
def test_axe_core_finds_no_violation(seeded_transactional_db, live_server, page, path):
    page.goto(live_server.url + path)
    page.get_by_role("heading", level=1).wait_for()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_snapshot()


def test_a_hostile_comment_renders_inert(seeded_transactional_db, live_server, page):
    from django.utils import timezone

    from kehoach.accounts.models import User
    from kehoach.plans.models import Plan
    from kehoach.portal import services
    from kehoach.portal.choices import SubjectKind

    plan = Plan.objects.get(code=PLAN)
    payloads = [
        "<script>window.pwned = 1</script>",
        '<img src=x onerror="window.pwned = 1">',
        '"><svg onload="window.pwned = 1">',
        "javascript:window.pwned=1",
    ]
    admin = User.objects.create_superuser("quan-tri-xss", password="mat-khau-dai-123")
    for text in payloads:
        feedback = services.submit_feedback(
            plan=plan,
            kind=SubjectKind.PLAN,
            subject=None,
            text=text,
            name=text[:50],
            today=timezone.localdate(),
        )
        services.publish_feedback(actor=admin, feedback=feedback, answer=text)
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(f"{live_server.url}/cong-khai/{PLAN}/y-kien/")
    page.get_by_role("heading", level=1).wait_for()
    assert page.evaluate("() => window.pwned") is None and not dialogs
    assert page.get_by_text("<script>window.pwned = 1</script>").first.is_visible()


def test_axe_core_does_run_under_the_pages_csp(seeded_transactional_db, live_server, page):
    """Guard of the checks above: a defect added to a real page (CSP on) is reported."""
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    page.evaluate("() => document.querySelector('main').append(document.createElement('input'))")
    results = Axe().run(page)
    assert "label" in results.generate_snapshot()


def test_the_indicator_chart_draws_the_approved_figure(
    seeded_transactional_db, enter, approve, live_server, page
):
    approve(enter("2024", [("TN_DTTS", 2040)]))  # 2.040 / 80 people: 25,5 million đồng a year
    page.goto(f"{live_server.url}/cong-khai/{PLAN}/chi-so/TN_BQ_DTTS/")
    page.get_by_role("heading", level=1).wait_for()
    page.wait_for_function("() => window.Chart && window.Chart.getChart('portal-chart') !== undefined")
    drawn = page.evaluate(
        "() => window.Chart.getChart('portal-chart').data.datasets.map(d => [d.label, d.data])"
    )
    assert drawn and drawn[0][0] and 25.5 in drawn[0][1], drawn
    # One value (or values a hair apart) gets an axis of some width, not a swing between 25,49 and 25,51.
    low, high = page.evaluate(
        "() => { const y = window.Chart.getChart('portal-chart').scales.y; return [y.min, y.max]; }"
    )
    assert high - low >= 2.5, (low, high)
    assert page.get_by_role("cell", name="25,5").first.is_visible()  # the same figure in the table


def test_values_a_hair_apart_are_not_drawn_as_swings(seeded_transactional_db, live_server, page):
    """A growth rate of 6,50001 beside 6,5 (levels computed exactly) once filled the whole chart
    height with labels all reading "6,5": the shared line-chart helper keeps a sensible axis."""
    page.goto(live_server.url + "/")
    page.set_content(
        '<canvas id="t" width="400" height="200"></canvas>'
        '<script type="application/json" id="t-data">'
        '{"labels": ["2023", "2024", "2025"], "values": ["6.5", "6.50001", "6.49999"]}</script>'
    )
    for path in ("web/vendor/chart.umd.min.js", "web/line-chart.js"):
        page.add_script_tag(url=f"{live_server.url}/static/{path}")
    page.evaluate(
        """() => window.kehoachLineChart("t", d => [{label: "Tăng trưởng", data: window.kehoachNumbers(d.values)}])"""
    )
    low, high = page.evaluate(
        "() => { const y = window.Chart.getChart('t').scales.y; return [y.min, y.max]; }"
    )
    assert high - low >= 0.6, (low, high)  # at least a tenth of the values' size
