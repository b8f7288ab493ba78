"""Programme structures as data: `kehoach.programme-structures/1` files (data/programme-structures.yaml).

The whole file is validated before anything is written, and loading is idempotent: components are
matched by (programme, code) and updated in place, so allocations that point at them survive.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.budget.models import ProgrammeComponent
from kehoach.core.exceptions import ValidationFailed
from kehoach.core.text import nfc
from kehoach.plans.models import Programme
from kehoach.plans.services import read_data_file

FORMAT_ID = "kehoach.programme-structures/1"
DATA_FILE = Path(__file__).resolve().parent / "data" / "programme-structures.yaml"
MAX_DEPTH = 3


@dataclass(frozen=True)
class Node:
    programme: str
    code: str
    name: str
    parent: str | None
    order: int
    note: str


def _walk(
    programme: str, items: Any, parent: str | None, depth: int, errors: list[str], note: str = ""
) -> Iterator[Node]:
    if not isinstance(items, list):
        errors.append(f"{programme}: “components”/“children” phải là một danh sách.")
        return
    for item in items:
        where = f"{programme} › {parent + ' › ' if parent else ''}{item.get('code') if isinstance(item, dict) else '?'}"
        if (
            not isinstance(item, dict)
            or not str(item.get("code") or "").strip()
            or not str(item.get("name") or "").strip()
        ):
            errors.append(f"{where}: thiếu mã hoặc tên.")
            continue
        if depth > MAX_DEPTH:
            errors.append(f"{where}: quá {MAX_DEPTH} cấp.")
            continue
        code = nfc(str(item["code"])).strip()
        # A component without its own note inherits the programme's statement of certainty.
        own = nfc(str(item.get("note") or "")) or note
        yield Node(programme, code, nfc(str(item["name"])).strip(), parent, 0, own)
        yield from _walk(programme, item.get("children") or [], code, depth + 1, errors, note)


def validate_structures(data: Any) -> list[Node]:
    """Every node in file order, or ValidationFailed listing every problem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise ValidationFailed(f"Tệp cấu trúc chương trình phải có định dạng “{FORMAT_ID}”.")
    errors: list[str] = []
    nodes: list[Node] = []
    for entry in data.get("programmes") or []:
        if not isinstance(entry, dict) or not entry.get("programme"):
            errors.append("Mỗi mục phải có “programme” (mã chương trình).")
            continue
        code = str(entry["programme"])
        note = nfc(str(entry.get("note") or ""))
        found = list(_walk(code, entry.get("components") or [], None, 1, errors, note))
        seen: set[str] = set()
        for node in found:
            if node.code in seen:
                errors.append(f"{code}: mã “{node.code}” bị trùng.")
            seen.add(node.code)
        nodes += found
    known = set(
        Programme.objects.filter(code__in={n.programme for n in nodes}).values_list("code", flat=True)
    )
    for missing in sorted({n.programme for n in nodes} - known):
        errors.append(f"Chương trình “{missing}” chưa có; hãy thêm vào tệp chương trình trước.")
    if errors:
        raise ValidationFailed("Tệp cấu trúc chương trình có lỗi; chưa nạp gì.", messages=errors)
    return nodes


@transaction.atomic
def load_programme_structures(*, data: Any, actor: Any = None, channel: Channel = Channel.CLI) -> int:
    """Create or update the components of each programme in the file; returns how many."""
    nodes = validate_structures(data)
    programmes = {p.code: p for p in Programme.objects.filter(code__in={n.programme for n in nodes})}
    saved: dict[tuple[str, str], ProgrammeComponent] = {}
    for order, node in enumerate(nodes, start=1):
        parent = saved[(node.programme, node.parent)] if node.parent else None
        component, _ = ProgrammeComponent.objects.update_or_create(
            programme=programmes[node.programme],
            code=node.code,
            defaults={"name": node.name, "parent": parent, "order": order, "note": node.note},
        )
        saved[(node.programme, node.code)] = component
    record_event(
        actor=actor,
        action="budget.structures.load",
        object_type="budget.programmecomponent",
        object_id="",
        changes={"components": len(nodes), "programmes": sorted(programmes)},
        channel=channel,
    )
    return len(nodes)


def load_default_programme_structures() -> int:
    """What `kehoach init` runs after loading the programmes."""
    return load_programme_structures(data=read_data_file(DATA_FILE))
