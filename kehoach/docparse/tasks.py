"""Tasks and solutions from the "NHIỆM VỤ VÀ GIẢI PHÁP" part.

"Nhiệm vụ đột phá" gives breakthrough tasks, "Nhiệm vụ chủ yếu" (or any "Nhiệm vụ ...") main
tasks, "Giải pháp" solutions. Every point, bullet and sub-bullet below such a heading is a task,
with the task it sits in as parent. Agencies are taken only from the task's own wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.plans.document import Task

from .agencies import lead_and_coordinating
from .structure import Node
from .target_kinds import sector
from .text import fold

PREFIXES = {"breakthrough": "NV-DP", "main": "NV-CY", "solution": "NV-GP"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass
class TaskResult:
    """Tasks, and the (code, start, end) span each was read from."""

    tasks: list[Task] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)


def task_kind(title: str) -> str | None:
    """`breakthrough`, `main`, `solution`, `root` (both tasks and solutions) or None."""
    folded = fold(title)
    if "dot pha" in folded and "nhiem vu" in folded:
        return "breakthrough"
    if "nhiem vu" in folded and "giai phap" in folded:
        return "root"
    if folded.startswith("nhiem vu") or "nhiem vu chu yeu" in folded or "nhiem vu trong tam" in folded:
        return "main"
    if folded.startswith("giai phap"):
        return "solution"
    return None


def extract_tasks(roots: list[Node]) -> TaskResult:
    """Tasks below every task heading of the tree (searched from the top-level nodes)."""
    result = TaskResult()
    for node in roots:
        _visit(node, result)
    return result


def _visit(node: Node, result: TaskResult) -> None:
    kind = task_kind(node.title.text) if node.title and node.kind in ("part", "item") else None
    if kind == "root" and not any(c.title and task_kind(c.title.text) for c in node.children):
        kind = "main"  # "III. NHIỆM VỤ VÀ GIẢI PHÁP" with the tasks straight under it
    if kind in PREFIXES:
        for child in node.children:
            _task(child, node, kind, None, result)
        return
    for child in node.children:
        _visit(child, result)


def _task(node: Node, group: Node, kind: str, parent: Task | None, result: TaskResult) -> None:
    code = f"{PREFIXES[kind]}-{node.code[len(group.code) + 1 :]}"  # "NV-CY-b.b1.p2" for III.2.b.b1.p2
    body = "\n".join(c.text for c in node.body)
    title = node.title.text if node.title else _first_sentence(body)
    lead, coordinating = lead_and_coordinating(f"{node.title.text} {body}" if node.title else body)
    # A task under a titled group ("Về y tế và dân số") belongs to the group's sector.
    found_sector = parent.get("sector") if parent and parent.get("sector") else sector(f"{title} {body}")
    task = Task(
        code=code,
        section=node.code,
        kind=kind,
        title=title,
        sector=found_sector if found_sector != "other" else None,
        lead=lead,
        coordinating=coordinating,
        parent=parent["code"] if parent else None,
    )
    if body:
        task["text"] = body
    if lead or coordinating:
        task["assignment_basis"] = "stated"
    result.tasks.append(task)
    chunks = ([node.title] if node.title else []) + node.body
    if chunks:  # the span of a task runs from its first chunk to its last
        result.spans.append((code, chunks[0].span()[0], chunks[-1].span()[1]))
    for child in node.children:
        _task(child, group, kind, task, result)


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.split("\n")[0], maxsplit=1)[0].rstrip(" .;:")
