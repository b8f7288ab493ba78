"""Downloads hold exactly the rows of the page's table; public pages are cacheable and keyed by data."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.portal.tables import SUPPRESSED, Column, Table, to_csv, to_json
from kehoach.spreadsheets.reader import read_xlsx

pytestmark = pytest.mark.django_db


def _html_rows(html: str, key: str) -> int:
    table = html.split(f'id="cap-{key}"')[1].split("</table>")[0]
    return table.count("<tr>") - 1  # minus the header row


@pytest.mark.parametrize(
    ("name", "key"),
    [("portal:targets", "chi-tieu"), ("portal:tasks", "nhiem-vu"), ("portal:money", "von-chuong-trinh")],
)
def test_csv_and_xlsx_have_the_rows_of_the_page(seed_plan, name, key):
    client = Client()
    url = reverse(name, args=[seed_plan.code])
    shown = _html_rows(client.get(url).content.decode(), key)
    as_csv = client.get(url, {"tai": "csv", "bang": key})
    assert as_csv["Content-Disposition"] == f'attachment; filename="{key}.csv"'
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert len(rows) - 1 == shown
    book = read_xlsx(client.get(url, {"tai": "xlsx", "bang": key}).content)
    assert len(next(iter(book.sheets.values())).rows) - 1 == shown


def test_a_suppressed_cell_reads_hidden_in_every_format():
    table = Table(
        "t", "Bảng", [Column("ky", "Kỳ"), Column("nam", "Nam", "number", 1)], [["2023", SUPPRESSED]]
    )
    assert to_csv(table).decode("utf-8-sig").splitlines()[1] == "2023,ẩn"
    assert to_json(table)["rows"] == [{"ky": "2023", "nam": None}]
    assert to_json(table)["suppressed"] == [["nam"]]
    assert table.display_rows()[0][1] == ("ẩn", "num hidden")


def test_formula_text_is_neutralised_in_csv():
    table = Table("t", "Bảng", [Column("a", "A")], [['=HYPERLINK("http://x")']])
    assert to_csv(table).decode("utf-8-sig").splitlines()[1].startswith("\"'=HYPERLINK")


def test_anonymous_pages_are_public_and_officials_get_private_pages(seed_plan, personas):
    url = reverse("portal:targets", args=[seed_plan.code])
    assert "max-age=60" in Client().get(url)["Cache-Control"]
    client = Client()
    client.force_login(personas.viewer)
    assert "private" in client.get(url)["Cache-Control"]


def test_the_commune_notice_is_printable_and_lists_the_commune(seed_plan, personas):
    commune = personas.commune.units.get()
    response = Client().get(reverse("portal:notice", args=[seed_plan.code, commune.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and commune.name in html and "THÔNG BÁO CÔNG KHAI" in html
    assert (
        Client().get(reverse("portal:notice", args=[seed_plan.code, seed_plan.admin_unit_id])).status_code
        == 404
    )


def test_unknown_query_parameters_share_the_cached_page(seed_plan):
    from django.test import RequestFactory

    from kehoach.portal.caching import page_key

    factory = RequestFactory()
    url = reverse("portal:targets", args=[seed_plan.code])
    plain = page_key(1, factory.get(url, {"don-vi": "5"}))
    assert page_key(1, factory.get(url, {"don-vi": "5", "rac": "123"})) == plain
    assert page_key(1, factory.get(url, {"don-vi": "6"})) != plain
    assert page_key(2, factory.get(url, {"don-vi": "5"})) != plain
