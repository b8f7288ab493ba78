"""Public entry points: `parse_plan` (file -> plan structure + findings + source spans) and
`check_plan` (findings for any plan in the `kehoach.plan/1` structure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.plans.document import FORMAT_ID, Finding, PlanDocument

from .budget import extract_budget
from .errors import PlanParseError
from .findings import check_plan
from .metadata import parse_meta
from .organisation import extract_organisation
from .reader import DEFAULT_MAX_BYTES, RawDocument, read_document
from .spans import lines_of
from .structure import build
from .targets import extract_targets
from .tasks import extract_tasks
from .text import garbled_reason, normalise

__all__ = ["ParseResult", "SourceSpan", "check_plan", "parse_plan"]


@dataclass(frozen=True)
class SourceSpan:
    """Where an extracted item's wording is: `text[start:end]` of the ParseResult."""

    code: str
    kind: str  # section, objective, target, task, budget_line, responsibility, obligation
    start: int
    end: int


@dataclass
class ParseResult:
    """A parsed plan: the structure, its findings, and the normalised text spans refer to."""

    document: PlanDocument
    findings: list[Finding]
    spans: list[SourceSpan] = field(default_factory=list)
    text: str = ""


def _normalised_text(raw: RawDocument) -> tuple[str, dict[int, int]]:
    """Join the paragraphs (with their numbering labels) into the text every offset refers to."""
    lines: list[str] = []
    levels: dict[int, int] = {}
    for para in raw.paragraphs:
        text = normalise(f"{para.label} {para.text}" if para.label else para.text)
        for line in text.split("\n"):
            if para.heading_level is not None and line:
                levels[len(lines)] = para.heading_level
            lines.append(line)
    return "\n".join(lines), levels


def parse_plan(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParseResult:
    """Parse a plan document (.txt or .docx) into `kehoach.plan/1`; PlanParseError if impossible."""
    raw = read_document(data, filename, max_bytes=max_bytes)
    text, levels = _normalised_text(raw)
    reason = garbled_reason(text)
    if reason:
        raise PlanParseError(f"Không đọc được nội dung tệp: văn bản {reason}.")
    structure = build(lines_of(text, levels))
    if not structure.nodes:
        raise PlanParseError("Không tìm thấy các phần “I.”, “II.” hoặc mục “1.”, “2.” của một kế hoạch.")
    body = "\n".join(c.text for node in structure.nodes for c in node.body)
    meta, body_from = parse_meta(structure.preamble, structure.closing, body)
    goals = extract_targets(structure.nodes, meta["period_end"])
    roots = [n for n in structure.nodes if n.parent is None]
    tasks = extract_tasks(roots)
    budget = extract_budget(roots)
    org = extract_organisation(roots)
    document = PlanDocument(
        format=FORMAT_ID,
        plan=meta,
        sections=structure.sections(body_from),
        objectives=goals.objectives,
        targets=goals.targets,
        tasks=tasks.tasks,
        budget_lines=budget.lines,
        responsibilities=org.responsibilities,
        obligations=org.obligations,
    )
    kind_of = {
        **{o["code"]: "objective" for o in goals.objectives},
        **{t["code"]: "target" for t in goals.targets},
        **{t["code"]: "task" for t in tasks.tasks},
        **{b["code"]: "budget_line" for b in budget.lines},
        **{r["code"]: "responsibility" for r in org.responsibilities},
        **{o["code"]: "obligation" for o in org.obligations},
    }
    spans = [SourceSpan(n.code, "section", *n.span()) for n in structure.nodes]
    for code, start, end in [*goals.spans, *tasks.spans, *budget.spans, *org.spans]:
        spans.append(SourceSpan(code, kind_of[code], start, end))
    return ParseResult(document, raw.findings + check_plan(document), spans, text)
