"""The Excel template of money records: one sheet of allocations, one of disbursements.

Export and import share these columns, so an exported file imports back unchanged. Informative
columns (names, totals, the demo flag) help people and are ignored on import."""

from __future__ import annotations

from kehoach.spreadsheets.table import Column

ALLOCATION_SHEET = "Giao vốn"
DISBURSEMENT_SHEET = "Giải ngân"

LINE = [
    Column("plan", "Mã kế hoạch", required=False),
    Column("programme", "Chương trình"),
    Column("component", "Dự án, tiểu dự án", aliases=("Dự án", "Tiểu dự án", "Mã dự án")),
    Column("source", "Nguồn vốn"),
    Column("kind", "Loại vốn"),
    Column("year", "Năm", aliases=("Năm giao vốn",)),
    Column("commune", "Mã xã", aliases=("Mã đơn vị",)),
    Column("commune_name", "Tên xã", required=False, informative=True),
    Column("agency", "Cơ quan thực hiện", required=False, aliases=("Mã cơ quan",)),
    Column("decision_number", "Số quyết định", aliases=("Số quyết định giao vốn",)),
    Column("carried_from_year", "Chuyển nguồn từ năm", required=False),
]

ALLOCATION_COLUMNS = [
    *LINE,
    Column("decision_date", "Ngày quyết định", required=False),
    Column("amount", "Số tiền (triệu đồng)", aliases=("Số tiền", "Vốn giao (triệu đồng)")),
    Column("note", "Ghi chú", required=False),
    Column("ref", "Mã dòng", required=False, informative=True),
    Column("disbursed", "Đã giải ngân (triệu đồng)", required=False, informative=True),
    Column("demo", "Dữ liệu minh họa", required=False, informative=True),
]

DISBURSEMENT_COLUMNS = [
    *LINE,
    Column("date", "Ngày giải ngân"),
    Column("amount", "Số tiền (triệu đồng)", aliases=("Số tiền", "Giải ngân (triệu đồng)")),
    Column("reference", "Số chứng từ"),
    Column("note", "Ghi chú", required=False),
    Column("ref", "Mã dòng giao vốn", required=False, informative=True),
    Column("demo", "Dữ liệu minh họa", required=False, informative=True),
]

GUIDE = [
    ["Mẫu nhập giao vốn và giải ngân (số tiền tính bằng triệu đồng)."],
    ["Mỗi dòng của trang “Giao vốn” là một khoản vốn giao cho một năm theo một quyết định."],
    [
        "Một dòng được nhận ra bằng: chương trình, dự án, nguồn vốn, loại vốn, năm, mã xã, cơ quan, số quyết định"
    ],
    ["và năm chuyển nguồn. Dòng đã có sẽ được cập nhật số tiền, ngày quyết định, ghi chú."],
    ["Trang “Giải ngân” ghi lại các cột đó để chỉ ra dòng giao vốn, cùng ngày, số tiền và số chứng từ."],
    ["Số ghi theo kiểu Việt Nam (1.234,5) hoặc là ô số; ngày ghi dd/mm/yyyy hoặc là ô ngày."],
    ["Mã xã ghi đầy đủ hệ mã khi mã bị dùng lại sau 01/7/2025, ví dụ gso-legacy:03454."],
    ["Các cột Tên xã, Mã dòng, Đã giải ngân, Dữ liệu minh họa chỉ để đọc, không được nhập."],
    ["Tệp được nhập trọn vẹn hoặc không nhập gì: hãy chạy thử trước để xem từng dòng."],
]
