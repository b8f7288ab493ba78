"""The reviewed seed plan file is faithful to the seed document and valid against the plan format.

Pure tests: no database, no Django. They tie kehoach/plans/data/seed/muong-te-ctdt-2022.yaml to the
seed text (../shared/seed/000_0b4aa1fa83e82c37.txt, or its byte-identical copy shipped next to the
YAML) and to kehoach/agencies/data/lai-chau.yaml.

Text comparison is on normalised text: whitespace collapsed to single spaces, so a paragraph that
the seed breaks across a blank line in mid-sentence compares equal to the joined paragraph.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import re
import sys
import typing
import unicodedata
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve()
REPO = HERE.parents[3]
PLAN_FILE = REPO / "kehoach" / "plans" / "data" / "seed" / "muong-te-ctdt-2022.yaml"
SOURCE_COPY = REPO / "kehoach" / "plans" / "data" / "seed" / "muong-te-ctdt-2022.source.txt"
SHARED_SEED = REPO / ".." / "shared" / "seed" / "000_0b4aa1fa83e82c37.txt"
AGENCY_FILE = REPO / "kehoach" / "agencies" / "data" / "lai-chau.yaml"
DOCUMENT_PY = REPO / "kehoach" / "plans" / "document.py"
# SHA-256 of the seed document (checked when ../shared/seed is not available).
SEED_SHA256 = "2ea698e3278fe6f2dd385fb467d297accdf246c28838a8e71195b5bc38419e30"

CODE_RE = re.compile(r"^[A-Za-z0-9_.#+\-]{1,60}$")
AGENCY_KINDS = (
    "people_committee",
    "ethnic_affairs",
    "finance_planning",
    "sector",
    "party",
    "mass_org",
    "armed_forces",
    "other",
)
UNIT_SCHEMES = ("gso-legacy", "gso-2025")


# ------------------------------------------------------------------------------------------ loading


def _load_document_module() -> Any:
    # Loaded by path: document.py is pure and must be usable without the Django project.
    name = "_kehoach_plans_document_for_seed_tests"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DOCUMENT_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


D = _load_document_module()


@cache
def seed_path() -> Path:
    """The seed document: ../shared/seed when present, else the byte-identical copy in the repo."""
    return SHARED_SEED if SHARED_SEED.exists() else SOURCE_COPY


@cache
def seed_raw() -> str:
    return seed_path().read_text(encoding="utf-8")


def norm(text: str) -> str:
    """Collapse whitespace (a paragraph break inside a sentence becomes one space)."""
    return " ".join(text.split())


@cache
def seed() -> str:
    return norm(seed_raw())


def seed_slice(start: str, end: str | None) -> str:
    text = seed()
    i = text.index(start)
    j = text.index(end, i + len(start)) if end else len(text)
    return text[i:j]


def ii2_text() -> str:
    """Section II.2 (Mục tiêu cụ thể) of the seed, normalised."""
    return seed_slice("2. Mục tiêu cụ thể", "III. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN")


def iv_text() -> str:
    """The first part IV (Dự kiến nguồn lực thực hiện), normalised."""
    return seed_slice("IV. DỰ KIẾN NGUỒN LỰC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN")


@cache
def plan() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))
    return data


@cache
def agencies() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(AGENCY_FILE.read_text(encoding="utf-8"))["agencies"]
    return items


def by_code(name: str) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in plan().get(name) or []}


def vn_number(value: Any) -> str:
    """A number written the Vietnamese way: 99.5 -> "99,5", 1426328 -> "1.426.328", 0.6 -> "0,6"."""
    number = Decimal(str(value))
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def contains_number(text: str, written: str) -> bool:
    """`written` occurs in `text` as a whole number (not as part of a longer one)."""
    return re.search(rf"(?<![\d.,]){re.escape(written)}(?![\d]|[.,]\d)", text) is not None


def walk_strings(obj: Any) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in walk_strings(k) + walk_strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in walk_strings(v)]
    return []


def typed_keys(td: Any) -> tuple[set[str], set[str]]:
    """(required, optional) keys of a TypedDict of document.py.

    document.py uses `from __future__ import annotations`, so on Python < 3.14 the annotations are
    strings and `__required_keys__` does not see NotRequired: read the annotation text instead.
    """
    required: set[str] = set()
    optional: set[str] = set()
    for key, ann in td.__annotations__.items():
        text = getattr(ann, "__forward_arg__", ann)
        is_optional = (
            text.startswith("NotRequired[")
            if isinstance(text, str)
            else typing.get_origin(ann) is typing.NotRequired
        )
        (optional if is_optional else required).add(key)
    return required, optional


# ------------------------------------------------------------------------------------ the seed file


def test_source_copy_is_byte_identical_to_the_seed() -> None:
    copy = SOURCE_COPY.read_bytes()
    if SHARED_SEED.exists():
        assert copy == SHARED_SEED.read_bytes(), f"{SOURCE_COPY} differs from {SHARED_SEED}"
    assert hashlib.sha256(copy).hexdigest() == SEED_SHA256


def test_seed_is_nfc() -> None:
    assert unicodedata.is_normalized("NFC", seed_raw())


# ------------------------------------------------------------------------------- format / structure


def test_top_level_and_required_keys() -> None:
    doc = plan()
    assert doc["format"] == D.FORMAT_ID
    req, opt = typed_keys(D.PlanDocument)
    assert req <= doc.keys() and doc.keys() <= req | opt
    checks = {
        "plan": (D.PlanMeta, [doc["plan"]]),
        "sections": (D.Section, doc["sections"]),
        "objectives": (D.Objective, doc["objectives"]),
        "targets": (D.Target, doc["targets"]),
        "tasks": (D.Task, doc["tasks"]),
        "budget_lines": (D.BudgetLine, doc["budget_lines"]),
        "responsibilities": (D.Responsibility, doc["responsibilities"]),
        "obligations": (D.Obligation, doc["obligations"]),
    }
    for name, (td, items) in checks.items():
        required, optional = typed_keys(td)
        assert items, name
        for item in items:
            where = f"{name} {item.get('code')}"
            assert required <= item.keys(), f"{where}: missing {sorted(required - item.keys())}"
            assert item.keys() <= required | optional, (
                f"{where}: unknown {sorted(item.keys() - required - optional)}"
            )


def test_plan_metadata() -> None:
    meta = plan()["plan"]
    assert meta["code"] == "MUONGTE-CTDT-2021-2030" and CODE_RE.match(meta["code"])
    assert meta["doc_type"] == "KH" and meta["symbol"] == "KH-UBND"
    assert meta["number"] is None and meta["issued_on"] is None
    assert (meta["issued_year"], meta["issued_month"]) == (2022, 6)
    assert (meta["period_start"], meta["period_end"], meta["vision_year"]) == (2021, 2030, 2045)
    assert meta["admin_unit"] == {"scheme": "gso-legacy", "code": "107"}
    assert meta["issuer"] == "MT-UBND"
    assert [(d["number"], d["date"], d["relation"]) for d in meta["implements"]] == [
        ("10/NQ-CP", "2022-01-28", "basis"),
        ("259/BDT-KH", "2022-05-12", "instruction"),
    ]
    for d in meta["implements"]:
        assert norm(f"{d['kind']} số {d['number']}") in seed()
        assert norm(d["title"]) in seed()
        dt.date.fromisoformat(d["date"])
    assert meta["signer"] == {
        "authority": "TM. ỦY BAN NHÂN DÂN",
        "deputy_prefix": "KT. CHỦ TỊCH",
        "title": "PHÓ CHỦ TỊCH",
        "name": "Kiều Hải Nam",
    }
    assert len(meta["recipients"]) == 7


def test_codes_unique_and_well_formed() -> None:
    for name in (
        "sections",
        "objectives",
        "targets",
        "tasks",
        "budget_lines",
        "responsibilities",
        "obligations",
    ):
        codes = [item["code"] for item in plan()[name]]
        assert len(codes) == len(set(codes)), f"duplicate codes in {name}"
        bad = [c for c in codes if not CODE_RE.match(c)]
        assert not bad, f"{name}: codes not matching {CODE_RE.pattern}: {bad}"


def test_enum_values() -> None:
    doc = plan()
    for s in doc["sections"]:
        assert s["kind"] in D.SECTION_KINDS, s["code"]
    for t in doc["targets"]:
        assert t["kind"] in D.TARGET_KINDS, t["code"]
        assert t["direction"] in D.DIRECTIONS, t["code"]
        assert t["sector"] in D.SECTORS, t["code"]
        assert t["population"] in D.POPULATIONS, t["code"]
        assert t["comparator"] is None or t["comparator"] in D.COMPARATORS, t["code"]
        assert t["unit"] is None or t["unit"] in D.TARGET_UNITS, t["code"]
    for t in doc["tasks"]:
        assert t["kind"] in D.TASK_KINDS, t["code"]
        assert t["assignment_basis"] in D.ASSIGNMENT_BASES, t["code"]
        assert t["sector"] is None or t["sector"] in D.SECTORS, t["code"]
    for b in doc["budget_lines"]:
        assert b["source"] in D.FUNDING_SOURCES, b["code"]
        assert b["kind"] in D.SPENDING_KINDS, b["code"]
    for o in doc["obligations"]:
        assert o["kind"] in D.OBLIGATION_KINDS, o["code"]
        assert o["frequency"] in D.FREQUENCIES, o["code"]


def test_references_resolve() -> None:
    doc = plan()
    seen: set[str] = set()
    for s in doc["sections"]:
        assert s["parent"] is None or s["parent"] in seen, (
            f"section {s['code']}: parent {s['parent']} not before it"
        )
        seen.add(s["code"])
    sections = by_code("sections")
    for name in ("objectives", "targets", "tasks", "budget_lines", "responsibilities", "obligations"):
        codes = {i["code"] for i in doc[name]}
        for item in doc[name]:
            assert item["section"] in sections, f"{name} {item['code']}: unknown section {item['section']}"
            parent = item.get("parent")
            assert parent is None or parent in codes, f"{name} {item['code']}: unknown parent {parent}"


def test_all_strings_nfc() -> None:
    for path, data in ((PLAN_FILE, plan()), (AGENCY_FILE, agencies())):
        bad = [s for s in walk_strings(data) if not unicodedata.is_normalized("NFC", s)]
        assert not bad, f"{path.name}: not NFC: {bad[:3]}"
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------ sections


def render_document() -> str:
    """The whole document rebuilt from the file: header, sections in order, Nơi nhận, signature."""
    meta = plan()["plan"]
    out = [
        f"Số: {meta['number'] or ''}/{meta['symbol']}",
        f"{meta['place']}, {meta['issued_text']}",
        meta["doc_type_name"],
        meta["title"],
    ]
    sections = plan()["sections"]
    # The format has no place for a paragraph that follows a section's children: II.2 holds
    # "(Có biểu chỉ tiêu kèm theo)", written in the seed after II.2.c.
    trailing = {"II.2"}
    pending: list[tuple[str, str]] = []  # (section code, text) to write after its last descendant

    def descends(code: str, ancestor: str) -> bool:
        return code == ancestor or code.startswith(ancestor + ".")

    for s in sections:
        while pending and not descends(s["code"], pending[-1][0]):
            out.append(pending.pop()[1])
        label, title, text = s["label"], s.get("title"), s.get("text")
        if title is not None:
            out.append(f"{label} {title}")
        if text is not None:
            if s["code"] in trailing:
                pending.append((s["code"], text))
            elif title is None and label:
                out.append(f"{label} {text}")
            else:
                out.append(text)
    out.extend(text for _, text in reversed(pending))
    out.append("Nơi nhận:")
    recipients = meta["recipients"]
    out.extend(f"- {r};" for r in recipients[:-1])
    out.append(f"- {recipients[-1]}.")
    signer = meta["signer"]
    out.extend(signer[k] for k in ("authority", "deputy_prefix", "title", "name"))
    return norm(" ".join(out))


def test_sections_rebuild_the_whole_seed_document_in_order() -> None:
    rendered = render_document()
    if rendered != seed():
        i = next((k for k, (a, b) in enumerate(zip(rendered, seed(), strict=False)) if a != b), None)
        i = min(len(rendered), len(seed())) if i is None else i
        a, b = max(0, i - 80), i + 80
        raise AssertionError(f"differs at {i}:\nfile: …{rendered[a:b]}\nseed: …{seed()[a:b]}")


def test_every_section_text_occurs_in_the_seed() -> None:
    for s in plan()["sections"]:
        for key in ("title", "text"):
            if key in s:
                assert norm(s[key]) in seed(), f"section {s['code']} {key}: {s[key][:80]}"


def test_section_tree_shape() -> None:
    sections = by_code("sections")
    parts = [s["code"] for s in plan()["sections"] if s["kind"] == "part"]
    assert parts == ["I", "II", "III", "IV", "IV#2"]
    assert sections["IV"]["title"] == "DỰ KIẾN NGUỒN LỰC THỰC HIỆN"
    assert sections["IV#2"]["title"] == "TỔ CHỨC THỰC HIỆN"
    assert sections["III.2.d"]["title"] == "Về y tế và dân số"
    assert sections["III.2.d#2"]["title"] == "Về bảo tồn và phát triển văn hóa các dân tộc"
    assert sections["III.2.d#2"]["label"] == "d)"
    assert sections["III.1.dd"]["label"] == "đ)" and sections["III.3.dd"]["label"] == "đ)"
    assert [s["code"] for s in plan()["sections"] if s["kind"] == "preamble"] == [
        "preamble-1",
        "preamble-2",
        "preamble-3",
    ]
    assert [s["code"] for s in plan()["sections"] if s["kind"] == "closing"] == ["closing"]
    # "- + Vốn đầu tư" lines: label as written, under the "-" line they break down
    assert sections["IV.1.b1.p1"] == {
        "code": "IV.1.b1.p1",
        "parent": "IV.1.b1",
        "label": "- +",
        "kind": "sub_bullet",
        "text": "Vốn đầu tư: 884.799 triệu đồng.",
    }
    # the paragraphs broken across a blank line are joined with one space
    assert "phát huy lợi thế, tiềm năng, đặc thù" in sections["III.1.b"]["text"]
    assert "đổi mới tổ chức của cơ quan" in sections["III.2.a"]["text"]
    assert "nhiệm vụ công tác dân tộc trong giai đoạn mới." in sections["III.3.c.b1"]["text"]
    for s in plan()["sections"]:
        expected = {
            "part": r"^[IVX]+\.$",
            "item": r"^\d+\.$",
            "point": r"^[a-zđ]\)$",
            "bullet": r"^-$",
            "sub_bullet": r"^(\+|- \+)$",
            "preamble": r"^$",
            "closing": r"^$",
        }[s["kind"]]
        assert re.match(expected, s["label"]), f"{s['code']}: label {s['label']!r} for kind {s['kind']}"


def test_typos_kept_as_written() -> None:
    texts = " ".join(walk_strings(plan()["sections"]))
    for typo in (
        "Phân đầu 60%",
        "Kiến toàn bộ máy",
        "phù hợp phù hợp với tỷ lệ dân số",
        "(HDI) đạt trên 0,6%",
    ):
        assert typo in texts, typo


# ---------------------------------------------------------------------------------------- objectives


def test_objectives_are_the_bullets_of_ii_1() -> None:
    bullets = [s for s in plan()["sections"] if s["parent"] == "II.1"]
    objectives = plan()["objectives"]
    assert [(o["section"], o["text"]) for o in objectives] == [(s["code"], s["text"]) for s in bullets]
    assert len(objectives) == 7


# ------------------------------------------------------------------------------------------- targets


MILESTONE_BY_POINT = {"II.2.a": 2025, "II.2.b": 2030, "II.2.c": 2045}
# kinds whose value is implied by the wording rather than written as a number
IMPLIED_VALUE_KINDS = ("relative_to_measure", "elimination")


def test_targets_consistent_with_their_kind() -> None:
    for t in plan()["targets"]:
        where = t["code"]
        if t["quantified"]:
            assert t["kind"] != "qualitative", where
            assert t["comparator"] is not None and t["value"] is not None and t["unit"] is not None, where
            assert isinstance(t["value"], (int, float)) and not isinstance(t["value"], bool), where
        else:
            assert t["kind"] == "qualitative", where
            assert (t["comparator"], t["value"], t["unit"]) == (None, None, None), where
        if t["kind"] == "relative_to_measure":
            assert t.get("relative_to"), where
        else:
            assert "relative_to" not in t, where
        if t["kind"] == "elimination":
            assert (t["comparator"], t["value"], t["unit"], t["direction"]) == (
                "<=",
                0,
                "percent",
                "decrease",
            ), where
        if t["kind"] == "reduction_from_baseline":
            assert t["unit"] == "percent_of_baseline" and t["direction"] == "decrease", where
        if t["kind"] == "change_per_year":
            assert t["unit"] == "pp_per_year", where
        if t["kind"] == "growth_per_year":
            assert t["unit"] == "percent_per_year", where
        assert t["measure"].strip() and unicodedata.is_normalized("NFC", t["measure"]), where


def test_target_codes_milestones_and_order() -> None:
    targets = plan()["targets"]
    sections = by_code("sections")
    order = {s["code"]: i for i, s in enumerate(plan()["sections"])}
    counters: dict[int, int] = {}
    last_pos = -1
    for t in targets:
        point = sections[t["section"]]["parent"]
        assert MILESTONE_BY_POINT[point] == t["milestone_year"], t["code"]
        counters[t["milestone_year"]] = counters.get(t["milestone_year"], 0) + 1
        assert t["code"] == f"T{t['milestone_year']}-{counters[t['milestone_year']]:02d}"
        # document order: by section, then by position of the wording in it
        pos = order[t["section"]] * 10_000 + norm(sections[t["section"]]["text"]).index(norm(t["text"]))
        assert pos > last_pos, f"{t['code']} out of document order"
        last_pos = pos
        if t.get("parent"):
            parent = by_code("targets")[t["parent"]]
            assert parent["milestone_year"] == t["milestone_year"] and parent["section"] == t["section"], t[
                "code"
            ]


def test_target_text_occurs_in_the_seed_and_in_its_section() -> None:
    sections = by_code("sections")
    for t in plan()["targets"]:
        assert norm(t["text"]) in seed(), t["code"]
        assert norm(t["text"]) in norm(sections[t["section"]]["text"]), f"{t['code']} not in {t['section']}"


def test_quantified_value_is_written_in_the_target_text() -> None:
    for t in plan()["targets"]:
        if not t["quantified"] or t["kind"] in IMPLIED_VALUE_KINDS:
            continue
        written = vn_number(t["value"])
        assert contains_number(t["text"], written), f"{t['code']}: {written!r} not in {t['text']!r}"


def test_every_ii_2_figure_belongs_to_a_target() -> None:
    """Coverage: every number followed by %, triệu đồng, tuổi or năm in II.2 lies in some target's text."""
    text = ii2_text()
    spans: list[tuple[int, int]] = []
    for t in plan()["targets"]:
        needle = norm(t["text"])
        start = text.find(needle)
        assert start >= 0, t["code"]
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    figures = list(re.finditer(r"(?<![\d.,])\d+(?:[.,]\d+)*\s*(?:%|triệu đồng|tuổi|năm)", text))
    assert len(figures) >= 45
    missing = [m.group(0) for m in figures if not any(a <= m.start() and m.end() <= b for a, b in spans)]
    assert not missing, f"figures of II.2 not covered by a target: {missing}"


