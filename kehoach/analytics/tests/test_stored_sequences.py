"""Random sequences of entry, deletion, submit, approve, return and reopen at two communes and two
years (hypothesis): after every step the stored table equals a fresh computation, cell for cell,
whichever statuses count. Refused steps (a locked form, a second submit) are part of the game."""

from __future__ import annotations

import contextlib

import pytest
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.analytics.services_stored import recompute_results
from kehoach.analytics.tests.conftest import REQUIRED
from kehoach.analytics.tests.test_stored_results import assert_table_is_fresh
from kehoach.audit.choices import Channel
from kehoach.core.exceptions import KehoachError
from kehoach.datavalues.models import Submission
from kehoach.datavalues.services import (
    approve_submission,
    reopen_submission,
    return_submission,
    save_data_values,
    submit_submission,
)
from kehoach.datavalues.tests.helpers import open_round, row
from kehoach.indicators.models import DataSet
from kehoach.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db
PERIODS = ("2023", "2024")
# "cycle" = save, submit and approve in a row: without it, random steps rarely reach approved data.
ACTIONS = ("save", "delete", "submit", "approve", "return", "reopen", "cycle", "cycle")
step = st.tuples(
    st.sampled_from(ACTIONS),
    st.integers(0, 1),  # which commune
    st.sampled_from(PERIODS),
    st.integers(0, 300),  # a value
)


class _Undo(Exception):
    """Raised to roll an example back, so each starts from the seed data."""


def _act(action: str, unit: OrgUnit, period: str, value: int, personas, xa: DataSet) -> None:
    if action == "cycle":
        for each in ("save", "submit", "approve"):
            with contextlib.suppress(KehoachError):
                _act(each, unit, period, value, personas, xa)
        return
    sub = Submission.objects.filter(data_set=xa, unit=unit, period=period).first()
    officer, owner, web = personas.admin, personas.owner, Channel.WEB
    if action in ("save", "delete"):
        rows = [row(i, code, v, unit=unit.key, period=period) for i, (code, v) in enumerate(REQUIRED, 1)]
        rows += [row(10, "DS_DTTS", value or None, unit=unit.key, period=period)]
        rows += [row(11, "TN_DTTS", None if action == "delete" else value * 3, unit=unit.key, period=period)]
        save_data_values(actor=officer, data_set=xa, rows=rows, channel=web)
    elif action == "submit":
        submit_submission(actor=officer, data_set=xa, unit=unit, period=period, channel=web)
    elif sub is not None and action == "approve":
        approve_submission(actor=owner, submission=sub, channel=web)
    elif sub is not None and action == "return":
        return_submission(actor=owner, submission=sub, comment="Sửa lại.", channel=web)
    elif sub is not None and action == "reopen":
        reopen_submission(actor=owner, submission=sub, reason="Kiểm tra lại.", channel=web)


@pytest.mark.parametrize(
    "counted", [("approved",), ("submitted", "approved"), ("draft", "submitted", "approved")]
)
def test_the_table_equals_a_fresh_computation_after_any_sequence(seed_plan, personas, counted):
    xa = DataSet.objects.get(code="XA-NAM")
    for period in PERIODS:
        open_round(xa, period)
    communes = list(
        OrgUnit.objects.filter(parent_links__parent=seed_plan.admin_unit, level__code="commune")
        .distinct()
        .order_by("key")[:2]
    )

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(steps=st.lists(step, min_size=1, max_size=8))
    def run(steps):
        with override_settings(KEHOACH_ANALYTICS_STATUSES=counted):
            try:
                with transaction.atomic():
                    recompute_results()
                    for action, which, period, value in steps:
                        # Refused by the workflow (KehoachError): nothing changed, the table neither.
                        with contextlib.suppress(KehoachError):
                            _act(action, communes[which], period, value, personas, xa)
                        assert_table_is_fresh()
                    raise _Undo
            except _Undo:
                pass

    run()
