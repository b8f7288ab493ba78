"""Tasks, agencies in their wording, and matching agency names to codes."""

from __future__ import annotations

from kehoach.docparse import match_agency
from kehoach.docparse.agencies import agencies_at, lead_and_coordinating, split_agencies
from kehoach.docparse.tasks import task_kind


def test_seed_tasks(seed) -> None:
    tasks = {t["code"]: t for t in seed.document["tasks"]}
    assert len(tasks) == 63
    kinds = {t["kind"] for t in tasks.values()}
    assert kinds == {"breakthrough", "main", "solution"}
    assert tasks["NV-DP-a"]["section"] == "III.1.a"
    assert tasks["NV-DP-c.b1"]["parent"] == "NV-DP-c"
    assert tasks["NV-CY-b.b1.p2"]["parent"] == "NV-CY-b.b1"
    assert tasks["NV-CY-d#2"]["title"] == "Về bảo tồn và phát triển văn hóa các dân tộc"
    assert tasks["NV-CY-a"]["title"] == "Đổi mới phương thức quản lý nhà nước về công tác dân tộc"
    assert tasks["NV-CY-a"]["text"].startswith("Xác định và phân công rõ vai trò")
    assert tasks["NV-GP-dd"]["kind"] == "solution"
    assert tasks["NV-CY-d.b1"]["sector"] == "health"
    # the seed's task wording names no agency: nothing is stated
    assert all(t.get("lead") is None and t.get("coordinating") == [] for t in tasks.values())
    assert all("assignment_basis" not in t for t in tasks.values())


def test_task_kinds() -> None:
    assert task_kind("Nhiệm vụ đột phá") == "breakthrough"
    assert task_kind("NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN") == "root"
    assert task_kind("Nhiệm vụ trọng tâm") == "main"
    assert task_kind("NHIỆM VỤ CHỦ YẾU") == "main"
    assert task_kind("Giải pháp thực hiện") == "solution"
    assert task_kind("Mục tiêu") is None


def test_variant_tasks_with_stated_agencies(variant, balanced) -> None:
    tasks = {t["code"]: t for t in variant.document["tasks"]}
    stated = tasks["NV-CY-a.b1"]
    assert stated["lead"] == "Phòng Nông nghiệp và PTNT"
    assert stated["coordinating"] == ["Phòng Tài nguyên và Môi trường", "UBND các xã"]
    assert stated["assignment_basis"] == "stated"
    assert tasks["NV-CY-b"]["lead"] == "Phòng Lao động - Thương binh và Xã hội"
    assert tasks["NV-GP-b"]["kind"] == "solution"
    other = {t["code"]: t for t in balanced.document["tasks"]}
    assert other["NV-CY-2"]["lead"] == "Sở Giáo dục và Đào tạo"
    assert other["NV-CY-2"]["coordinating"] == ["Ban Dân tộc tỉnh", "Sở Y tế"]


def test_lead_and_coordinating_forms() -> None:
    assert lead_and_coordinating("Cơ quan chủ trì: Phòng Văn hóa và Thông tin; phối hợp: Công an huyện.") == (
        "Phòng Văn hóa và Thông tin",
        ["Công an huyện"],
    )
    # lower-case "cơ quan chủ trì" names no agency
    assert lead_and_coordinating("Phân công giữa cơ quan chủ trì và cơ quan phối hợp trong việc này.") == (
        None,
        [],
    )


def test_split_agencies_keeps_names_with_va() -> None:
    assert split_agencies("UBND huyện và Sở Lao động - Thương binh và Xã hội") == [
        "UBND huyện",
        "Sở Lao động - Thương binh và Xã hội",
    ]
    assert agencies_at("UBND tỉnh, Ban Dân tộc tỉnh kết quả thực hiện") == ["UBND tỉnh", "Ban Dân tộc tỉnh"]
    assert agencies_at("các cơ quan liên quan") == []


AGENCIES = {
    "MT-PDT": ["Phòng Dân tộc huyện Mường Tè", "Phòng Dân tộc huyện", "PDT"],
    "MT-UBND": ["Ủy ban nhân dân huyện Mường Tè", "UBND huyện"],
    "MT-NNPTNT": ["Phòng Nông nghiệp và Phát triển nông thôn"],
    "MT-TCKH": ["Phòng Tài chính - Kế hoạch huyện"],
    "LC-BDT": ["Ban Dân tộc tỉnh Lai Châu", "Ban Dân tộc tỉnh"],
}


def test_match_agency_exact_without_case_or_diacritics() -> None:
    assert match_agency("phong dan toc huyen", AGENCIES).codes == ("MT-PDT",)
    assert match_agency("PHÒNG DÂN TỘC HUYỆN", AGENCIES).status == "one"
    assert match_agency("Uỷ ban nhân dân huyện Mường Tè", AGENCIES).codes == ("MT-UBND",)


def test_match_agency_abbreviations_and_containment() -> None:
    assert match_agency("Phòng Nông nghiệp và PTNT", AGENCIES).codes == ("MT-NNPTNT",)
    assert match_agency("UBND huyện Mường Tè", AGENCIES).codes == ("MT-UBND",)
    assert match_agency("Phòng Tài chính - Kế hoạch", AGENCIES).codes == ("MT-TCKH",)


def test_match_agency_ambiguous_and_none() -> None:
    ambiguous = match_agency("Phòng", AGENCIES)
    assert ambiguous.status == "ambiguous"
    assert set(ambiguous.codes) >= {"MT-PDT", "MT-NNPTNT", "MT-TCKH"}
    assert match_agency("Công an huyện", AGENCIES).status == "none"
    assert match_agency("", AGENCIES).status == "none"
