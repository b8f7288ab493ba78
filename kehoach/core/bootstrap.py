"""`kehoach init`: reference data, the embedded seed plan and (with --demo) demo accounts and data.

Idempotent: running it again updates reference data and leaves an existing plan as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kehoach.accounts.demo import DemoAccount, create_demo_accounts
from kehoach.agencies.services import load_agency_data
from kehoach.analytics.services_stored import recompute_results
from kehoach.assignments.demo import create_demo_progress
from kehoach.budget.demo import create_demo_budget
from kehoach.budget.structures import load_default_programme_structures
from kehoach.datavalues.demo import create_demo_data
from kehoach.indicators.services import load_default_catalogue
from kehoach.orgunits.demo import create_demo_villages
from kehoach.orgunits.services import DATA_DIR as UNIT_DATA
from kehoach.orgunits.services import load_unit_data, read_unit_file
from kehoach.plans.models import Plan
from kehoach.plans.services import (
    DATA_DIR as PLAN_DATA,
)
from kehoach.plans.services import (
    SEED_PLAN,
    load_plan_document,
    load_programmes,
    read_data_file,
)
from kehoach.portal.demo import create_demo_feedback

AGENCY_DATA = Path(__file__).resolve().parent.parent / "agencies" / "data"


def initialise(*, demo: bool, say: Callable[[str], None]) -> list[DemoAccount]:
    for path in sorted(UNIT_DATA.glob("*.json")):
        n = load_unit_data(data=read_unit_file(path))
        say(f"Đơn vị hành chính: {n} đơn vị từ {path.name}")
    for path in sorted(AGENCY_DATA.glob("*.yaml")):
        n = load_agency_data(data=read_data_file(path))
        say(f"Cơ quan: {n} cơ quan từ {path.name}")
    load_programmes(data=read_data_file(PLAN_DATA / "programmes.yaml"))
    load_default_programme_structures()
    doc = read_data_file(SEED_PLAN)
    plan = Plan.objects.filter(code=doc["plan"]["code"]).first()
    if plan is None:
        plan = load_plan_document(doc=doc, source_name=SEED_PLAN.name)
        say(
            f"Đã nạp kế hoạch {plan.code}: {plan.targets.count()} chỉ tiêu, {plan.tasks.count()} nhiệm vụ, "
            f"{plan.budget_lines.count()} dòng nguồn lực."
        )
    else:
        say(f"Kế hoạch {plan.code} đã có, giữ nguyên.")
    load_default_catalogue(say=say)
    if not demo:
        return []

    if plan.admin_unit is not None:
        n = create_demo_villages(district=plan.admin_unit)
        say(f"Dữ liệu minh họa: thêm {n} bản minh họa.")
    create_demo_data(plan=plan, say=say)
    create_demo_progress(plan=plan, say=say)
    say(f"Dữ liệu minh họa: thêm {create_demo_budget(plan=plan)} dòng giao vốn (kèm giải ngân).")
    recompute_results(say=say)  # the stored figures, built once the demo values are approved
    say(f"Dữ liệu minh họa: thêm {create_demo_feedback(plan)} ý kiến người dân (cổng công khai).")
    return create_demo_accounts(plan=plan)
