"""The family calendar: Samspel activities of the family's visible cases and the appointments
with other agencies, in one list; protected persons shown by initials."""

import datetime as dt

from django.urls import reverse

from samspel.activities.models import ActivityParticipant
from samspel.audit.models import AuditEvent
from samspel.calendars.tests.conftest import TODAY, at, make_activity, make_appointment
from samspel.cases.models import Case


def url(family, **query):
    base = reverse("family_calendar:calendar", kwargs={"family_id": family.public_id})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_rejects_post(login, personas, case, frozen):
    assert login(personas["worker"]).post(url(case.family)).status_code == 405


def test_outsiders_get_404(login, personas, case, frozen):
    for role in ["outsider", "auditor", "admin", "stranger"]:
        assert login(personas[role]).get(url(case.family)).status_code == 404, role


def test_activities_and_appointments_in_one_list(login, personas, case, frozen):
    activity = make_activity(case, at(TODAY, 10))
    appointment = make_appointment(case.family, at(TODAY + dt.timedelta(days=20), 13))
    later = make_appointment(case.family, at(TODAY + dt.timedelta(days=40), 13))
    body = login(personas["worker"]).get(url(case.family)).content.decode()
    assert f'data-uid="{activity.public_id}"' in body
    assert f'data-uid="{appointment.public_id}"' in body
    assert str(later.public_id) not in body  # beyond the four weeks shown
    assert "Psychiatry" in body and "BUP-besök" in body
    assert "Add an appointment with another agency" in body


def test_reader_sees_no_forms(login, reader, case, frozen):
    appointment = make_appointment(case.family)
    body = login(reader).get(url(case.family)).content.decode()
    assert str(appointment.public_id) in body
    assert "Add an appointment with another agency" not in body
    assert "/cancel/" not in body


def test_only_cases_the_user_may_read(login, personas, case, team, frozen):
    hidden_case = Case.objects.create(
        organisation=case.organisation,
        number="2026-0002",
        family=case.family,
        programme=team.programme,
        team=case.team,
        responsible=personas["outsider"],
    )
    hidden = make_activity(hidden_case, at(TODAY, 12))
    body = login(personas["worker"]).get(url(case.family)).content.decode()
    assert str(hidden.public_id) not in body


def test_protected_person_named_to_the_buddy_without_the_place(
    login, personas, case, parent, frozen
):
    appointment = make_appointment(case.family, person=parent, place_detail="Skyddade vägen 7")
    activity = make_activity(case, at(TODAY, 10))
    ActivityParticipant.objects.create(activity=activity, person=parent)
    body = login(personas["buddy"]).get(url(case.family)).content.decode()
    assert str(appointment.public_id) in body
    assert body.count("Lena Berg") == 2
    assert "Skyddade vägen" not in body


def test_protected_person_by_initials_under_emergency_access(
    login, emergency_reader, case, parent, frozen
):
    appointment = make_appointment(case.family, person=parent, place_detail="Skyddade vägen 7")
    activity = make_activity(case, at(TODAY, 10))
    ActivityParticipant.objects.create(activity=activity, person=parent)
    body = login(emergency_reader).get(url(case.family)).content.decode()
    assert str(appointment.public_id) in body
    assert "Lena" not in body
    assert "LB" in body
    assert "Skyddade vägen" not in body


def test_authorised_user_sees_the_name(login, personas, case, parent, frozen):
    parent.authorised_users.add(personas["worker"])
    make_appointment(case.family, person=parent)
    body = login(personas["worker"]).get(url(case.family)).content.decode()
    assert "Lena Berg" in body


def test_navigation_by_four_weeks(login, personas, case, frozen):
    body = login(personas["worker"]).get(url(case.family, week="2026-W48")).content.decode()
    assert "?week=2026-W44" in body and "?week=2026-W52" in body


def test_audit_and_query_count(login, personas, case, frozen, django_assert_max_num_queries):
    client = login(personas["worker"])
    for day in range(10):
        make_activity(case, at(TODAY + dt.timedelta(days=day), 10))
        make_appointment(case.family, at(TODAY + dt.timedelta(days=day), 14))
    # 18: one more than before, for the reader's relation to the family's cases (display rule);
    # 19 with the cases' rows of the list's audit event (AuditEventCase)
    with django_assert_max_num_queries(19):
        assert client.get(url(case.family)).status_code == 200
    assert AuditEvent.objects.filter(object_type="families.family").count() == 1
    event = AuditEvent.objects.get(object_type="calendars.family")
    assert event.detail["cases"] == [str(case.public_id)]


def test_whole_family_appointment_place_only_for_users_who_see_every_protected_member(
    login, personas, case, parent, frozen
):
    # The child's clinic is on no protected person's record, but it can lead to the family.
    make_appointment(case.family, person=None, place_detail="BUP Norrköping, Vrinnevi")
    body = login(personas["worker"]).get(url(case.family)).content.decode()
    assert "Vrinnevi" not in body
    parent.authorised_users.add(personas["worker"])
    body = login(personas["worker"]).get(url(case.family)).content.decode()
    assert "Vrinnevi" in body
