"""Excel download and upload for a form: the template pre-filled for what the user may enter, and
an import through save_data_values (channel "import"), dry run first, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kehoach.accounts import scope
from kehoach.audit.choices import Channel
from kehoach.core.exceptions import ValidationFailed
from kehoach.datavalues import rows as r
from kehoach.datavalues.catalogue import data_set_catalogue
from kehoach.datavalues.excel.layout import where
from kehoach.datavalues.excel.reader import read_upload
from kehoach.datavalues.excel.template import TemplateRow, build_template
from kehoach.datavalues.selectors import expected_units, stored_values
from kehoach.datavalues.services import collector_paused, save_data_values
from kehoach.indicators.models import DataSet
from kehoach.indicators.periods import Period
from kehoach.orgunits.models import OrgUnit
from kehoach.orgunits.selectors import org_tree
from kehoach.spreadsheets.errors import FileRejected


@dataclass
class ExcelImport:
    summary: r.ImportSummary
    messages: list[tuple[int, str, str]]  # (line, severity, located Vietnamese message)
    warnings: list[str]


def template_units(*, user: Any, data_set: DataSet, unit: OrgUnit, period: Period) -> list[OrgUnit]:
    """The unit itself when it reports the form, else the reporting units below it, in scope."""
    units = list(expected_units(data_set=data_set, period=period))
    if unit.level_id != data_set.level_id:
        below = org_tree().descendants([unit.pk])
        units = [u for u in units if u.pk in below]
    else:
        units = [u for u in units if u.pk == unit.pk]
    return [u for u in units if scope.can_enter_data(user, u.pk)]


def template_for(*, user: Any, data_set: DataSet, unit: OrgUnit, period: Period) -> bytes:
    cat = data_set_catalogue(data_set=data_set)
    elements = [e for e in cat.elements.values() if scope.can_handle_element(user, e.agencies)]
    units = template_units(user=user, data_set=data_set, unit=unit, period=period)
    if not units or not elements:
        raise ValidationFailed("Không có đơn vị hoặc số liệu nào bạn được nhập trong biểu và kỳ này.")
    previous = period.previous().code
    stored = stored_values(
        element_ids=[e.pk for e in elements], unit_ids=[u.pk for u in units], periods=[period.code, previous]
    )
    rows = []
    for u in units:
        for e in elements:
            for coc in e.option_combos:
                cur = stored.get((e.pk, u.pk, period.code, cat.option_combos[coc]))
                prev = stored.get((e.pk, u.pk, previous, cat.option_combos[coc]))
                live = cur is not None and not cur[4]
                rows.append(
                    TemplateRow(
                        unit_key=u.key,
                        unit_name=u.name,
                        period=period.code,
                        element=e.code,
                        element_name=e.name,
                        option_combo=coc,
                        option_combo_name=cat.labels.get(coc, coc),
                        unit_label=e.unit_label,
                        previous=prev[1] if prev and not prev[4] else None,
                        value=cur[1] if live and cur else None,
                        comment=cur[2] if live and cur else "",
                        version=cur[3] if cur else 0,
                        value_type=e.value_type,
                    )
                )
    return build_template(
        data_set=data_set.code, data_set_name=data_set.name, period=period.code, scope_key=unit.key, rows=rows
    )


def import_workbook(
    *, actor: Any, data_set: DataSet, data: bytes, dry_run: bool, reason: str = ""
) -> ExcelImport:
    """Raises ValidationFailed when the file as a whole is refused (nothing read, nothing written)."""
    with collector_paused():  # the rows read stay alive through the save
        try:
            upload = read_upload(data, data_set=data_set.code)
        except FileRejected as exc:
            raise ValidationFailed(exc.message) from exc
        summary = save_data_values(
            actor=actor,
            data_set=data_set,
            rows=upload.rows,
            channel=Channel.IMPORT,
            dry_run=dry_run,
            reason=reason,
        )
    messages = [
        (line, p.severity, p.text if p.text.startswith("Trang ") else f"{where(line, p.field)}: {p.text}")
        for line, p in summary.problems
    ]
    return ExcelImport(summary=summary, messages=messages, warnings=upload.warnings)