def test_every_ii_2_bullet_has_a_target() -> None:
    covered = {t["section"] for t in plan()["targets"]}
    bullets = [s["code"] for s in plan()["sections"] if s["parent"] in MILESTONE_BY_POINT]
    assert bullets and set(bullets) <= covered, sorted(set(bullets) - covered)


def test_target_counts() -> None:
    targets = plan()["targets"]
    quantified = [t for t in targets if t["quantified"]]
    assert len(quantified) >= 40
    assert len(targets) - len(quantified) >= 8
    assert {t["milestone_year"] for t in targets} == {2025, 2030, 2045}
    # the 2025 infrastructure bullet holds six targets
    assert sum(1 for t in targets if t["section"] == "II.2.a.b3") == 6


EXPECTED_TARGETS = {
    # code: (comparator, value, unit, kind, direction)
    "T2025-01": (">=", 32, "million_vnd_per_person_per_year", "level", "increase"),
    "T2025-02": (">=", 4, "pp_per_year", "change_per_year", "decrease"),
    "T2025-03": (">=", 100, "percent", "level", "increase"),
    "T2025-13": (">", 99.5, "percent", "level", "increase"),
    "T2025-14": (">", 99.95, "percent", "level", "increase"),
    "T2025-23": ("<=", 17.4, "percent", "level", "decrease"),
    "T2025-29": (">=", 100, "percent", "relative_to_measure", "increase"),
    "T2030-01": (">=", 6, "percent_per_year", "growth_per_year", "increase"),
    "T2030-02": (">", 55, "million_vnd_per_person_per_year", "level", "increase"),
    "T2030-03": ("<", 12, "percent", "level", "decrease"),
    "T2030-04": (">=", 50, "percent_of_baseline", "reduction_from_baseline", "decrease"),
    "T2030-05": (">=", 61.53, "percent", "level", "increase"),
    "T2030-06": (">=", 5, "percent_per_year", "growth_per_year", "increase"),
    "T2030-07": (">", 0.6, "index", "level", "increase"),
    "T2030-08": (">=", 75, "years", "level", "increase"),
    "T2030-09": (">=", 68, "years", "level", "increase"),
    "T2030-19": ("<=", 0, "percent", "elimination", "decrease"),
    "T2030-24": (">=", 70, "percent", "level", "increase"),
    "T2045-01": (">", 65, "million_vnd_per_person_per_year", "level", "increase"),
    "T2045-02": ("<=", 0, "percent", "elimination", "decrease"),
}


