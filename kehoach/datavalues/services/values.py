"""save_data_values: the one service under every entry path (web form, Excel, API, demo).

All-or-nothing: every row is checked (scope, codes, type, period, round, lock, duplicates, version,
rules) before anything is written; if any row is refused nothing is written and the summary says
why, row by row. A dry run does the same checks and writes nothing. Each change of a value gets a
history row, and the whole save one audit event, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kehoach.audit.choices import Channel
from kehoach.datavalues import rows as r
from kehoach.datavalues.catalogue import DataSetCatalogue, data_set_catalogue
from kehoach.datavalues.choices import RowOutcome
from kehoach.datavalues.models import Submission
from kehoach.datavalues.selectors import StoredValue, stored_values, value_history
from kehoach.datavalues.services.resolve import Resolved, lock_problem, resolve_rows
from kehoach.datavalues.services.write import Change, write_changes
from kehoach.datavalues.validation import Issue, Key, evaluate
from kehoach.indicators.models import DataSet

Group = tuple[int, str]  # (unit id, period code)


class SystemActor:
    """The system itself (demo data, benchmarks, command line): reaches every unit."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    role = "admin"
    agency_id = None
    pk = None

    def __str__(self) -> str:
        return "hệ thống"


SYSTEM = SystemActor()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a save (or an import) builds its rows.

    A 50.000-value import allocates some 300.000 container objects (cells, rows, results, keys)
    that all stay alive until it ends, and CPython's collector walks every live one on each
    full pass: a third of the import's time went to passes that free nothing, since none of these
    objects form cycles (reference counting frees them). The pause is bounded by the import's own
    size limits, and the collector's state before is restored (a nested pause leaves it off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@collector_paused()
@transaction.atomic
def save_data_values(
    *,
    actor: Any,
    data_set: DataSet,
    rows: Sequence[r.ValueRow],
    channel: Channel,
    dry_run: bool = False,
    reason: str = "",
    today: dt.date | None = None,
    is_demo: bool = False,
    catalogue: DataSetCatalogue | None = None,
) -> r.ImportSummary:
    """Check every row, then write all of them or none. `today` decides which rounds are open; only
    demo data and tests pass it (no HTTP path does)."""
    if len({row.line for row in rows}) != len(rows):
        raise ValueError("rows must have distinct line numbers")
    cat = catalogue or data_set_catalogue(data_set=data_set)
    results = {row.line: r.RowResult(row.line) for row in rows}
    summary = r.ImportSummary(received=len(rows), rows=list(results.values()), dry_run=dry_run)
    resolved = resolve_rows(
        actor=actor, cat=cat, rows=rows, results=results, today=today or timezone.localdate()
    )
    groups = {(x.unit_id, x.key[2]) for x in resolved}
    subs = _locked_submissions(data_set, groups)
    stored = stored_values(
        element_ids=[e.pk for e in cat.elements.values()],
        unit_ids={g[0] for g in groups},
        periods={g[1] for g in groups},
    )
    if subs:  # resolved rows have no problem yet: only a lock can reject one here
        for x in resolved:
            sub = subs.get((x.unit_id, x.key[2]))
            problem = lock_problem(sub.status, data_set.name, x.period) if sub else None
            # A row that changes nothing passes (an "every unit" workbook re-sends the rows of
            # units already submitted); one that would change a locked value is refused.
            if problem and not _same(x.row, stored.get(x.key)):
                x.result.problems.append(r.Problem(r.PERIOD, problem))
        resolved = [x for x in resolved if not x.result.rejected]
    changes = _outcomes(resolved, stored, summary)
    _apply_rules(cat, resolved, stored, changes)
    for res in summary.rows:
        if res.problems and res.rejected:
            res.outcome = RowOutcome.REJECTED
    if dry_run or not summary.ok:
        return summary
    changed = [c for c in changes.values() if c.item.result.outcome != RowOutcome.UNCHANGED]
    if not changed:  # re-sending the same data writes nothing, not even an audit event
        summary.committed = True
        return summary
    write_changes(
        actor=actor,
        data_set=data_set,
        changes=changed,
        groups=groups - set(subs),
        channel=channel,
        reason=reason,
        counts=summary.counts,
        is_demo=is_demo,
    )
    summary.committed = True
    return summary


def _locked_submissions(data_set: DataSet, groups: set[Group]) -> dict[Group, Submission]:
    """Submission rows of the groups, locked until the end of the transaction so an approval
    cannot slip in between this check and the write (PostgreSQL; SQLite serialises writers)."""
    if not groups:
        return {}
    qs = Submission.objects.select_for_update().filter(
        data_set=data_set, unit_id__in={g[0] for g in groups}, period__in={g[1] for g in groups}
    )
    return {(s.unit_id, s.period): s for s in qs if (s.unit_id, s.period) in groups}


def _same(row: r.ValueRow, cur: StoredValue | None) -> bool:
    """Would saving `row` leave the stored value (and its comment) as it is?"""
    live = cur is not None and not cur[4]
    if row.value is None:
        return not live
    return live and cur is not None and row.value == cur[1] and row.comment in (None, cur[2])


