"""Number formats of written workbooks."""

from __future__ import annotations

from decimal import Decimal

from kehoach.spreadsheets.writer import number_format


def test_numbers_show_the_places_they_were_stated_with():
    assert number_format(1426328) == "#,##0" and number_format(Decimal("25.00")) == "#,##0"
    assert number_format(Decimal("25.5")) == "#,##0.0" and number_format(Decimal("25.50")) == "#,##0.0"
    assert number_format(Decimal(1) / Decimal(3)) == "#,##0.000"
