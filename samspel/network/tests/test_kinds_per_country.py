"""The kinds of network organisation follow the organisation's country (ISSUE10 item 7): a
Danish organisation's network page offers PPR, Udbetaling Danmark and the jobcenter and no
Swedish agency, a Swedish one elevhälsa, BUP, Försäkringskassan and Arbetsförmedlingen and no
Danish one, in English and in the country's language; a stored kind of the other country still
reads, by its neutral name; a posted kind of the other country is refused."""

import re

import pytest
from django.urls import reverse

from conftest import make_danish_case
from samspel.network.models import CaseActor, ExternalOrganisation, OrganisationKind

SWEDISH_WORDS = ["Försäkringskassan", "Arbetsförmedlingen", "elevhälsa", "BUP", "familjehem"]
DANISH_WORDS = ["PPR", "Udbetaling Danmark", "Jobcenter", "plejefamilie", "døgninstitution"]


def _words(words) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


@pytest.fixture
def dk_case(personas, other_organisation):
    return make_danish_case(other_organisation, personas["stranger"], legal_basis=["BL §32"])


def _page(client, user, case, language):
    user.language = language
    user.save(update_fields=["language"])
    client.force_login(user)
    return client.get(reverse("network:page", kwargs={"case_id": case.public_id})).text


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_danish_network_page_names_no_swedish_kind(client, personas, dk_case, language):
    page = _page(client, personas["stranger"], dk_case, language)
    assert _words(SWEDISH_WORDS).findall(page) == []
    assert "Udbetaling Danmark" in page and "(PPR)" in page and "plejefamilie" in page.lower()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_swedish_network_page_names_no_danish_kind(client, personas, case, language):
    page = _page(client, personas["worker"], case, language)
    assert _words(DANISH_WORDS).findall(page) == []
    assert "Försäkringskassan" in page and "Arbetsförmedlingen" in page
    assert re.search(r"elevhälsa", page, re.IGNORECASE)


def test_a_stored_kind_of_the_other_country_still_reads(client, personas, case, organisation):
    old = ExternalOrganisation.objects.create(
        organisation=organisation, kind=OrganisationKind.PPR, name="Gamla PPR-kontoret"
    )
    CaseActor.objects.create(
        case=case, external_organisation=old, role="Psykolog", added_by=personas["worker"]
    )
    page = _page(client, personas["worker"], case, "en")
    assert "Educational psychology service" in page
    assert 'value="ppr"' not in page  # read, not offered


def test_a_posted_kind_of_the_other_country_is_refused(client, personas, case):
    client.force_login(personas["worker"])
    url = reverse("network:actor_add", kwargs={"case_id": case.public_id})
    response = client.post(
        url,
        {
            "actor-new_organisation_kind": "ppr",
            "actor-new_organisation_name": "PPR Nord",
            "actor-role": "Psykolog",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not ExternalOrganisation.objects.filter(name="PPR Nord").exists()