def test_known_target_values() -> None:
    targets = by_code("targets")
    for code, expected in EXPECTED_TARGETS.items():
        t = targets[code]
        got = (t["comparator"], t["value"], t["unit"], t["kind"], t["direction"])
        assert got == expected, f"{code}: {got} != {expected}"
        assert t["quantified"] is True


def test_known_target_texts_and_parents() -> None:
    targets = by_code("targets")
    assert targets["T2025-01"]["text"] == "Phấn đấu mức thu nhập bình quân đầu người DTTS đạt 32 triệu đồng."
    assert "0,6%" in targets["T2030-07"]["text"]  # unit error of the document kept as written
    assert targets["T2025-29"]["relative_to"] == "tỷ lệ dân số là người DTTS"
    assert targets["T2030-09"]["parent"] == "T2030-08"  # thời gian sống khỏe mạnh under tuổi thọ
    sub_42 = [t for t in targets.values() if "lao động nữ" in t["text"] and "42%" in t["text"]]
    assert len(sub_42) == 2 and all(t["parent"] for t in sub_42)
    assert {t["parent"] for t in sub_42} == {"T2030-10", "T2030-13"}
    assert targets["T2030-16"]["parent"] == targets["T2030-17"]["parent"] == "T2030-15"
    assert "hàng năm thu hút 20% lao động" in targets["T2030-12"]["text"]
    assert targets["T2030-12"]["kind"] == "level" and "mỗi năm" in targets["T2030-12"]["measure"]
    qualitative = [t for t in targets.values() if not t["quantified"]]
    assert any(t["text"].startswith("Hoàn thành cơ bản công tác định canh") for t in qualitative)


