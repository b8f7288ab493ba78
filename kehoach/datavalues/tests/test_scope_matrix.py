"""Every role against every data endpoint, in and out of scope (reliability.md A1/A2).

A commune officer reads and writes only its commune (and villages); an agency officer only the data
elements of indicators its agency answers for; the plan owner everything in the district; viewers
and finance read only; outsiders see nothing (404, never 403, so existence does not leak).
"""

import json

import pytest
from django.test import Client
from django.urls import reverse

from kehoach.audit.choices import Channel
from kehoach.datavalues.models import DataValue, Submission
from kehoach.datavalues.services import SYSTEM, save_data_values
from kehoach.datavalues.tests.helpers import COMMUNE, PERIOD, row

pytestmark = pytest.mark.django_db
PERSONAS = ["admin", "owner", "finance", "agency", "commune", "viewer", "outsider_owner", "outsider_commune"]
READERS = {"admin", "owner", "finance", "agency", "commune", "viewer"}
WRITERS = {"admin", "owner", "commune"}  # of DS_TONG (an MT-PDT indicator's element)
AGENCY_ELEMENT = "TRE5_TONG"  # education: the agency persona's (MT-GDDT) own indicator
APPROVERS = {"admin", "owner"}


def client(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def stored(xa, opened):
    save_data_values(actor=SYSTEM, data_set=xa, rows=[row(1, "DS_TONG", 100)], channel=Channel.CLI)
    return DataValue.objects.get(element__code="DS_TONG")


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_read_of_a_commune_follows_scope(personas, stored, persona):
    response = client(getattr(personas, persona)).get(
        "/api/v1/dataValueSets", {"dataSet": "XA-NAM", "period": PERIOD, "orgUnit": COMMUNE}
    )
    assert response.status_code == (200 if persona in READERS else 404)
    if persona == "agency":  # reads only its own agency's elements
        assert response.json()["dataValues"] == []


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("element", ["DS_TONG", AGENCY_ELEMENT])
def test_api_write_of_a_commune_follows_role_scope_and_agency(personas, opened, persona, element):
    body = {
        "dataSet": "XA-NAM",
        "period": PERIOD,
        "orgUnit": COMMUNE,
        "dataValues": [{"dataElement": element, "value": "7"}],
    }
    response = client(getattr(personas, persona)).post(
        "/api/v1/dataValueSets", json.dumps(body), content_type="application/json"
    )
    allowed = persona in WRITERS or (persona == "agency" and element == AGENCY_ELEMENT)
    assert response.status_code == (200 if allowed else 409), response.content
    assert DataValue.objects.filter(element__code=element).exists() == allowed


@pytest.mark.parametrize("persona", PERSONAS)
def test_web_entry_form_follows_scope(personas, stored, persona):
    url = reverse("datavalues:entry", args=["XA-NAM", stored.unit_id, PERIOD])
    c = client(getattr(personas, persona))
    assert c.get(url).status_code == (200 if persona in READERS else 404)
    post = c.post(url, {"v:DS_TONG:default": "150", "o:DS_TONG:default": "100", "ver:DS_TONG:default": "1"})
    stored.refresh_from_db()
    if persona in WRITERS:
        assert post.status_code == 302 and stored.value == 150
    elif persona == "agency":  # the element is not in its form at all: nothing is sent
        assert stored.value == 100
    else:
        assert post.status_code in (403, 404) and stored.value == 100


@pytest.mark.parametrize("persona", PERSONAS)
def test_web_approval_follows_scope(personas, stored, persona):
    sub = Submission.objects.get(unit_id=stored.unit_id)
    Submission.objects.filter(pk=sub.pk).update(status="submitted", submitted_by=personas.commune)
    response = client(getattr(personas, persona)).post(
        reverse("datavalues:decide", args=[sub.pk, "approve"]), {}
    )
    sub.refresh_from_db()
    assert response.status_code == (302 if persona in READERS else 404)
    assert (sub.status == "approved") == (persona in APPROVERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_approval_follows_scope(personas, stored, persona):
    sub = Submission.objects.get(unit_id=stored.unit_id)
    Submission.objects.filter(pk=sub.pk).update(status="submitted", submitted_by=personas.commune)
    url = reverse("api:datavalues-submission-decide", args=[sub.pk, "approve"])
    response = client(getattr(personas, persona)).post(url, {})
    expected = 200 if persona in APPROVERS else 403 if persona in READERS else 404
    assert response.status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", ["unit-history", "value-history"])
def test_history_pages_follow_scope(personas, stored, persona, page):
    arg = stored.unit_id if page == "unit-history" else stored.pk
    response = client(getattr(personas, persona)).get(reverse(f"datavalues:{page}", args=[arg]))
    assert response.status_code == (200 if persona in READERS else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_lists_show_only_what_is_in_scope(personas, stored, persona):
    c = client(getattr(personas, persona))
    subs = c.get(reverse("api:datavalues-submission-list")).json()["count"]
    audits = c.get(reverse("api:datavalues-audit-list")).json()["count"]
    assert (subs, audits) == ((1, 1) if persona in READERS else (0, 0))


@pytest.mark.parametrize("persona", PERSONAS)
def test_plan_data_tab_follows_plan_scope(personas, seed_plan, stored, persona):
    response = client(getattr(personas, persona)).get(reverse("datavalues:overview", args=[seed_plan.code]))
    assert response.status_code == (200 if persona in READERS else 404)


@pytest.mark.parametrize(
    "name",
    [
        "/api/v1/dataValueSets",
        "/api/v1/submissions/",
        "/api/v1/completeness/",
        "/api/v1/dataValueAudits/",
        "/api/v1/indicators/",
    ],
)
def test_api_requires_authentication(db, name):
    assert Client().get(name).status_code in (401, 403)


@pytest.mark.parametrize("persona", PERSONAS)
def test_excel_upload_follows_role_and_scope(personas, opened, persona):
    import io

    from kehoach.datavalues.tests.excel_helpers import fill, template

    data = fill(template(), {"DS_TONG": 42})  # the system's template of the commune, filled
    c = client(getattr(personas, persona))
    response = c.post(
        "/api/v1/dataValueSets/excel?dataSet=XA-NAM", {"file": io.BytesIO(data)}, format="multipart"
    )
    allowed = persona in WRITERS
    assert response.status_code == (200 if allowed else 409)
    assert DataValue.objects.filter(element__code="DS_TONG").exists() == allowed


@pytest.mark.parametrize("persona", PERSONAS)
def test_excel_template_download_follows_scope(personas, commune, opened, persona):
    url = reverse("datavalues:excel-template", args=["XA-NAM", commune.pk, PERIOD])
    status = client(getattr(personas, persona)).get(url).status_code
    # Readers who may not enter anything get no template (404): there is nothing for them to fill.
    assert status == (200 if persona in WRITERS | {"agency"} else 404)


def test_officer_of_a_successor_agency_handles_its_predecessors_indicators(db, opened):
    from kehoach.accounts import scope
    from kehoach.accounts.choices import Role
    from kehoach.accounts.services import save_user
    from kehoach.agencies.models import Agency, AgencySuccession
    from kehoach.indicators.models import Indicator

    education = Agency.objects.get(code="MT-GDDT")
    successor = AgencySuccession.objects.filter(predecessor=education).first().successor
    officer = save_user(
        username="nganh-moi",
        role=Role.AGENCY_OFFICER,
        password="x" * 12,
        actor=None,
        units=[],
        agency=successor,
    )
    ids = frozenset(Indicator.objects.filter(code="TL_TRE5_DI_HOC").values_list("agency_id", flat=True))
    assert scope.can_handle_element(officer, ids)
    inherited = scope.user_agency_lineage(officer)
    other = Indicator.objects.exclude(agency_id__in=inherited).first()
    assert other is not None and not scope.can_handle_element(officer, frozenset({other.agency_id}))
