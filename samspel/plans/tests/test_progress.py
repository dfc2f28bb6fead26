import datetime as dt

import pytest
import time_machine

from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import Goal, Progress, SubGoal
from samspel.plans.tests.helpers import assert_outsiders_get_404, url

TODAY = dt.datetime(2026, 4, 15, 12, tzinfo=dt.UTC)


@pytest.fixture
def sub_goal(plan):
    parent = Goal.objects.create(plan=plan, text="Långsiktigt", responsible_party="family")
    goal = Goal.objects.create(plan=plan, parent=parent, text="Kort", responsible_party="family")
    return SubGoal.objects.create(
        goal=goal,
        what="Morgonrutin",
        indicator="Dagar i skolan före 08.15",
        target_date=dt.date(2026, 6, 1),
        responsible_party="family",
    )


def _url(case, plan, sub_goal):
    return url("progress", case, plan, subgoal_id=sub_goal.public_id)


def test_lists_the_ratings_over_time(client, personas, case, plan, sub_goal):
    for on, value in [(dt.date(2026, 4, 1), 6), (dt.date(2026, 3, 5), 2)]:
        Progress.objects.create(
            sub_goal=sub_goal, on=on, value=value, note=f"n{value}", recorded_by=personas["buddy"]
        )
    client.force_login(personas["worker"])
    page = client.get(_url(case, plan, sub_goal)).content.decode()
    table = page[page.index('id="progress-table"') :]
    assert table.index("n2") < table.index("n6")  # oldest first
    assert "Buddy Testsson" in table
    assert 'id="save-progress"' in page


@time_machine.travel(TODAY)
def test_records_a_rating_without_changing_the_plan_version(client, personas, case, plan, sub_goal):
    client.force_login(personas["worker"])
    data = {"value": "7", "on": "2026-04-14", "assessed_by": "family", "note": "Bra vecka"}
    response = client.post(_url(case, plan, sub_goal), data)
    assert response.status_code == 302
    assert response["Location"] == _url(case, plan, sub_goal)
    rating = Progress.objects.get()
    assert (rating.value, rating.on, rating.assessed_by, rating.note, rating.recorded_by) == (
        7,
        dt.date(2026, 4, 14),
        "family",
        "Bra vecka",
        personas["worker"],
    )
    plan.refresh_from_db()
    assert plan.version == 1  # a rating adds to the plan; it overwrites nothing
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(rating.public_id)).exists()


@time_machine.travel(TODAY)
@pytest.mark.parametrize(
    ("value", "on", "message"),
    [
        ("11", "2026-04-14", "The progress rating must be a whole number from 0 to 10."),
        ("-1", "2026-04-14", "The progress rating must be a whole number from 0 to 10."),
        ("seven", "2026-04-14", "The progress rating must be a whole number from 0 to 10."),
        ("5.5", "2026-04-14", "The progress rating must be a whole number from 0 to 10."),
        ("", "2026-04-14", "Give a progress rating from 0 to 10."),
        ("5", "2026-04-16", "The date cannot be in the future."),
        ("5", "9999-12-31", "The date cannot be in the future."),
        ("5", "0001-01-01", "The date cannot be before 1900."),
        ("5", "2026-02-28", "The date is before the plan starts"),
        ("5", "yesterday", "Enter a valid date."),
    ],
)
def test_bad_ratings_are_refused(client, personas, case, plan, sub_goal, value, on, message):
    client.force_login(personas["worker"])
    response = client.post(
        _url(case, plan, sub_goal), {"value": value, "on": on, "assessed_by": "together"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Progress.objects.exists()


@time_machine.travel(TODAY)
def test_0_and_10_are_on_the_scale(client, personas, case, plan, sub_goal):
    client.force_login(personas["worker"])
    for value in ["0", "10"]:
        client.post(
            _url(case, plan, sub_goal),
            {"value": value, "on": "2026-04-15", "assessed_by": "worker"},
        )
    assert sorted(Progress.objects.values_list("value", flat=True)) == [0, 10]


def test_read_only_users_see_the_ratings_but_no_form(
    client, personas, case, plan, sub_goal, reader
):
    Progress.objects.create(
        sub_goal=sub_goal, on=dt.date(2026, 3, 5), value=4, recorded_by=personas["worker"]
    )
    client.force_login(reader)
    response = client.get(_url(case, plan, sub_goal))
    assert response.status_code == 200
    assert 'id="progress-table"' in response.content.decode()
    assert 'id="save-progress"' not in response.content.decode()


def test_read_only_users_get_403_on_post(client, case, plan, sub_goal, reader):
    client.force_login(reader)
    data = {"value": "5", "on": "2026-03-05", "assessed_by": "together"}
    assert client.post(_url(case, plan, sub_goal), data).status_code == 403
    assert not Progress.objects.exists()


def test_rejects_wrong_method(client, personas, case, plan, sub_goal):
    client.force_login(personas["worker"])
    assert client.put(_url(case, plan, sub_goal)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan, sub_goal):
    assert_outsiders_get_404(client, personas, _url(case, plan, sub_goal))
    assert_outsiders_get_404(client, personas, _url(case, plan, sub_goal), method="post")