# --------------------------------------------------------------------------------------------- tasks


TASK_KIND_BY_ITEM = {"III.1": "breakthrough", "III.2": "main", "III.3": "solution"}
TASK_PREFIX_BY_ITEM = {"III.1": "NV-DP-", "III.2": "NV-CY-", "III.3": "NV-GP-"}


def test_every_point_and_bullet_of_iii_has_exactly_one_task() -> None:
    wanted = [
        s["code"]
        for s in plan()["sections"]
        if s["code"].startswith("III.") and s["kind"] in ("point", "bullet", "sub_bullet")
    ]
    got = [t["section"] for t in plan()["tasks"]]
    assert got == wanted  # one task per section, in document order


def test_task_fields_follow_their_section() -> None:
    sections = by_code("sections")
    tasks = by_code("tasks")
    section_to_task = {t["section"]: t["code"] for t in plan()["tasks"]}
    for t in plan()["tasks"]:
        s = sections[t["section"]]
        item = t["section"][:5]
        assert t["kind"] == TASK_KIND_BY_ITEM[item], t["code"]
        assert t["code"] == TASK_PREFIX_BY_ITEM[item] + t["section"][6:], t["code"]
        assert t.get("text") == s.get("text"), t["code"]
        if s["kind"] == "point":
            assert t["parent"] is None, t["code"]
        else:
            assert t["parent"] == section_to_task[s["parent"]], t["code"]
            assert tasks[t["parent"]]["section"] == s["parent"], t["code"]
        # title: the heading, or the first sentence shortened at a word boundary
        title = t["title"]
        assert len(title) <= 161, t["code"]
        if "title" in s:
            assert title == s["title"], t["code"]
        elif title.endswith("…"):
            assert s["text"].startswith(title[:-1]), t["code"]
            assert s["text"][len(title) - 1] in " ,;:", t["code"]
        else:
            assert s["text"].startswith(title), t["code"]


