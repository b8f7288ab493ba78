"""What a money record is made of, and the rules it must follow before it is saved.

Shared by the forms, the API, the Excel import and the demo data, so all of them apply the same rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from kehoach.agencies.models import Agency
from kehoach.budget.choices import Kind, Source
from kehoach.budget.models import Allocation, Disbursement, ProgrammeComponent, allocation_key
from kehoach.core.text import nfc
from kehoach.orgunits.models import OrgUnit, UnitLineage
from kehoach.orgunits.selectors import org_tree
from kehoach.plans.models import Plan, Programme


@dataclass(frozen=True)
class AllocationInput:
    programme: Programme
    source: str
    kind: str
    year: int
    amount_million_vnd: Decimal
    component: ProgrammeComponent | None = None
    commune: OrgUnit | None = None
    agency: Agency | None = None
    decision_number: str = ""
    decision_date: dt.date | None = None
    carried_from_year: int | None = None
    note: str = ""
    is_demo: bool = False


@dataclass(frozen=True)
class DisbursementInput:
    date: dt.date
    amount_million_vnd: Decimal
    reference: str
    note: str = ""
    is_demo: bool = False


def readable(value: Any) -> Any:
    """Audit values people can read back: codes for references, exact strings for money."""
    if isinstance(value, OrgUnit):
        return value.key
    if isinstance(value, Programme | ProgrammeComponent | Agency):
        return value.code
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"  # "250.5" whether the value came from a form or the database
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def snapshot(obj: Allocation | Disbursement) -> dict[str, Any]:
    names = (
        AllocationInput.__dataclass_fields__
        if isinstance(obj, Allocation)
        else DisbursementInput.__dataclass_fields__
    )
    return {name: readable(getattr(obj, name)) for name in names}


def changes_between(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [old.get(k), new.get(k)] for k in new if old.get(k) != new.get(k)}


def in_plan_area(plan: Plan, unit: OrgUnit) -> bool:
    """A commune below the plan's unit, or one formed from such a commune in a reorganisation."""
    below = org_tree().descendants({plan.admin_unit_id}) if plan.admin_unit_id else set()
    if unit.pk in below:
        return True
    return UnitLineage.objects.filter(successor=unit, predecessor__in=below).exists()


def allocation_problems(*, plan: Plan, data: AllocationInput) -> list[str]:
    """Everything wrong with an allocation, in Vietnamese (empty when it may be saved)."""
    out = []
    if data.amount_million_vnd < 0:
        out.append("Số tiền giao vốn không được âm.")
    if data.amount_million_vnd.as_tuple().exponent < -3:  # type: ignore[operator]
        out.append("Số tiền chỉ ghi tối đa 3 chữ số thập phân (triệu đồng).")
    if data.source not in Source.values:
        out.append("Nguồn vốn không hợp lệ.")
    if data.kind not in Kind.values:
        out.append("Loại vốn phải là vốn đầu tư hoặc vốn sự nghiệp.")
    start, end = (
        data.programme.period_start or plan.period_start,
        data.programme.period_end or plan.period_end,
    )
    if not start <= data.year <= end:
        out.append(f"Năm {data.year} nằm ngoài thời gian của chương trình ({start} - {end}).")
    if data.component is not None and data.component.programme_id != data.programme.pk:
        out.append(f"Dự án “{data.component.code}” không thuộc chương trình {data.programme.code}.")
    if data.commune is not None:
        if data.commune.level.code != "commune":
            out.append(f"“{data.commune}” không phải là đơn vị cấp xã.")
        elif not in_plan_area(plan, data.commune):
            out.append(f"“{data.commune}” không thuộc địa bàn của kế hoạch.")
        elif data.commune.valid_to is not None and data.year > data.commune.valid_to.year:
            out.append(
                f"“{data.commune}” chỉ tồn tại đến ngày {data.commune.valid_to:%d/%m/%Y}: vốn năm "
                f"{data.year} giao cho xã mới hình thành từ xã này."
            )
    if data.carried_from_year is not None and data.carried_from_year >= data.year:
        out.append("Năm chuyển nguồn phải trước năm giao vốn.")
    if data.decision_date is not None and data.decision_date.year > data.year:
        out.append(f"Ngày quyết định {data.decision_date:%d/%m/%Y} sau năm giao vốn {data.year}.")
    return out


def disbursement_problems(*, data: DisbursementInput) -> list[str]:
    out = []
    if data.amount_million_vnd <= 0:
        out.append("Số tiền giải ngân phải lớn hơn 0.")
    if data.amount_million_vnd.as_tuple().exponent < -3:  # type: ignore[operator]
        out.append("Số tiền chỉ ghi tối đa 3 chữ số thập phân (triệu đồng).")
    if not data.reference.strip():
        out.append("Cần ghi số chứng từ của khoản giải ngân.")
    return out


def key_of(data: AllocationInput) -> str:
    return allocation_key(
        programme_id=data.programme.pk,
        component_id=data.component.pk if data.component else None,
        source=data.source,
        kind=data.kind,
        year=data.year,
        commune_id=data.commune.pk if data.commune else None,
        agency_id=data.agency.pk if data.agency else None,
        decision_number=nfc(data.decision_number).strip(),
        carried_from_year=data.carried_from_year,
    )


def clean_values(data: AllocationInput) -> dict[str, Any]:
    values = asdict(data)
    values.update(
        programme=data.programme,
        component=data.component,
        commune=data.commune,
        agency=data.agency,
        decision_number=nfc(data.decision_number).strip(),
        note=nfc(data.note).strip(),
    )
    return values
