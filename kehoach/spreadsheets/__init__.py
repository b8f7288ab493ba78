"""Safe reading and writing of .xlsx files, shared by every import and export. Pure: no Django.

- `container.check_container` inspects the zip before anything parses it (size, ratio, entries,
  names, encryption, macros, DOCTYPE/ENTITY declarations).
- `reader.read_xlsx` reads values with python-calamine (which reads every cell and ignores the
  `<dimension>` that WPS Office writes wrongly) and reports formula cells without a cached value
  and error cells from a scan of the sheet XML.
- `values` turns cells into exact values (Decimal, int, date, NFC text) with Vietnamese messages.
- `table.read_table` maps a header row to known columns and yields rows with their Excel numbers.
- `writer.write_xlsx` writes text that cannot become a formula and cannot crash the writer.

docs/decisions/0005-spreadsheet-safety.md explains each rule.
"""