def test_task_assignments() -> None:
    codes = {a["code"] for a in agencies()}
    names: dict[str, list[str]] = {
        a["code"]: [a["name"], a.get("short_name") or "", *a.get("aliases", [])] for a in agencies()
    }
    for t in plan()["tasks"]:
        assert t["lead"] in codes, t["code"]
        assert all(c in codes for c in t["coordinating"]), t["code"]
        assert t["lead"] not in t["coordinating"], t["code"]
        if t["assignment_basis"] == "stated":
            text = t.get("text") or t["title"]
            assert any(n and n in text for n in names[t["lead"]]), f"{t['code']}: 'stated' but lead not named"
    tasks = by_code("tasks")
    assert tasks["NV-GP-b"]["lead"] == "MT-TCKH"  # resources: Phòng Tài chính - Kế hoạch (IV#2.2)
    assert tasks["NV-CY-c"]["lead"] == "MT-GDDT"
    assert tasks["NV-CY-d"]["lead"] == "MT-YT"
    assert tasks["NV-CY-d#2"]["lead"] == "MT-VHTT"
    assert tasks["NV-CY-b.b1"]["lead"] == "MT-NNPTNT"
    assert tasks["NV-CY-e.b3"]["lead"] == "MT-BCHQS"
    assert tasks["NV-CY-e.b1"]["lead"] == "MT-CA"
    assert tasks["NV-DP-a"]["lead"] == "MT-PDT"
    assert tasks["NV-DP-c.b1"]["parent"] == "NV-DP-c"
    assert tasks["NV-CY-b.b1.p2"]["parent"] == "NV-CY-b.b1"


