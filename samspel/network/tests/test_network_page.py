import datetime as dt

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from samspel.audit.models import Action, AuditEvent
from samspel.network.models import CaseActor, Consent, ExternalOrganisation


def _short(day):
    return date_format(day, "SHORT_DATE_FORMAT")


def _url(case):
    return reverse("network:page", kwargs={"case_id": case.public_id})


def test_lists_actors_with_role_contact_and_consent_state(client, personas, case, consent):
    withdrawn_actor = CaseActor.objects.create(
        case=case,
        external_organisation=ExternalOrganisation.objects.create(
            organisation=case.organisation, kind="psychiatry", name="BUP Linköping"
        ),
        role="Treating psychiatrist",
        added_by=personas["worker"],
    )
    Consent.objects.create(
        case_actor=withdrawn_actor,
        given_by=consent.given_by,
        scope="Diagnosis",
        given_on=dt.date(2026, 1, 5),
        withdrawn_on=dt.date(2026, 2, 20),
        recorded_by=personas["worker"],
    )
    CaseActor.objects.create(
        case=case,
        external_organisation=ExternalOrganisation.objects.create(
            organisation=case.organisation, kind="day_care", name="Förskolan Lärkan"
        ),
        role="Pedagogue",
        added_by=personas["worker"],
    )
    client.force_login(personas["buddy"])
    page = client.get(_url(case)).content.decode()
    assert "Solbackaskolan" in page and "Anna Lind" in page and "Class teacher" in page
    assert "consent-valid" in page and f"Given by Lena Berg on {_short(consent.given_on)}" in page
    assert "consent-withdrawn" in page and f"withdrawn on {_short(dt.date(2026, 2, 20))}" in page
    assert "consent-none" in page
    assert "Information may not be shared with 2 actors" in page


def test_writers_get_the_forms_and_readers_do_not(client, personas, case, consent, reader):
    client.force_login(personas["worker"])
    page = client.get(_url(case)).content.decode()
    for form in ("actor_add", "consent_record", "consent_withdraw"):
        assert reverse(f"network:{form}", kwargs={"case_id": case.public_id}) in page
    # The date inputs start at today, in the ISO format a date input understands.
    assert 'name="consent-given_on" value="2026-03-10"' in page
    client.force_login(reader)
    response = client.get(_url(case))
    assert response.status_code == 200
    assert "Solbackaskolan" in response.content.decode()
    assert "<form" not in response.content.decode().split('id="network-heading"')[1]


def test_the_case_navigation_links_to_the_network(client, personas, case):
    client.force_login(personas["worker"])
    page = client.get(reverse("cases:detail", args=[case.public_id])).content.decode()
    assert _url(case) in page


def test_wrong_method(client, personas, case):
    client.force_login(personas["worker"])
    assert client.post(_url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_outsiders_get_404(client, personas, case, actor, persona):
    client.force_login(personas[persona])
    assert client.get(_url(case)).status_code == 404


def test_login_required(client, case):
    assert client.get(_url(case)).status_code == 302


def test_one_view_event_per_read(client, personas, case, consent):
    client.force_login(personas["worker"])
    client.get(_url(case))
    events = AuditEvent.objects.filter(object_id=str(case.public_id))
    assert list(events.values_list("action", flat=True)) == [Action.VIEW]


def test_query_count_does_not_grow_with_actors(
    client, personas, case, consent, django_assert_max_num_queries
):
    for number in range(8):
        school = ExternalOrganisation.objects.create(
            organisation=case.organisation, kind="school", name=f"Skola {number}"
        )
        actor = CaseActor.objects.create(
            case=case, external_organisation=school, role="Teacher", added_by=personas["worker"]
        )
        Consent.objects.create(
            case_actor=actor,
            given_by=consent.given_by,
            scope="All",
            given_on=dt.date(2026, 3, 1),
            recorded_by=personas["worker"],
        )
    client.force_login(personas["worker"])
    with django_assert_max_num_queries(30):
        assert client.get(_url(case)).status_code == 200
