"""The web entry form: what each input shows, and the posted form turned into ValueRows.

Field names carry the codes: `v:EL:COC` (the value typed), `o:EL:COC` (what the form showed),
`ver:EL:COC` (the stored version it showed), `c:EL` / `co:EL` (the element's comment, shown).
Only cells whose text changed are sent to the service, so a value someone else changed meanwhile
is never overwritten by a cell this user did not touch; a touched cell with a stale version is
refused by the service as a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.core.formatting import parse_vn_decimal, vn_number
from kehoach.core.text import nfc
from kehoach.datavalues import rows as r
from kehoach.datavalues.catalogue import DataSetCatalogue, ElementInfo
from kehoach.datavalues.state import FormState
from kehoach.datavalues.validation import TOTAL

MAX_COMMENT = 2000


def name(prefix: str, element: str, coc: str = "") -> str:
    return f"{prefix}:{element}:{coc}" if coc else f"{prefix}:{element}"


@dataclass
class Cell:
    element: str
    coc: str
    label: str
    text: str  # what the input shows (typed by the user after a refused save)
    original: str  # what the form showed when it was loaded
    version: int
    previous: str  # last period's value, formatted
    problems: list[str] = field(default_factory=list)

    @property
    def field(self) -> str:
        return name("v", self.element, self.coc)

    @property
    def original_field(self) -> str:
        return name("o", self.element, self.coc)

    @property
    def version_field(self) -> str:
        return name("ver", self.element, self.coc)


@dataclass
class ElementRow:
    info: ElementInfo
    total: Cell
    groups: list[tuple[str, list[Cell]]]
    comment: str
    comment_original: str

    @property
    def cells(self) -> list[Cell]:
        return [self.total, *(c for _, cells in self.groups for c in cells)]

    @property
    def has_problems(self) -> bool:
        return any(c.problems for c in self.cells)


def show(value: Decimal | None) -> str:
    return "" if value is None else vn_number(value)


def build_rows(
    cat: DataSetCatalogue, state: FormState, typed: Mapping[str, str] | None = None
) -> list[ElementRow]:
    """The rows of the form in catalogue order; `typed` (a refused POST) wins over stored values."""
    typed = typed or {}
    out = []
    for info in cat.elements.values():
        spec = cat.specs[info.code]

        def cell(coc: str, label: str, info: ElementInfo = info) -> Cell:
            key = (info.code, coc)
            stored = show(state.values.get(key))
            return Cell(
                element=info.code,
                coc=coc,
                label=label,
                text=typed.get(name("v", info.code, coc), stored),
                original=stored,
                version=state.versions.get(key, 0),
                previous=show(state.previous.get(key)),
            )

        groups = [
            (combo_name, [cell(coc, cat.labels.get(coc, coc)) for coc in cocs])
            for _code, combo_name, cocs in spec.disaggregations
        ]
        comment = state.comments.get((info.code, TOTAL), "")
        out.append(
            ElementRow(
                info=info,
                total=cell(TOTAL, "Tổng số"),
                groups=groups,
                comment=typed.get(name("c", info.code), comment),
                comment_original=comment,
            )
        )
    return out


def parse_post(
    cat: DataSetCatalogue, data: Mapping[str, str], *, unit_key: str, period: str
) -> tuple[list[r.ValueRow], dict[int, tuple[str, str]]]:
    """ValueRows for the changed cells, and line -> (element, option combo) to place messages."""
    rows: list[r.ValueRow] = []
    where: dict[int, tuple[str, str]] = {}
    for info in cat.elements.values():
        comment = nfc(data.get(name("c", info.code), "")).strip()[:MAX_COMMENT]
        comment_changed = comment != nfc(data.get(name("co", info.code), "")).strip()[:MAX_COMMENT]
        for coc in info.option_combos:
            text = data.get(name("v", info.code, coc), "").strip()
            original = data.get(name("o", info.code, coc), "").strip()
            if text == original and not (comment_changed and text):
                continue
            value: Decimal | None = None
            problems: tuple[r.Problem, ...] = ()
            if text:
                try:
                    value = parse_vn_decimal(text)
                except ValueError as exc:
                    problems = (r.Problem(r.VALUE, str(exc)),)
            try:
                version = int(data.get(name("ver", info.code, coc), "0"))
            except ValueError:
                version = -1  # tampered: refused as a conflict, never guessed
            line = len(rows) + 1
            rows.append(
                r.ValueRow(
                    line=line,
                    unit=unit_key,
                    period=period,
                    element=info.code,
                    option_combo=coc,
                    value=value,
                    comment=comment if (comment_changed or comment) else None,
                    version=version,
                    problems=problems,
                )
            )
            where[line] = (info.code, coc)
    return rows, where


class DecisionForm(forms.Form):
    """Approve, return or reopen: the comment is required to return, the reason to reopen."""

    comment = forms.CharField(
        label=_("Ý kiến / lý do"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