# -------------------------------------------------------------------------------------- budget lines


def test_budget_figures_are_written_in_their_text_and_in_part_iv() -> None:
    sections = by_code("sections")
    part_iv = iv_text()
    for b in plan()["budget_lines"]:
        amount = b["amount_million_vnd"]
        assert isinstance(amount, int) and not isinstance(amount, bool), b["code"]
        written = vn_number(amount)
        assert contains_number(b["text"], f"{written}") and f"{written} triệu đồng" in b["text"], b["code"]
        assert norm(b["text"]) in part_iv, b["code"]
        assert b["section"] == "IV" or b["section"].startswith("IV."), b["code"]
        assert norm(b["text"]) == norm(sections[b["section"]]["text"]), b["code"]


def test_every_figure_of_part_iv_has_a_budget_line() -> None:
    figures = re.findall(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*) triệu đồng", iv_text())
    written = sorted(vn_number(b["amount_million_vnd"]) for b in plan()["budget_lines"])
    assert sorted(figures) == written
    assert len(figures) == 17


def test_budget_structure_as_written() -> None:
    lines = by_code("budget_lines")
    got = {
        c: (b["programme"], b["source"], b["kind"], b["amount_million_vnd"], b["parent"])
        for c, b in lines.items()
    }
    assert got == {
        "NS-1719-TONG": ("CTMTQG-DTTS", "total", "total", 1426328, None),
        "NS-1719-TW": ("CTMTQG-DTTS", "central", "total", 1257762, "NS-1719-TONG"),
        "NS-1719-TW-DT": ("CTMTQG-DTTS", "central", "investment", 884799, "NS-1719-TW"),
        "NS-1719-TW-SN": ("CTMTQG-DTTS", "central", "recurrent", 327963, "NS-1719-TW"),
        "NS-1719-DP": ("CTMTQG-DTTS", "local", "total", 30550, "NS-1719-TONG"),
        "NS-1719-DP-DT": ("CTMTQG-DTTS", "local", "investment", 8664, "NS-1719-DP"),
        "NS-1719-DP-SN": ("CTMTQG-DTTS", "local", "recurrent", 21886, "NS-1719-DP"),
        "NS-1719-TDCS": ("CTMTQG-DTTS", "policy_credit", "total", 135806, "NS-1719-TONG"),
        "NS-1719-KHAC": ("CTMTQG-DTTS", "other", "total", 2210, "NS-1719-TONG"),
        "NS-NTM-TW": ("CTMTQG-NTM", "central", "total", 57782, None),
        "NS-NTM-TW-DT": ("CTMTQG-NTM", "central", "investment", 51452, "NS-NTM-TW"),
        "NS-NTM-TW-SN": ("CTMTQG-NTM", "central", "recurrent", 6330, "NS-NTM-TW"),
        "NS-NTM-DP": ("CTMTQG-NTM", "local", "total", 0, None),
        "NS-GN-TW": ("CTMTQG-GN", "central", "total", 344069, None),
        "NS-GN-TW-DT": ("CTMTQG-GN", "central", "investment", 206056, "NS-GN-TW"),
        "NS-GN-TW-SN": ("CTMTQG-GN", "central", "recurrent", 138013, "NS-GN-TW"),
        "NS-GN-DP": ("CTMTQG-GN", "local", "total", 0, None),
    }
    # figures are kept as written, not reconciled: the document's central investment + recurrent
    # do not add up to its central total (a consistency finding, not a data fix)
    assert (
        lines["NS-1719-TW-DT"]["amount_million_vnd"] + lines["NS-1719-TW-SN"]["amount_million_vnd"] != 1257762
    )
    # only the 1719 programme states a total
    assert [c for c, b in lines.items() if b["source"] == "total"] == ["NS-1719-TONG"]
    for b in lines.values():
        if b["parent"]:
            assert lines[b["parent"]]["programme"] == b["programme"], b["code"]
        assert b["phase"] == ("2021-2025" if b["programme"] == "CTMTQG-DTTS" else None), b["code"]


