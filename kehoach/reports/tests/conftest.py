"""Fixtures of the reports tests: a report issued by the plan owner on the seed plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kehoach.audit.choices import Channel


@pytest.fixture
def draft(seed_plan: Any, personas: Any) -> Any:
    from kehoach.reports.services import create_report

    return create_report(
        actor=personas.owner,
        plan=seed_plan,
        kind="annual",
        year=2024,
        as_of=dt.date(2024, 12, 14),
        channel=Channel.WEB,
    )


@pytest.fixture
def demo(seed_plan: Any) -> Any:
    """The demo district's data (values, task progress, money), as `kehoach init --demo` adds it."""
    from kehoach.assignments.demo import create_demo_progress
    from kehoach.budget.demo import create_demo_budget
    from kehoach.datavalues.demo import create_demo_data
    from kehoach.orgunits.demo import create_demo_villages

    create_demo_villages(district=seed_plan.admin_unit)
    create_demo_data(plan=seed_plan, say=lambda s: None)
    create_demo_progress(plan=seed_plan, say=lambda s: None)
    create_demo_budget(plan=seed_plan)
    return seed_plan
