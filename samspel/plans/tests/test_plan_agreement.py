import datetime as dt

import time_machine

from samspel.plans.models import PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, plan_state, url

AGREED = {"agreed_on": "2026-03-05", "agreed_by": "Lena och Elsa", "agreement_text": "Bra plan."}


@time_machine.travel(dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC))
def test_records_the_agreement_for_the_saved_version(client, personas, case, plan):
    client.force_login(personas["worker"])
    response = client.post(url("agreement", case, plan), {"version": 1, **AGREED})
    assert response.status_code == 302
    assert response["Location"].endswith("#agreement")
    plan.refresh_from_db()
    assert (plan.agreed_on, plan.agreed_by, plan.agreement_text) == (
        dt.date(2026, 3, 5),
        "Lena och Elsa",
        "Bra plan.",
    )
    assert plan.version == plan.agreed_version == 2
    assert not plan.changed_since_agreement
    revision = plan.revisions.get(version=2)
    assert revision.change == PlanChange.AGREED
    assert revision.snapshot["agreement"]["agreed_by"] == "Lena och Elsa"


@time_machine.travel(dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC))
def test_a_future_date_or_no_names_is_refused(client, personas, case, plan):
    client.force_login(personas["worker"])
    before = plan_state(plan)
    bad = {"version": 1, "agreed_on": "2026-05-01", "agreed_by": ""}
    page = client.post(url("agreement", case, plan), bad).content.decode()
    assert "cannot be in the future" in page
    assert "Write who in the family agreed to the plan." in page
    assert plan_state(plan) == before


def test_a_stale_version_is_a_conflict(client, personas, case, plan):
    client.force_login(personas["worker"])
    client.post(
        url("edit", case, plan),
        {"version": 1, "kind": "care_plan", "title": "Ny", "starts_on": "2026-03-01"},
    )
    before = plan_state(plan)
    response = client.post(url("agreement", case, plan), {"version": 1, **AGREED})
    assert response.status_code == 409
    assert plan_state(plan) == before


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.put(url("agreement", case, plan)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("agreement", case, plan))
    assert_outsiders_get_404(client, personas, url("agreement", case, plan), method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    client.force_login(reader)
    assert client.post(url("agreement", case, plan), {"version": 1, **AGREED}).status_code == 403
    plan.refresh_from_db()
    assert plan.agreed_on is None
