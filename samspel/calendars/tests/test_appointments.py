"""Adding, changing and cancelling a family's appointment with another agency: write access,
audit, a raised SEQUENCE, and bad input refused with a message and nothing changed."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import translated
from samspel.activities.models import AppointmentStatus, ExternalAppointment
from samspel.audit.models import Action, AuditEvent
from samspel.calendars.tests.conftest import COPENHAGEN, STOCKHOLM, TODAY, at, make_appointment
from samspel.cases.models import CaseStatus
from samspel.families.models import Family, Person


def add_url(family):
    return reverse("family_calendar:appointment_add", kwargs={"family_id": family.public_id})


def edit_url(appointment):
    kwargs = {"family_id": appointment.family.public_id, "appointment_id": appointment.public_id}
    return reverse("family_calendar:appointment_edit", kwargs=kwargs)


def cancel_url(appointment):
    kwargs = {"family_id": appointment.family.public_id, "appointment_id": appointment.public_id}
    return reverse("family_calendar:appointment_cancel", kwargs=kwargs)


def form_data(**overrides):
    data = {
        "person": "",
        "agency_kind": "psychiatry",
        "agency_name": "BUP Linköping",
        "title": "Läkarbesök",
        "start": "2026-12-01T13:00",
        "end": "2026-12-01T14:00",
        "place_detail": "Mottagning 3",
    }
    data.update(overrides)
    return data


# -- add ----------------------------------------------------------------------------------


def test_add_form_shows(login, personas, case, frozen):
    response = login(personas["worker"]).get(add_url(case.family))
    assert response.status_code == 200
    assert 'type="datetime-local"' in response.content.decode()


def test_add_rejects_put(login, personas, case, frozen):
    assert login(personas["worker"]).put(add_url(case.family)).status_code == 405


def test_add_needs_write_access(login, reader, case, frozen):
    assert login(reader).post(add_url(case.family), form_data()).status_code == 403
    assert not ExternalAppointment.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "auditor", "admin", "stranger"])
def test_add_outsiders_get_404(login, personas, case, role, frozen):
    assert login(personas[role]).post(add_url(case.family), form_data()).status_code == 404


def test_add_saves_in_local_time_and_audits(login, personas, case, child, frozen):
    data = form_data(person=str(child.public_id))
    response = login(personas["worker"]).post(add_url(case.family), data)
    assert response.status_code == 302
    assert response["Location"].endswith("?week=2026-W49")
    appointment = ExternalAppointment.objects.get()
    assert appointment.start == dt.datetime(2026, 12, 1, 13, tzinfo=STOCKHOLM)
    assert appointment.person == child
    assert appointment.created_by == personas["worker"]
    assert appointment.sequence == 0
    event = AuditEvent.objects.get(action=Action.CREATE)
    assert event.object_id == str(appointment.public_id)


def test_danish_family_in_copenhagen_time(login, personas, case, organisation, frozen):
    organisation.jurisdiction = "DK"
    organisation.save()
    login(personas["worker"]).post(add_url(case.family), form_data())
    appointment = ExternalAppointment.objects.get()
    assert appointment.start == dt.datetime(2026, 12, 1, 13, tzinfo=COPENHAGEN)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end": "2026-12-01T12:00"}, "The end must be after the start."),
        ({"end": "2026-12-01T13:00"}, "The end must be after the start."),
        ({"agency_kind": "tax_office"}, "Choose one of the agencies in the list."),
        ({"title": "  "}, "This field is required."),
        ({"start": "tomorrow"}, "Enter a valid date/time."),
        ({"start": "0001-01-01T10:00", "end": "0001-01-01T11:00"}, "within 5 years of today"),
        ({"end": "9999-12-31T23:59"}, "within 5 years of today"),
    ],
)
def test_bad_input_changes_nothing(login, personas, case, frozen, overrides, message):
    response = login(personas["worker"]).post(add_url(case.family), form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ExternalAppointment.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_person_of_another_family_is_refused(login, personas, case, organisation, frozen):
    other = Family.objects.create(organisation=organisation, name="Familjen Ek")
    stranger = Person.objects.create(family=other, role="child", first_name="Ida", last_name="Ek")
    data = form_data(person=str(stranger.public_id))
    response = login(personas["worker"]).post(add_url(case.family), data)
    assert "Choose a person of this family." in response.content.decode()
    assert not ExternalAppointment.objects.exists()


def test_bad_input_is_translated(login, personas, case, frozen):
    client = login(personas["worker"])
    client.cookies["samspel_language"] = "sv"
    personas["worker"].language = "sv"
    personas["worker"].save()
    response = client.post(add_url(case.family), form_data(end="2026-12-01T12:00"))
    assert translated("The end must be after the start.", "sv") in response.content.decode()


def test_closed_cases_refuse_changes(login, personas, case, frozen):
    case.status = CaseStatus.CLOSED
    case.save()
    response = login(personas["worker"]).post(add_url(case.family), form_data())
    assert response.status_code == 302
    assert not ExternalAppointment.objects.exists()


# -- edit ---------------------------------------------------------------------------------


def test_edit_raises_the_sequence_and_audits(login, personas, case, frozen):
    appointment = make_appointment(case.family, at(TODAY, 9))
    data = form_data(start="2026-11-26T10:00", end="2026-11-26T11:30")
    response = login(personas["worker"]).post(edit_url(appointment), data)
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.start == dt.datetime(2026, 11, 26, 10, tzinfo=STOCKHOLM)
    assert appointment.sequence == 1
    event = AuditEvent.objects.get(action=Action.UPDATE)
    assert "start" in event.detail["fields"]


def test_edit_form_shows_local_times(login, personas, case, frozen):
    appointment = make_appointment(case.family, at(TODAY, 9))
    body = login(personas["worker"]).get(edit_url(appointment)).content.decode()
    assert 'value="2026-11-25T09:00"' in body


def test_edit_bad_input_changes_nothing(login, personas, case, frozen):
    appointment = make_appointment(case.family, at(TODAY, 9))
    data = form_data(start="2026-11-26T10:00", end="2026-11-26T09:00")
    response = login(personas["worker"]).post(edit_url(appointment), data)
    assert "The end must be after the start." in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.start == at(TODAY, 9)
    assert appointment.sequence == 0


def test_edit_needs_write_access(login, reader, case, frozen):
    appointment = make_appointment(case.family)
    assert login(reader).post(edit_url(appointment), form_data()).status_code == 403


def test_edit_outsider_404(login, personas, case, frozen):
    appointment = make_appointment(case.family)
    assert login(personas["outsider"]).get(edit_url(appointment)).status_code == 404


def test_appointment_of_another_family_is_404(login, personas, case, organisation, frozen):
    other = Family.objects.create(organisation=organisation, name="Familjen Ek")
    theirs = make_appointment(other, created_by=personas["worker"])
    kwargs = {"family_id": case.family.public_id, "appointment_id": theirs.public_id}
    url = reverse("family_calendar:appointment_edit", kwargs=kwargs)
    assert login(personas["worker"]).get(url).status_code == 404


# -- cancel -------------------------------------------------------------------------------


def test_cancel_rejects_get(login, personas, case, frozen):
    appointment = make_appointment(case.family)
    assert login(personas["worker"]).get(cancel_url(appointment)).status_code == 405


def test_cancel_keeps_the_appointment_marked(login, personas, case, frozen):
    appointment = make_appointment(case.family)
    response = login(personas["worker"]).post(cancel_url(appointment))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert appointment.sequence == 1
    assert AuditEvent.objects.filter(action=Action.UPDATE, detail__status="cancelled").exists()
    login(personas["worker"]).post(cancel_url(appointment))  # twice: no second raise
    appointment.refresh_from_db()
    assert appointment.sequence == 1


def test_cancel_needs_write_access(login, reader, case, frozen):
    appointment = make_appointment(case.family)
    assert login(reader).post(cancel_url(appointment)).status_code == 403
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.PLANNED


def test_cancel_outsider_404(login, personas, case, frozen):
    appointment = make_appointment(case.family)
    assert login(personas["stranger"]).post(cancel_url(appointment)).status_code == 404


def test_edit_form_read_is_audited_once_naming_the_appointment(login, personas, case, frozen):
    appointment = make_appointment(case.family)
    login(personas["buddy"]).get(edit_url(appointment))
    [event] = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk)
    assert event.object_id == str(case.family.public_id)
    assert event.detail["path"] == edit_url(appointment)


def test_place_is_neither_shown_nor_changed_without_a_grant_by_name(
    login, personas, case, parent, frozen
):
    appointment = make_appointment(case.family, at(TODAY, 9), place_detail="Vrinnevi, hus 3")
    client = login(personas["worker"])
    assert "Vrinnevi" not in client.get(edit_url(appointment)).content.decode()
    response = client.post(edit_url(appointment), form_data(place_detail=""))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.place_detail == "Vrinnevi, hus 3"

    parent.authorised_users.add(personas["worker"])
    assert "Vrinnevi" in client.get(edit_url(appointment)).content.decode()
    client.post(edit_url(appointment), form_data(place_detail="Mottagning 3"))
    appointment.refresh_from_db()
    assert appointment.place_detail == "Mottagning 3"
