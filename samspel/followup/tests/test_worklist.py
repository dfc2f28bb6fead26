"""The worker's worklist: own items only, overdue → due soon → upcoming, explanations, one query."""

import datetime as dt
import re

import pytest
import time_machine

from conftest import translated
from samspel.followup.tests.due import NOW, TODAY, another_case, due_item

URL = "/worklist/"


def days(n):
    return TODAY + dt.timedelta(days=n)


def test_rejects_the_wrong_method(login, personas):
    assert login(personas["worker"]).post(URL).status_code == 405


def test_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_auditors_have_no_worklist(login, personas):
    assert login(personas["auditor"]).get(URL).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_items_come_overdue_first_then_due_soon_then_upcoming(login, personas, case):
    due_item(case, days(20), rule="a:upcoming", title="Evaluation")
    due_item(case, days(3), rule="b:soon", title="Network meeting")
    due_item(case, days(-5), rule="c:overdue", title="Follow-up meeting")
    due_item(case, days(7), rule="d:soon-edge", title="Child conversation")
    due_item(case, days(8), rule="e:upcoming-edge", title="Startup talk")
    page = login(personas["worker"]).get(URL).content.decode()
    sections = re.findall(r'<section aria-labelledby="worklist-(\w+)"(.*?)</section>', page, re.S)
    found = {state: re.findall(r"<td>([A-Z][\w -]+)</td>", body) for state, body in sections}
    assert [state for state, _ in sections] == ["overdue", "due_soon", "upcoming"]
    assert found["overdue"] == ["Follow-up meeting"]
    assert found["due_soon"] == ["Network meeting", "Child conversation"]
    assert found["upcoming"] == ["Startup talk", "Evaluation"]
    assert "Overdue by 5 days" in page


@time_machine.travel(NOW, tick=False)
def test_each_item_shows_its_case_due_date_and_explanation(login, personas, case):
    due_item(case, days(-1))
    page = login(personas["worker"]).get(URL).content.decode()
    assert f'href="/cases/{case.public_id}/"' in page
    assert case.number in page and "Familjen Berg" in page
    assert "every 6 weeks because the case holds §50" in page
    assert 'datetime="2026-11-24"' in page
    assert "Overdue by 1 day<" in page


@time_machine.travel(NOW, tick=False)
def test_the_buddy_sees_the_case_items_too(login, personas, case):
    due_item(case, days(2))
    assert case.number in login(personas["buddy"]).get(URL).content.decode()


@time_machine.travel(NOW, tick=False)
def test_only_own_items_are_shown(login, personas, case):
    due_item(case, days(2))
    others = another_case(case, "2026-0002", responsible=personas["outsider"], buddy=None)
    due_item(others, days(1))
    worker_page = login(personas["worker"]).get(URL).content.decode()
    assert "2026-0002" not in worker_page
    leader_page = login(personas["leader"]).get(URL).content.decode()
    assert case.number not in leader_page  # leading the team is not being on the case
    outsider_page = login(personas["outsider"]).get(URL).content.decode()
    assert "2026-0002" in outsider_page and case.number not in outsider_page


@time_machine.travel(NOW, tick=False)
def test_another_organisations_items_are_never_shown(login, personas, case, other_organisation):
    foreign = another_case(
        case,
        "2026-0900",
        organisation=other_organisation,
        team=personas["stranger"].teams.get(),
        responsible=personas["stranger"],
        buddy=None,
    )
    # Even an item whose copied columns point at the worker stays in its organisation.
    item = due_item(foreign, days(1))
    item.responsible_id = personas["worker"].pk
    item.save(update_fields=["responsible_id"])
    assert "2026-0900" not in login(personas["worker"]).get(URL).content.decode()


@time_machine.travel(NOW, tick=False)
def test_one_query_for_the_items(login, personas, case, django_assert_max_num_queries):
    for number in range(2, 12):
        other = another_case(case, f"2026-{number:04d}")
        due_item(other, days(number - 6))
    client = login(personas["worker"])
    # Seven are the middleware's (session, user, organisation, second factor, session save in
    # a savepoint); the eighth is the items with their cases and families; the ninth writes
    # the audit event naming the cases shown, the tenth its cases' rows (AuditEventCase).
    with django_assert_max_num_queries(10) as queries:
        response = client.get(URL)
    assert response.content.decode().count("Follow-up meeting") == 10
    item_queries = [q["sql"] for q in queries.captured_queries if "followup_dueitem" in q["sql"]]
    assert len(item_queries) == 1
    assert "families_family" in item_queries[0]


@time_machine.travel(NOW, tick=False)
def test_the_explanation_is_translated(login, personas, case):
    due_item(case, days(1), title="Follow-up meeting", explanation="Follow-up meeting")
    personas["worker"].language = "sv"
    personas["worker"].save(update_fields=["language"])
    page = login(personas["worker"]).get(URL).content.decode()
    assert translated("Your worklist", "sv") in page


@time_machine.travel(NOW, tick=False)
def test_a_broken_parameter_does_not_break_the_page(login, personas, case):
    due_item(case, days(1), explanation="held %(missing)s", explanation_params={"other": "x"})
    due_item(
        case, days(2), rule="x:y", explanation="held %(on)s", explanation_params={"on": "3 March"}
    )
    response = login(personas["worker"]).get(URL)
    assert response.status_code == 200
    assert "held 3 March" in response.content.decode()


@pytest.mark.parametrize("offset", [-1, 0, 7, 8])
def test_empty_groups_say_so(login, personas, case, offset):
    with time_machine.travel(NOW, tick=False):
        due_item(case, days(offset))
        page = login(personas["worker"]).get(URL).content.decode()
    assert page.count("Nothing") == 2


@time_machine.travel(NOW, tick=False)
def test_dates_and_durations_in_the_explanation_are_localised(login, personas, case):
    due_item(
        case,
        days(1),
        explanation="Every %(interval)s because the case holds %(paragraph)s; "
        "last follow-up held %(last)s",
        explanation_params={"interval": "6 weeks", "paragraph": "§50", "last": "2026-03-03"},
    )
    page = login(personas["worker"]).get(URL).content.decode()
    assert "Every 6 weeks because the case holds §50; last follow-up held 3 March 2026" in page
