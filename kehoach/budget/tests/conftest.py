"""Budget fixtures: an allocation in the commune officer's commune, and a helper to build inputs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kehoach.audit.choices import Channel
from kehoach.budget.inputs import AllocationInput
from kehoach.budget.services import create_allocation
from kehoach.plans.models import Programme


def make_input(**kw: Any) -> AllocationInput:
    values: dict[str, Any] = {
        "programme": Programme.objects.get(code="CTMTQG-DTTS"),
        "source": "central",
        "kind": "investment",
        "year": 2023,
        "amount_million_vnd": Decimal("1000"),
        "decision_number": "12/QĐ-UBND",
    }
    return AllocationInput(**(values | kw))


@pytest.fixture
def commune(personas):
    """The commune of the commune-officer persona (inside the plan's district)."""
    return personas.commune.units.get()


@pytest.fixture
def other_commune(seed_plan, commune):
    from kehoach.budget.selectors import plan_communes

    return plan_communes(plan=seed_plan).filter(valid_to__isnull=False).exclude(pk=commune.pk).first()


@pytest.fixture
def allocation(personas, seed_plan, commune):
    return create_allocation(
        actor=personas.finance, plan=seed_plan, data=make_input(commune=commune), channel=Channel.WEB
    )
