"""Shared fixtures: the reference data and seed plan loaded once per test database, personas,
and Playwright pointed at Debian's Chromium (no browser download)."""

from __future__ import annotations

import os
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + page + ORM in one test

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _fresh_definition_memos() -> None:
    """Memoised definitions (core/recent.py, analytics' prepared signatures) belong to one test's
    database: row ids are reused after each rollback, so a memo kept across tests could lie."""
    from kehoach.analytics import selectors
    from kehoach.core.recent import clear_all

    clear_all()
    selectors._RECENT.clear()


def _load_reference_data() -> None:
    from kehoach.core.bootstrap import initialise

    initialise(demo=False, say=lambda s: None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load units, agencies, programmes and the seed plan once; each test rolls back its changes."""
    with django_db_blocker.unblock():
        _load_reference_data()


@pytest.fixture
def seeded_transactional_db(transactional_db: Any) -> None:
    """Transactional tests (browser, live server) start from a flushed database: load the data again."""
    _load_reference_data()


@pytest.fixture
def seed_plan(db: Any) -> Any:
    from kehoach.plans.models import Plan

    return Plan.objects.get(code="MUONGTE-CTDT-2021-2030")


@pytest.fixture
def personas(db: Any, seed_plan: Any) -> Any:
    from kehoach.agencies.models import Agency
    from kehoach.orgunits.models import OrgUnit
    from kehoach.testing.personas import make_personas

    province = OrgUnit.objects.filter(child_links__unit=seed_plan.admin_unit).get()
    other = (
        OrgUnit.objects.filter(level__code="district", parent_links__parent=province)
        .exclude(pk=seed_plan.admin_unit_id)
        .order_by("key")
        .first()
    )
    lead = Agency.objects.filter(led_tasks__plan=seed_plan, kind="sector").distinct().order_by("code").first()
    return make_personas(district=seed_plan.admin_unit, other_district=other, lead_agency=lead)


def _flushes_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run transactional tests last: they flush the database, and the seed data loaded once per
    session must stay for every test that reaches the database through a fixture only."""
    items.sort(key=_flushes_database)


@pytest.fixture
def approve(personas: Any) -> Any:
    """The plan owner approves a submitted form (the level above), through the service."""
    from kehoach.audit.choices import Channel
    from kehoach.datavalues.services import approve_submission

    def decide(submission: Any) -> Any:
        return approve_submission(actor=personas.owner, submission=submission, channel=Channel.WEB)

    return decide
