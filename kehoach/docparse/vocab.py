"""Keyword tables the parser matches against: data, kept apart from the rules that use them.

Keys are folded (see text.fold: lower case, no diacritics) unless noted, so "Nông thôn mới" and
"nong thon moi" match alike. Order matters where the first match wins (more specific first).
Nothing here is specific to one plan or one district.
"""

from __future__ import annotations

# Decree 30/2020 Phụ lục III: type name (folded) -> abbreviation.
DOC_TYPES: dict[str, str] = {
    "ke hoach": "KH",
    "chuong trinh hanh dong": "CTr",
    "chuong trinh": "CTr",
    "de an": "ĐA",
    "phuong an": "PA",
    "du an": "DA",
    "bao cao": "BC",
    "quyet dinh": "QĐ",
    "nghi quyet": "NQ",
    "chi thi": "CT",
    "huong dan": "HD",
    "to trinh": "TTr",
    "thong bao": "TB",
}

# Kinds of cited documents, as written (matched case-insensitively at the start of a citation).
CITATION_KINDS: tuple[str, ...] = (
    "Nghị quyết liên tịch", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư liên tịch", "Thông tư",
    "Công văn", "Kế hoạch", "Chỉ thị", "Luật", "Bộ luật", "Pháp lệnh", "Hướng dẫn", "Chương trình",
    "Thông báo", "Kết luận", "Đề án", "Văn bản", "Hiến pháp", "Chiến lược", "Báo cáo",
)  # fmt: skip

# Lines of the national motto and header that carry no plan data.
HEADER_NOISE: tuple[str, ...] = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc")

# Sectors (docs/plan-data-format.md) by keywords, matched as whole words; the keyword written
# first in the text wins (the subject comes first in Vietnamese), then the longest, then order.
SECTORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("poverty", ("ho ngheo", "giam ngheo", "thoat ngheo", "an sinh", "dac biet kho khan")),
    ("health", ("y te", "suc khoe", "kham thai", "suy dinh duong", "tuoi tho", "benh", "sinh con",
                "hdi", "phat trien con nguoi", "song khoe manh")),
    ("education", ("giao duc", "hoc sinh", "truong hoc", "truong lop", "mau giao", "tieu hoc",
                   "trung hoc", "doc thong", "biet chu", "mu chu", "pho cap")),
    ("infrastructure", ("duong o to", "giao thong", "dien luoi", "nguon dien", "ha tang", "co so ha tang",
                        "kien co", "xay dung kien co", "nuoc sinh hoat", "nuoc sach", "thuy loi",
                        "truyen hinh", "phat thanh", "vien thong", "nha o")),
    ("population", ("dinh canh", "dinh cu", "di cu", "di doi", "dan so", "cu tru")),
    ("culture", ("van hoa", "van nghe", "sinh hoat cong dong", "ban sac", "le hoi", "the thao")),
    ("environment", ("rung", "moi truong", "sinh thai", "che phu rung")),
    ("cadres", ("can bo", "cong chuc", "vien chuc", "ly luan chinh tri")),
    ("labour", ("lao dong", "dao tao nghe", "viec lam", "nganh nghe", "nguon nhan luc")),
    ("economy", ("thu nhap", "tang truong", "kinh te", "nang suat lao dong", "nong nghiep", "lam nghiep",
                 "hang hoa", "san xuat", "du lich", "thuong mai", "ocop", "hop tac xa", "nong thon moi")),
)  # fmt: skip

# Well-known measures: every keyword must occur; the first match names the measure.
MEASURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("thu nhap", "binh quan"), "Thu nhập bình quân đầu người"),
    (("ho ngheo",), "Tỷ lệ hộ nghèo"),
    (("hdi",), "Chỉ số phát triển con người (HDI)"),
    (("chi so phat trien con nguoi",), "Chỉ số phát triển con người (HDI)"),
    (("tang truong kinh te",), "Tốc độ tăng trưởng kinh tế"),
    (("nang suat lao dong",), "Tăng năng suất lao động xã hội"),
    (("song khoe manh",), "Số năm sống khỏe mạnh"),
    (("tuoi tho",), "Tuổi thọ trung bình"),
    (("bao hiem y te",), "Tỷ lệ tham gia bảo hiểm y tế"),
    (("che phu rung",), "Tỷ lệ che phủ rừng"),
    (("dac biet kho khan",), "Số xã, bản đặc biệt khó khăn"),
    (("nong thon moi",), "Tỷ lệ xã đạt chuẩn nông thôn mới"),
)  # fmt: skip