# ------------------------------------------------------------------ responsibilities and obligations


def test_responsibilities() -> None:
    resp = plan()["responsibilities"]
    assert [(r["section"], r["agency"]) for r in resp] == [
        ("IV#2.1", "MT-PDT"),
        ("IV#2.2", "MT-TCKH"),
        ("IV#2.3", "MT-CAC-NGANH"),
        ("IV#2.4", "MT-UBND-XA"),
    ]
    assert len(resp[0]["duties"]) == 3
    for r in resp:
        assert norm(r["text"]) in seed(), r["code"]
        for duty in r["duties"]:
            assert norm(duty) in norm(r["text"]), r["code"]


def test_obligations() -> None:
    sections = by_code("sections")
    obligations = by_code("obligations")
    for o in obligations.values():
        assert norm(o["text"]) in norm(sections[o["section"]]["text"]), o["code"]
    kinds = {o["kind"]: o for o in obligations.values()}
    assert set(kinds) == set(D.OBLIGATION_KINDS)
    annual = kinds["annual_report"]
    assert (annual["agency"], annual["recipients"], annual["frequency"]) == (
        "MT-PDT",
        ["LC-UBND", "LC-BDT"],
        "annual",
    )
    assert (kinds["midterm_review"]["due_year"], kinds["midterm_review"]["frequency"]) == (2025, "once")
    assert (kinds["final_review"]["due_year"], kinds["final_review"]["frequency"]) == (2030, "once")
    assert "sơ kết" in kinds["midterm_review"]["text"] and "tổng kết" in kinds["final_review"]["text"]
    assert kinds["commune_plan"]["agency"] == "MT-UBND-XA"
    assert kinds["publication"]["section"] == "III.3.c.b2"
    assert kinds["publication"]["text"].startswith("Thực hiện công khai minh bạch")


# ------------------------------------------------------------------------------------------ agencies


def referenced_agency_codes() -> set[str]:
    doc = plan()
    codes = {doc["plan"]["issuer"]}
    for t in doc["tasks"]:
        codes |= {c for c in [t.get("lead"), *t.get("coordinating", [])] if c}
    for r in doc["responsibilities"]:
        codes.add(r["agency"])
    for o in doc["obligations"]:
        codes.add(o["agency"])
        codes |= set(o.get("recipients") or [])
    return codes


def test_every_agency_referenced_by_the_plan_exists() -> None:
    known = {a["code"] for a in agencies()}
    missing = referenced_agency_codes() - known
    assert not missing, f"agency codes used by the plan but not in {AGENCY_FILE.name}: {sorted(missing)}"


def test_agency_file_is_valid() -> None:
    data = yaml.safe_load(AGENCY_FILE.read_text(encoding="utf-8"))
    assert data["format"] == "kehoach.agencies/1"
    items = data["agencies"]
    codes = [a["code"] for a in items]
    assert len(codes) == len(set(codes))
    by = {a["code"]: a for a in items}
    for a in items:
        where = a["code"]
        assert CODE_RE.match(where) and a["name"].strip(), where
        assert a["kind"] in AGENCY_KINDS, where
        assert a.get("sector") is None or a["sector"] in D.SECTORS, where
        assert a["admin_unit"]["scheme"] in UNIT_SCHEMES and isinstance(a["admin_unit"]["code"], str), where
        assert a.get("parent") is None or a["parent"] in by, where
        start, end = a.get("valid_from"), a.get("valid_to")
        for d in (start, end):
            assert d is None or isinstance(d, dt.date), where
        assert not (start and end and end < start), where
        for s in a.get("successors") or []:
            assert s["agency"] in by, where
            assert isinstance(s["date"], dt.date), where
            other_start = by[s["agency"]].get("valid_from")
            assert not (end and other_start and other_start > end + dt.timedelta(days=1)), where
        assert a.get("note"), f"{where}: every agency carries the source/confidence of its facts"


