import io

import pytest
from pypdf import PdfReader

from samspel.audit.models import Action, AuditEvent
from samspel.families.models import Person, PersonRole
from samspel.plans.models import SubGoal
from samspel.plans.pdf import ExternalResourceRefused, refuse_fetch
from samspel.plans.tests.helpers import assert_outsiders_get_404, url


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    # Extracted text breaks long lines; join them so phrases can be searched.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def open_person(family):
    return Person.objects.create(
        family=family,
        role=PersonRole.PARENT,
        first_name="Olle",
        last_name="Berg",
        address="Öppna gatan 3",
        phone="070-1234567",
        email="olle@example.org",
    )


def test_the_pdf_holds_the_plan_and_no_contact_details(
    client, personas, case, full_plan, open_person
):
    client.force_login(personas["worker"])
    response = client.get(url("pdf", case, full_plan))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="plan-{case.number}-v{full_plan.version}.pdf"'
    )
    text = pdf_text(response)
    assert full_plan.title in text
    assert "Elsa har en trygg och stabil vardag" in text  # the long-term goal
    assert SubGoal.objects.filter(goal__plan=full_plan).first().what in text
    assert "BUP Linköping" in text
    assert "Olle Berg" in text  # names and roles are printed …
    assert "Lena Berg" not in text and "LB" in text  # … a protected person by initials
    assert "Skyddade vägen" not in text  # … and the protected address never
    for detail in ["Öppna gatan", "070-1234567", "olle@example.org"]:
        assert detail not in text  # nor anyone's contact details


def test_not_even_a_user_authorised_for_the_protected_details_gets_them(
    client, personas, case, full_plan
):
    protected = case.family.persons.get(protected_identity=True)
    protected.authorised_users.add(personas["worker"])
    client.force_login(personas["worker"])
    assert "Skyddade vägen" not in pdf_text(client.get(url("pdf", case, full_plan)))


@pytest.mark.parametrize(("language", "month"), [("en", "March"), ("sv", "mars"), ("da", "marts")])
def test_the_pdf_is_in_the_readers_language(client, personas, case, plan, language, month):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    client.force_login(worker)
    assert month in pdf_text(client.get(url("pdf", case, plan)))  # starts 1 March 2026


def test_downloading_records_an_export(client, personas, case, plan):
    client.force_login(personas["buddy"])
    client.get(url("pdf", case, plan))
    event = AuditEvent.objects.get(action=Action.EXPORT)
    assert event.object_id == str(plan.public_id)
    assert event.actor_id == personas["buddy"].pk
    assert event.detail["format"] == "pdf"
    assert AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk).count() == 1


def test_read_only_users_may_download_it(client, case, plan, reader):
    client.force_login(reader)
    assert client.get(url("pdf", case, plan)).status_code == 200


def test_the_pdf_loads_nothing_from_outside():
    with pytest.raises(ExternalResourceRefused):
        refuse_fetch("http://example.org/tracker.png")


def test_rejects_post(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.post(url("pdf", case, plan)).status_code == 405


def test_outsiders_get_404_and_nothing_is_exported(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("pdf", case, plan))
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()