def _outcomes(
    resolved: list[Resolved], stored: dict[tuple[int, int, str, int], StoredValue], summary: r.ImportSummary
) -> dict[int, Change]:
    changes: dict[int, Change] = {}
    for x in resolved:
        cur = stored.get(x.key)
        live = cur is not None and not cur[4]
        expected = cur[3] if cur else 0
        # A stale version is a conflict only if the row would change something: the same form
        # sent twice (back button, double click, the same file again) is simply unchanged.
        if x.row.version is not None and x.row.version != expected and not _same(x.row, cur):
            now = (
                f"nay là {cur[1].normalize():f}"
                if live and cur
                else "nay đã bị xóa"
                if cur
                else "nay chưa có"
            )
            x.result.problems.append(
                r.Problem(
                    r.VALUE,
                    f"Giá trị này đã được người khác sửa ({now}) sau khi bạn mở biểu: hãy xem số mới rồi lưu lại.",
                )
            )
            summary.conflict = True
            continue
        old_comment = cur[2] if cur else ""
        comment = x.row.comment if x.row.comment is not None else old_comment
        x.result.old_value = cur[1] if live and cur else None
        x.result.new_value = x.row.value
        if x.row.value is None:
            outcome = RowOutcome.UPDATED if live else RowOutcome.UNCHANGED
            x.result.deleted = live
        elif not live:
            outcome = RowOutcome.CREATED
        elif cur is not None and x.row.value == cur[1] and comment == cur[2]:
            outcome = RowOutcome.UNCHANGED
        else:
            outcome = RowOutcome.UPDATED
        x.result.outcome = outcome
        changes[x.row.line] = Change(x, cur, comment)
    return changes


def _apply_rules(
    cat: DataSetCatalogue,
    resolved: list[Resolved],
    stored: dict[tuple[int, int, str, int], StoredValue],
    changes: dict[int, Change],
) -> None:
    """Run the rule engine per unit × period over the values as they would be after the save."""
    codes = cat.element_codes_by_pk
    coc_codes = {pk: code for code, pk in cat.option_combos.items()}
    by_group: dict[Group, list[Change]] = defaultdict(list)
    for ch in changes.values():
        by_group[(ch.item.unit_id, ch.item.key[2])].append(ch)
    before: dict[Group, list[tuple[Key, Decimal, str]]] = defaultdict(list)
    for (e, u, p, c), (_pk, value, comment, _v, deleted) in stored.items():
        if not deleted and e in codes and c in coc_codes:
            before[(u, p)].append(((codes[e], coc_codes[c]), value, comment))
    history = _history(cat, by_group, codes, coc_codes)
    for (unit_id, period), group in by_group.items():
        values: dict[Key, Decimal] = {key: value for key, value, _c in before.get((unit_id, period), ())}
        comments: dict[Key, str] = {key: comment for key, _v, comment in before.get((unit_id, period), ())}
        by_key: dict[Key, Change] = {}
        for ch in group:
            key = (codes[ch.item.element_id], coc_codes[ch.item.option_combo_id])
            by_key[key] = ch
            comments[key] = ch.comment
            if ch.item.row.value is None:
                values.pop(key, None)
            else:
                values[key] = ch.item.row.value
        changed = {k for k, ch in by_key.items() if ch.item.result.outcome != RowOutcome.UNCHANGED}
        issues = evaluate(
            values=values,
            specs=cat.specs,
            rules=cat.rules,
            history=history.get((unit_id, period), {}),
            labels=cat.labels,
            changed=changed,
        )
        for issue in issues:
            _attach(issue, by_key, changed, comments)


def _history(
    cat: DataSetCatalogue,
    by_group: dict[Group, list[Change]],
    codes: dict[int, str],
    coc_codes: dict[int, str],
) -> dict[Group, dict[Key, list[Decimal]]]:
    """Earlier values of the elements with an outlier rule, for every group: one query per period."""
    elements = {
        cat.elements[r.element].pk for r in cat.rules if r.kind == "outlier" and r.element in cat.elements
    }
    out: dict[Group, dict[Key, list[Decimal]]] = defaultdict(dict)
    if not elements:
        return out
    periods = {group[0].item.period for group in by_group.values()}
    for period in periods:
        units = [u for (u, p) in by_group if p == period.code]
        raw = value_history(element_ids=elements, unit_ids=units, before=period)
        for (e, u, c), past in raw.items():
            if e in codes and c in coc_codes:
                out[(u, period.code)][(codes[e], coc_codes[c])] = past
    return out


def _attach(issue: Issue, by_key: dict[Key, Change], changed: set[Key], comments: dict[Key, str]) -> None:
    """Report the issue on the changed rows it involves; a warning passes when explained."""
    targets = [by_key[k] for k in issue.involves & changed if k in by_key]
    explained = issue.severity == "warning" and bool(comments.get(issue.key, "").strip())
    if issue.severity == "warning" and not explained:
        text = f"Cảnh báo: {issue.message} Cần ghi chú giải thích để lưu giá trị này."
        problem = r.Problem(r.COMMENT, text)
    else:
        problem = r.Problem(r.VALUE, issue.message, severity=issue.severity)
    for ch in targets:
        ch.item.result.problems.append(problem)
