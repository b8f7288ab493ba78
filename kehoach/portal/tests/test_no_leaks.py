"""Nothing private reaches the public: every portal page, download and JSON answer is crawled after
seeding a draft, a submitted-but-unapproved value, comments pending and rejected, contact details
and a small count that must be suppressed.

Approved 2023 (shown): income 1.600 / 80 people = 20; five-year-olds at school: boys 3 of 37 (below
the threshold of 10: suppressed), girls 45 of 53 (84,9%: suppressed as its complement), all 48 of 90.
Submitted 2024, not approved: income 61,37 per person. Draft 2022, not sent: 57,77 per person.
"""

from __future__ import annotations

import re
from collections import deque
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kehoach.audit.choices import Channel
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import save_data_values
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet
from kehoach.portal import services
from kehoach.portal.choices import SubjectKind
from kehoach.portal.tests.conftest import REQUIRED

pytestmark = pytest.mark.django_db
INDICATOR = "TL_TRE5_DI_HOC"
CONTACT = ("0912 345 678", "nguoidan.bimat@example.vn")
NUMBERS = [
    *("61,4", "61,37", "61.37", "4909", "4.909"),  # submitted, not approved
    *("57,8", "57,77", "57.77", "4621", "4.621"),  # draft
    *("8,1", "8.1", "84,9", "84.9"),  # suppressed ratios
]
TEXTS = [*CONTACT, "Ý kiến còn chờ duyệt QXZ", "Ý kiến bị từ chối QXZ"]


def leaked(body: str) -> list[str]:
    """Private figures written as numbers of their own (not inside 1.828.179) and private texts."""
    found = [n for n in NUMBERS if re.search(rf"(?<![\d.,]){re.escape(n)}(?!\d)", body)]
    return found + [t for t in TEXTS if t in body]


SCHOOL = [
    ("TRE5_TONG", 90),
    ("TRE5_DI_HOC", 48),
    ("TRE5_TONG", 37, "GT_NAM"),
    ("TRE5_DI_HOC", 3, "GT_NAM"),
    ("TRE5_TONG", 53, "GT_NU"),
    ("TRE5_DI_HOC", 45, "GT_NU"),
]


@pytest.fixture
def seeded(seed_plan, personas, commune, enter, approve):
    approve(enter("2023", [("TN_DTTS", 1600), *SCHOOL]))
    enter("2024", [("TN_DTTS", Decimal("4909.6"))])
    xa = DataSet.objects.get(code="XA-NAM")
    open_round(xa, "2022")
    values = [(c, v) for c, v in REQUIRED] + [("TN_DTTS", Decimal("4621.6"))]
    rows = [row(i, c, v, period="2022") for i, (c, v) in enumerate(values, 1)]
    assert save_data_values(actor=personas.commune, data_set=xa, rows=rows, channel=Channel.WEB).committed
    assert Submission.objects.filter(period="2024", status="submitted").exists()
    today = timezone.localdate()
    target = seed_plan.targets.get(code="T2025-13")

    def comment(text, contact=""):
        return services.submit_feedback(
            plan=seed_plan,
            kind=SubjectKind.TARGET,
            subject=target,
            text=text,
            name="Lò Văn A",
            contact=contact,
            today=today,
        )

    services.publish_feedback(
        actor=personas.owner, feedback=comment("Ý kiến đã công khai QXZ", CONTACT[0]), answer="Trả lời QXZ"
    )
    comment("Ý kiến còn chờ duyệt QXZ", CONTACT[1])
    services.reject_feedback(
        actor=personas.owner, feedback=comment("Ý kiến bị từ chối QXZ"), reason="Trùng lặp"
    )
    return commune


def _links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"#]+)"', html)]


def _crawl(client: Client, start: list[str]) -> dict[str, str]:
    seen: dict[str, str] = {}
    queue = deque(start)
    while queue:
        url = queue.popleft()
        if url in seen or "quan-ly" in url or "tai=xlsx" in url:
            continue
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8-sig")
        seen[url] = body
        if "html" in response["Content-Type"]:
            queue.extend(u for u in _links(body) if u.startswith("/cong-khai/"))
            queue.extend(url.split("?")[0] + u for u in _links(body) if u.startswith("?tai=csv"))
    return seen


def test_nothing_private_appears_on_any_public_page_or_answer(seeded, seed_plan):
    code = seed_plan.code
    unit = f"don-vi={seeded.pk}"
    api = [
        reverse("api:portal-plan-list"),
        reverse("api:portal-targets", args=[code]),
        reverse("api:portal-targets", args=[code]) + "?" + unit,
        reverse("api:portal-budget", args=[code]),
        reverse("api:portal-tasks", args=[code]),
        reverse("api:portal-feedback", args=[code]),
    ]
    for combo in ("", "sex"):
        for where in ("", unit):
            query = f"?phan-to={combo}&{where}"
            api.append(reverse("api:portal-indicator", args=[code, INDICATOR]) + query)
    indicator = reverse("portal:indicator", args=[code, INDICATOR])
    start = [
        "/",
        f"{indicator}?phan-to=sex&{unit}",
        f"{indicator}?phan-to=sex",
        reverse("portal:targets", args=[code]) + "?" + unit,
        *api,
    ]
    pages = _crawl(Client(), start)
    assert len(pages) > 60  # every target, indicator and commune page was reached
    for url, body in pages.items():
        assert not leaked(body), (leaked(body), url)
    assert any("Ý kiến đã công khai QXZ" in body for body in pages.values())
    assert any("Trả lời QXZ" in body for body in pages.values())


def test_the_approved_figure_and_the_suppression_show_where_they_should(seeded, seed_plan):
    client = Client()
    url = reverse("api:portal-indicator", args=[seed_plan.code, INDICATOR])
    data = client.get(url, {"phan-to": "sex", "don-vi": seeded.pk}).json()
    table = data["tables"][0]
    row_2023 = next(
        r for r, hidden in zip(table["rows"], table["suppressed"], strict=True) if r["period"] == "2023"
    )
    assert row_2023["total"] == "53.3"  # 48 / 90, approved and above the threshold
    index = [r["period"] for r in table["rows"]].index("2023")
    assert set(table["suppressed"][index]) == {"GT_NAM", "GT_NU"}
    assert row_2023["GT_NAM"] is None and row_2023["GT_NU"] is None
    html = client.get(
        reverse("portal:indicator", args=[seed_plan.code, INDICATOR]), {"phan-to": "sex", "don-vi": seeded.pk}
    ).content.decode()
    assert "53,3" in html and "ẩn" in html


def test_an_approval_shows_on_the_public_page_at_once(seeded, seed_plan, approve):
    client = Client()
    url = reverse("portal:target", args=[seed_plan.code, "T2025-01"]) + f"?don-vi={seeded.pk}"
    assert "61,4" not in client.get(url).content.decode()  # cached now, with the 2023 figure only
    approve(Submission.objects.get(period="2024", status="submitted"))
    assert "61,4" in client.get(url).content.decode()


def test_the_leak_detector_finds_a_figure_but_not_inside_a_larger_number():
    assert leaked("<td>61,4</td>") == ["61,4"] and leaked('{"GT_NAM": "8.1"}') == ["8.1"]
    assert leaked("1.828.179 triệu đồng; 84,95") == []
