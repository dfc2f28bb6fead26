"""A person's register extract (GDPR art. 15): everything about them as JSON and PDF, other
people's protected details left out, for the people who may change one of the family's cases,
every extract audited."""

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from samspel.audit.models import Action, AuditEvent
from samspel.cases.tests.url_objects import FACTORIES
from samspel.families.models import PersonRole


def _url(name, family, person):
    return reverse(
        f"privacy:{name}", kwargs={"family_id": family.public_id, "person_id": person.public_id}
    )


@pytest.fixture
def subject(case):
    """A child of the case; its parent has a protected identity with an address and phone."""
    child = case.family.persons.filter(role=PersonRole.CHILD).first()
    parent = case.family.persons.filter(protected_identity=True).first()
    parent.address, parent.phone = "Hemliga gatan 1", "+46701234567"
    parent.save()
    FACTORIES["plan_id"](case, "plans")  # a plan with goals: records two levels deep
    return child


def test_the_extract_holds_the_person_their_household_and_their_cases(
    client, personas, case, subject
):
    client.force_login(personas["worker"])
    client.get(reverse("cases:detail", args=[case.public_id]))  # a read, listed as a recipient
    response = client.get(_url("extract_json", case.family, subject))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    assert "attachment" in response["Content-Disposition"]
    extract = json.loads(response.content)
    assert extract["person"]["first name"] == subject.first_name
    [listed] = extract["cases"]
    assert listed["number"] == case.number
    kinds = {section["kind"] for section in listed["records"]}
    assert "Plans" in kinds
    plan = next(s for s in listed["records"] if s["kind"] == "Plans")["items"][0]
    assert plan["records"], "a plan's goals are in the extract too"
    assert any(read["who"].startswith("Worker Testsson") for read in listed["reads"])


def test_other_peoples_protected_details_are_left_out(client, personas, case, subject):
    client.force_login(personas["worker"])
    text = client.get(_url("extract_json", case.family, subject)).content.decode()
    assert "Hemliga gatan" not in text and "+46701234567" not in text
    parent = case.family.persons.get(protected_identity=True)
    assert parent.first_name in text  # named, without the protected details


def test_the_protected_person_gets_their_own_details(client, personas, case, subject):
    parent = case.family.persons.get(protected_identity=True)
    client.force_login(personas["worker"])
    text = client.get(_url("extract_json", case.family, parent)).content.decode()
    assert "Hemliga gatan" in text


def test_secrets_are_never_in_the_extract(client, personas, case, subject):
    client.force_login(personas["worker"])
    text = client.get(_url("extract_json", case.family, subject)).content.decode().lower()
    assert "token" not in text and "password" not in text


def test_the_pdf_shows_the_same(client, personas, case, subject):
    client.force_login(personas["worker"])
    response = client.get(_url("extract_pdf", case.family, subject))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert subject.first_name in text and case.number in text
    assert "Hemliga gatan" not in text


def test_every_extract_is_audited(client, personas, case, subject):
    client.force_login(personas["worker"])
    client.get(_url("extract_json", case.family, subject))
    event = AuditEvent.objects.get(action=Action.EXPORT, object_type="families.person")
    assert event.object_id == str(subject.public_id)
    assert event.detail["format"] == "json"
    assert event.case_links.filter(case_number=case.number).exists()


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_outsiders_get_404(client, personas, case, subject, persona):
    client.force_login(personas[persona])
    for name in ("extract_json", "extract_pdf"):
        assert client.get(_url(name, case.family, subject)).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_a_reader_gets_403(client, case, reader, subject):
    client.force_login(reader)
    assert client.get(_url("extract_json", case.family, subject)).status_code == 403
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_a_person_of_another_family_is_not_found(
    client, personas, case, subject, other_organisation
):
    from samspel.families.models import Family, Person

    other = Family.objects.create(organisation=case.organisation, name="Other")
    stranger = Person.objects.create(
        family=other, role=PersonRole.CHILD, first_name="A", last_name="B"
    )
    client.force_login(personas["worker"])
    assert client.get(_url("extract_json", case.family, stranger)).status_code == 404


def test_the_person_page_offers_the_extract(client, personas, case, subject):
    client.force_login(personas["worker"])
    page = client.get(
        reverse("families:person_edit", args=[case.family.public_id, subject.public_id])
    ).content.decode()
    assert _url("extract_pdf", case.family, subject) in page
    assert _url("extract_json", case.family, subject) in page