POPULATION_MARKERS: tuple[str, ...] = ("dtts", "dan toc thieu so", "dong bao", "nguoi dan toc")

# Comparators, matched on lower-case text WITH diacritics ("đạt" must not match "đất").
# When several end close to the number, the one nearest to it wins ("xuống dưới 12%" -> "<").
COMPARATOR_WORDS: tuple[tuple[str, str], ...] = (
    ("không dưới", ">="), ("không thấp hơn", ">="), ("ít nhất", ">="), ("tối thiểu", ">="),
    ("không quá", "<="), ("không vượt quá", "<="), ("tối đa", "<="), ("xuống", "<="), ("còn", "<="),
    ("trên", ">"), ("hơn", ">"), ("dưới", "<"), ("đạt", ">="), ("phấn đấu", ">="), ("bằng", "="),
)  # fmt: skip

# Budget: programme code by keywords (folded); anything else gets a slug of its heading.
PROGRAMMES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("dan toc thieu so",), "CTMTQG-DTTS"),
    (("dtts",), "CTMTQG-DTTS"),
    (("nong thon moi",), "CTMTQG-NTM"),
    (("ntm",), "CTMTQG-NTM"),
    (("giam ngheo",), "CTMTQG-GN"),
)
# Short programme names in budget line codes; the DTTS programme is known by its decision (QĐ 1719).
PROGRAMME_SHORT: dict[str, str] = {"CTMTQG-DTTS": "1719", "CTMTQG-NTM": "NTM", "CTMTQG-GN": "GN"}
FUNDING_SOURCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("tong von",), "total"), (("tong kinh phi",), "total"), (("tong nguon von",), "total"),
    (("tong nhu cau",), "total"), (("ngan sach trung uong",), "central"), (("nstw",), "central"),
    (("ngan sach tinh",), "local"), (("ngan sach huyen",), "local"), (("ngan sach xa",), "local"),
    (("ngan sach dia phuong",), "local"), (("nsdp",), "local"), (("tin dung chinh sach",), "policy_credit"),
    (("von vay",), "policy_credit"), (("huy dong khac",), "other"), (("von khac",), "other"),
    (("nguon hop phap khac",), "other"), (("von doi ung",), "other"), (("huy dong",), "other"),
)  # fmt: skip
SPENDING_KINDS: tuple[tuple[str, str], ...] = (
    ("von dau tu", "investment"), ("dau tu phat trien", "investment"), ("von su nghiep", "recurrent"),
    ("kinh phi su nghiep", "recurrent"), ("chi thuong xuyen", "recurrent"),
)  # fmt: skip
# Short codes used to build budget line codes.
SOURCE_CODES = {"total": "TONG", "central": "TW", "local": "DP", "policy_credit": "TDCS", "other": "KHAC"}
KIND_CODES = {"total": "", "investment": "DT", "recurrent": "SN"}

# Signature block prefixes (Decree 30): TM. for the collective body, the others for the signer.
AUTHORITY_PREFIXES: tuple[str, ...] = ("TM.",)
DEPUTY_PREFIXES: tuple[str, ...] = ("KT.", "TL.", "TUQ.")

# Words an agency name starts with (as written), for reading "X chủ trì, phối hợp với Y, Z".
AGENCY_STARTERS: tuple[str, ...] = (
    "Phòng", "Ban", "Sở", "UBND", "Ủy ban", "Uỷ ban", "HĐND", "Hội đồng", "Công an", "Đồn", "Bộ", "Cục",
    "Chi cục", "Trung tâm", "Bệnh viện", "Hội", "Huyện đoàn", "Tỉnh đoàn", "Đoàn", "Văn phòng", "Hạt",
    "Kho bạc", "Ngân hàng", "Mặt trận", "Ủy ban Mặt trận", "Liên đoàn", "Trường", "Đài", "Huyện ủy",
    "Tỉnh ủy", "Bảo hiểm", "Chi nhánh", "Viện", "Hạt Kiểm lâm",
)  # fmt: skip
# Abbreviations expanded before agency names are compared (folded).
AGENCY_ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ptnt": "phat trien nong thon",
    "nn&ptnt": "nong nghiep va phat trien nong thon",
    "ldtbxh": "lao dong - thuong binh va xa hoi",
    "tnmt": "tai nguyen va moi truong",
    "tn&mt": "tai nguyen va moi truong",
    "gddt": "giao duc va dao tao",
    "gd&dt": "giao duc va dao tao",
    "tc-kh": "tai chinh - ke hoach",
    "vh-tt": "van hoa - thong tin",
    "bchqs": "ban chi huy quan su",
}
