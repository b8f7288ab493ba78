"""Fixtures of the task-tracking tests: a fixed "today", evidence stored under a temporary folder,
and officers of other agencies (agency vs agency, successor bodies)."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.accounts.choices import Role
from kehoach.testing.personas import PASSWORD

# After the district bodies ceased (30/6/2025): reassignment to successors is possible.
TODAY = dt.date(2025, 9, 1)


@pytest.fixture(autouse=True)
def evidence_root(settings, tmp_path):
    """Uploaded files go to a per-test folder, never into the working tree."""
    settings.KEHOACH_MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def task(seed_plan):
    def get(code: str):
        return seed_plan.tasks.select_related("plan", "lead").get(code=code)

    return get


def _officer(username: str, agency_code: str, units):
    from kehoach.accounts.services import save_user
    from kehoach.agencies.models import Agency

    return save_user(
        username=username,
        role=Role.AGENCY_OFFICER,
        password=PASSWORD,
        actor=None,
        units=units,
        agency=Agency.objects.get(code=agency_code),
    )


@pytest.fixture
def health_officer(seed_plan):
    """Officer of the district health office (MT-YT), a different agency from personas.agency."""
    return _officer("p-yte", "MT-YT", [seed_plan.admin_unit])


@pytest.fixture
def successor_officer(seed_plan):
    """Officer of a 2025 commune's culture-society office, successor of several district offices;
    its units are the new commune only (it sees the old district plan through the reorganisation)."""
    from kehoach.agencies.models import Agency

    agency = Agency.objects.get(code="LC-UBND-X-2025-3433-VHXH")
    return _officer("p-vhxh", agency.code, [agency.admin_unit])
