"""One filled-in form (data set × unit × period) as the rule engine and the pages see it. Reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kehoach.datavalues.catalogue import DataSetCatalogue
from kehoach.datavalues.selectors import stored_values, value_history
from kehoach.datavalues.validation import Issue, Key, evaluate
from kehoach.indicators.periods import Period


@dataclass
class FormState:
    values: dict[Key, Decimal] = field(default_factory=dict)
    comments: dict[Key, str] = field(default_factory=dict)
    versions: dict[Key, int] = field(default_factory=dict)  # also for deleted values (their version counts)
    previous: dict[Key, Decimal] = field(default_factory=dict)  # last period's values, shown beside inputs

    def unexplained(self, issues: list[Issue]) -> list[Issue]:
        """Errors, and warnings whose value has no comment: what blocks a submission."""
        return [i for i in issues if i.severity == "error" or not self.comments.get(i.key, "").strip()]


def form_state(*, cat: DataSetCatalogue, unit_id: int, period: Period) -> FormState:
    codes = cat.element_codes_by_pk
    coc_codes = {pk: code for code, pk in cat.option_combos.items()}
    previous = period.previous()
    stored = stored_values(element_ids=codes, unit_ids=[unit_id], periods=[period.code, previous.code])
    state = FormState()
    for (e, _u, p, c), (_pk, value, comment, version, deleted) in stored.items():
        if c not in coc_codes:
            continue
        key = (codes[e], coc_codes[c])
        if p == previous.code:
            if not deleted:
                state.previous[key] = value
            continue
        state.versions[key] = version
        if not deleted:
            state.values[key] = value
            state.comments[key] = comment
    return state


def form_issues(*, cat: DataSetCatalogue, unit_id: int, period: Period, state: FormState) -> list[Issue]:
    """Every issue of the form as it stands, required values included (the submission check)."""
    codes = cat.element_codes_by_pk
    coc_codes = {pk: code for code, pk in cat.option_combos.items()}
    outliers = {
        cat.elements[r.element].pk for r in cat.rules if r.kind == "outlier" and r.element in cat.elements
    }
    raw = value_history(element_ids=outliers, unit_ids=[unit_id], before=period) if outliers else {}
    history = {(codes[e], coc_codes[c]): v for (e, _u, c), v in raw.items() if c in coc_codes}
    return evaluate(
        values=state.values,
        specs=cat.specs,
        rules=cat.rules,
        history=history,
        labels=cat.labels,
        changed=None,
        for_submission=True,
    )
