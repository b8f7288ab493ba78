"""Downloads hold exactly the rows of the page's table; public pages are cacheable and keyed by data."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.portal.tables import SUPPRESSED, Column, Table, to_csv, to_json, xlsx_rows
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
    notes = sum(1 for r in rows if r and r[0].startswith("Ghi chú ("))
    assert len(rows) - 1 - (notes + 1 if notes else 0) == shown  # notes follow an empty line
    book = read_xlsx(client.get(url, {"tai": "xlsx", "bang": key}).content)
    sheet = [r for r in next(iter(book.sheets.values())).rows if any(c not in (None, "") for c in r)]
    assert len(sheet) - 1 - notes == shown


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
    # The commune ended in 2025 and a new commune may carry its name: the notice says which it is.
    assert commune.valid_to is not None and "(cũ, đến 30/06/2025)" in html
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


def test_years_are_printed_without_a_thousands_separator_in_every_format():
    table = Table(
        "t",
        "Bảng",
        [Column("nam", "Mốc năm", "year"), Column("ma", "Mã"), Column("so", "Số", "number", 0)],
        [[2025, 2030, Decimal(2025)]],
    )
    assert [text for text, _css in table.display_rows()[0]] == ["2025", "2030", "2.025"]
    assert to_csv(table).decode("utf-8-sig").splitlines()[1] == "2025,2030,2025"
    assert to_json(table)["rows"] == [{"nam": 2025, "ma": 2030, "so": "2025"}]
    assert xlsx_rows(table)[0][:2] == ["2025", "2030"]


def test_the_targets_page_and_a_commune_notice_print_years_as_years(seed_plan):
    from kehoach.portal import selectors

    client = Client()
    commune = selectors.communes(seed_plan)[0]
    for url in (
        reverse("portal:targets", args=[seed_plan.code]),
        reverse("portal:notice", args=[seed_plan.code, commune.pk]),
    ):
        html = client.get(url).content.decode()
        table = html.split('id="cap-chi-tieu"')[1].split("</table>")[0]
        assert "<td>2025</td>" in table or "<td>2030</td>" in table, url
        assert not re.search(r"<td>2\.0[0-9]{2}</td>", table), url
        book = read_xlsx(client.get(url, {"tai": "xlsx", "bang": "chi-tieu"}).content)
        sheet = next(iter(book.sheets.values()))
        milestones = {str(r[2]) for r in sheet.rows[1:]}
        assert milestones and all(re.fullmatch(r"20\d\d", m) for m in milestones), milestones


def test_a_commune_notice_names_the_commune_in_lower_case_mid_sentence(seed_plan):
    from kehoach.portal import selectors

    commune = selectors.communes(seed_plan)[0]
    html = Client().get(reverse("portal:notice", args=[seed_plan.code, commune.pk])).content.decode()
    rest = commune.name[len(commune.kind) :]
    assert f"tại {commune.kind.lower()}{rest}" in html
    assert f"tại {commune.name}" not in html


NOTE = "Các nguồn thành phần không cộng đúng tổng ghi trong kế hoạch"


def test_money_rows_whose_stated_parts_do_not_add_up_carry_a_note(seed_plan):
    client = Client()
    url = reverse("portal:money", args=[seed_plan.code])
    html = client.get(url).content.decode()
    table = html.split('id="cap-von-chuong-trinh"')[1].split("</table>")[0]
    assert table.count(NOTE) == 1  # the central budget row: 884.799 + 327.963 is not 1.257.762
    assert 'class="row-note"' in table
    lines = client.get(url, {"tai": "csv", "bang": "von-chuong-trinh"}).content.decode("utf-8-sig")
    assert any(NOTE in line and line.startswith("Ghi chú (") for line in lines.splitlines())
    book = read_xlsx(client.get(url, {"tai": "xlsx", "bang": "von-chuong-trinh"}).content)
    cells = [str(c) for r in next(iter(book.sheets.values())).rows for c in r if c]
    assert any(NOTE in c for c in cells)


def test_a_programme_shows_every_stated_source_so_its_rows_add_up(seed_plan):
    from kehoach.portal import pages, selectors

    money = selectors.public_money(seed_plan)
    table = pages.programme_table(money, selectors.programme_names(seed_plan))
    rows = [list(r) for r in table.rows]
    top = [i for i, r in enumerate(rows) if not str(r[0]).startswith("— ")]
    for n, start in enumerate(top):
        end = top[n + 1] if n + 1 < len(top) else len(rows)
        parts = [r[1] for r in rows[start + 1 : end] if r[1] is not None]
        if parts and rows[start][1] is not None:
            assert sum(parts) == rows[start][1], rows[start][0]
