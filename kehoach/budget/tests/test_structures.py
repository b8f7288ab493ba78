"""Programme structures are data: the 1719 programme's projects, idempotent loading, a new programme
loaded from a file with no code change, and a bad file loading nothing."""

from __future__ import annotations

import pytest
import yaml

from kehoach.budget.models import ProgrammeComponent
from kehoach.budget.structures import load_default_programme_structures, load_programme_structures
from kehoach.core.exceptions import ValidationFailed
from kehoach.plans.services import load_programmes, read_data_file


def test_the_1719_programme_has_its_ten_projects_and_their_sub_projects(db):
    components = ProgrammeComponent.objects.filter(programme__code="CTMTQG-DTTS")
    projects = components.filter(parent__isnull=True)
    assert [p.code for p in projects.order_by("order")] == [f"DA{i}" for i in range(1, 11)]
    assert components.get(code="DA5").children.count() == 4
    assert components.get(code="DA10.TDA3").parent.code == "DA10"
    assert "Quy hoạch, sắp xếp, bố trí, ổn định dân cư" in components.get(code="DA2").name


def test_uncertain_facts_carry_a_note(db):
    ntm = ProgrammeComponent.objects.filter(programme__code="CTMTQG-NTM")
    assert ntm.count() == 11 and all("[mem]" in c.note or "[unverified]" in c.note for c in ntm)


def test_loading_again_changes_nothing(db):
    before = list(ProgrammeComponent.objects.order_by("pk").values_list("pk", "code", "parent_id"))
    load_default_programme_structures()
    assert list(ProgrammeComponent.objects.order_by("pk").values_list("pk", "code", "parent_id")) == before


def test_a_new_programme_loads_from_data_without_code(db, tmp_path):
    programmes = tmp_path / "programmes.yaml"
    programmes.write_text(
        yaml.safe_dump(
            {
                "format": "kehoach.programmes/1",
                "programmes": [
                    {
                        "code": "CTMTQG-2026",
                        "name": "Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và "
                        "phát triển kinh tế - xã hội vùng đồng bào DTTS&MN giai đoạn 2026 - 2035",
                        "period_start": 2026,
                        "period_end": 2035,
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    structure = tmp_path / "structure.yaml"
    structure.write_text(
        """
format: kehoach.programme-structures/1
programmes:
  - programme: CTMTQG-2026
    note: "[src] NQ 257/2025/QH15; thành phần chưa đối chiếu"
    components:
      - code: HP1
        name: Hợp phần thứ nhất (nông thôn mới, giảm nghèo)
      - code: HP2
        name: Hợp phần thứ hai (vùng đồng bào DTTS&MN)
        children:
          - {code: HP2.01, name: Hạ tầng đặc thù vùng đồng bào DTTS&MN}
          - {code: HP2.02, name: Hỗ trợ sản xuất, sinh kế, thu nhập}
""",
        encoding="utf-8",
    )
    load_programmes(data=read_data_file(programmes))
    assert load_programme_structures(data=read_data_file(structure)) == 4
    sub = ProgrammeComponent.objects.get(programme__code="CTMTQG-2026", code="HP2.02")
    assert sub.parent.code == "HP2" and sub.note.startswith("[src]")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"format": "khác"}, "định dạng"),
        (
            {
                "format": "kehoach.programme-structures/1",
                "programmes": [{"programme": "KHONG-CO", "components": [{"code": "A", "name": "x"}]}],
            },
            "chưa có",
        ),
        (
            {
                "format": "kehoach.programme-structures/1",
                "programmes": [{"programme": "CTMTQG-GN", "components": [{"code": "DA1"}]}],
            },
            "thiếu mã hoặc tên",
        ),
        (
            {
                "format": "kehoach.programme-structures/1",
                "programmes": [
                    {
                        "programme": "CTMTQG-GN",
                        "components": [{"code": "X", "name": "a"}, {"code": "X", "name": "b"}],
                    }
                ],
            },
            "bị trùng",
        ),
    ],
)
def test_a_bad_file_loads_nothing_and_says_why(db, data, words):
    before = ProgrammeComponent.objects.count()
    with pytest.raises(ValidationFailed) as info:
        load_programme_structures(data=data)
    assert any(words in m for m in info.value.messages)
    assert ProgrammeComponent.objects.count() == before