# Old commune (legacy code) -> 2025 commune (docs/domain.md (g); NQ 1670/NQ-UBTVQH15)
COMMUNE_MAPPING = {
    "03433": "03433",
    "03454": "03433",
    "03469": "03433",
    "03436": "03439",
    "03439": "03439",
    "03440": "03442",
    "03442": "03442",
    "03445": "03445",
    "03457": "03445",
    "03451": "03451",
    "03467": "03460",
    "03463": "03463",
    "03448": "03466",
    "03466": "03466",
}


def test_agency_history_of_the_area() -> None:
    by = {a["code"]: a for a in agencies()}
    district_end, new_start = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
    old = [a for a in agencies() if a["code"].startswith("MT-UBND-X-")]
    assert len(old) == 14
    for a in old:
        legacy = a["admin_unit"]["code"]
        assert a["admin_unit"]["scheme"] == "gso-legacy" and a["valid_to"] == district_end, a["code"]
        [succ] = a["successors"]
        target = by[succ["agency"]]
        assert succ["date"] == new_start
        assert target["admin_unit"] == {"scheme": "gso-2025", "code": COMMUNE_MAPPING[legacy]}, a["code"]
    new = [
        a for a in agencies() if a["admin_unit"]["scheme"] == "gso-2025" and a["kind"] == "people_committee"
    ]
    assert sorted(a["admin_unit"]["code"] for a in new) == sorted(set(COMMUNE_MAPPING.values()))
    for a in new:
        assert a["valid_from"] == new_start and a["parent"] == "LC-UBND", a["code"]
        offices = [o for o in agencies() if o.get("parent") == a["code"]]
        assert [o["name"].split(" xã ")[0] for o in offices] == ["Phòng Văn hóa - Xã hội"], a["code"]
    pdt_successors = {s["agency"] for s in by["MT-PDT"]["successors"]}
    assert "LC-SDTTG" in pdt_successors
    assert {
        o["code"] for o in agencies() if o["name"].startswith("Phòng Văn hóa - Xã hội xã")
    } <= pdt_successors
    assert {"LC-UBND"} | {a["code"] for a in new} == {s["agency"] for s in by["MT-UBND"]["successors"]}
    assert by["LC-BDT"]["successors"][0]["agency"] == "LC-SDTTG"
    assert "unverified" in by["LC-SDTTG"]["note"].lower()
    for a in agencies():
        if a["code"].startswith("MT-") and a["code"] != "MT-CA":  # district police ended 2025-02-28
            assert a["valid_to"] == district_end, a["code"]


def test_agency_aliases_cover_the_names_the_plan_uses() -> None:
    names = {
        n for a in agencies() for n in [a["name"], a.get("short_name") or "", *a.get("aliases", [])] if n
    }
    for used in (
        "Phòng Dân tộc huyện",
        "Phòng Tài chính - Kế hoạch huyện",
        "UBND huyện",
        "Ban Dân tộc tỉnh",
        "UBND tỉnh",
        "Ủy ban nhân dân các xã, thị trấn",
        "UBND các xã, thị trấn",
        "Các cơ quan, ban, ngành, đoàn thể có liên quan",
    ):
        assert used in names, used
        assert used in seed(), used


# ------------------------------------------------------------- reference data the loaders resolve

UNITS_FILE = REPO / "kehoach" / "orgunits" / "data" / "lai-chau.json"
PROGRAMMES_FILE = REPO / "kehoach" / "plans" / "data" / "programmes.yaml"


def test_administrative_units_resolve_in_the_unit_data() -> None:
    """The loaders reject unknown units: every {scheme, code} must exist in the unit data file."""
    units = json.loads(UNITS_FILE.read_text(encoding="utf-8"))
    known = {(c["scheme"], c["code"]) for u in units["units"] for c in u["codes"]}
    refs = [("plan", plan()["plan"]["admin_unit"])] + [(a["code"], a["admin_unit"]) for a in agencies()]
    missing = [(where, ref) for where, ref in refs if (ref["scheme"], ref["code"]) not in known]
    assert not missing, missing


def test_budget_programmes_exist() -> None:
    programmes = {
        p["code"] for p in yaml.safe_load(PROGRAMMES_FILE.read_text(encoding="utf-8"))["programmes"]
    }
    assert {b["programme"] for b in plan()["budget_lines"]} <= programmes
