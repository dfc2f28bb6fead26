"""A closed case is frozen: its Signs of Safety page takes no mapping, statement or safety
rating, through the view and in the service, with the shared message and nothing changed."""

import datetime as dt

import pytest
from django.urls import reverse

from samspel.assessments import services
from samspel.assessments.models import Mapping, SafetyRating, Statement
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.cases.refusals import CASE_CLOSED, CaseClosed

CHANGES = (Action.CREATE, Action.UPDATE, Action.DELETE)


@pytest.fixture
def closed(case, mapping):
    case.status = CaseStatus.CLOSED
    case.closed_on = dt.date(2026, 3, 1)
    case.save(update_fields=["status", "closed_on"])
    return case


def _state() -> tuple:
    return (Mapping.objects.count(), Statement.objects.count(), SafetyRating.objects.count())


def _posts(case, mapping, personas) -> dict:
    def address(name):
        return reverse(f"assessments:{name}", kwargs={"case_id": case.public_id})

    return {
        "mapping": (
            address("mapping_create"),
            {"mapping-held_on": "2026-02-20", "mapping-held_by": personas["worker"].public_id},
        ),
        "statement": (
            address("statement_add"),
            {
                "statement-mapping": mapping.public_id,
                "statement-category": "harm",
                "statement-text": "Oro för skolan.",
            },
        ),
        "rating": (
            address("rating_add"),
            {
                "rating-role": "worker",
                "rating-name": "Anna Lind",
                "rating-value": "5",
                "rating-rated_on": "2026-02-20",
            },
        ),
    }


@pytest.mark.parametrize("name", ["mapping", "statement", "rating"])
def test_the_open_case_takes_the_change(client, personas, case, mapping, name):
    """The data is what an open case takes: the refusal below is the closure's."""
    address, data = _posts(case, mapping, personas)[name]
    before = _state()
    client.force_login(personas["worker"])
    assert client.post(address, data).status_code == 302
    assert _state() != before


@pytest.mark.parametrize("name", ["mapping", "statement", "rating"])
def test_a_closed_case_refuses_and_changes_nothing(client, personas, closed, mapping, name):
    address, data = _posts(closed, mapping, personas)[name]
    before = _state()
    client.force_login(personas["worker"])
    response = client.post(address, data, follow=True)
    assert response.redirect_chain
    assert str(CASE_CLOSED) in response.content.decode()
    assert _state() == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()


def test_a_closed_case_offers_no_forms(client, personas, closed):
    client.force_login(personas["worker"])
    page = client.get(reverse("assessments:safety", kwargs={"case_id": closed.public_id}))
    content = page.content.decode()
    for name in ("mapping_create", "statement_add", "rating_add"):
        assert reverse(f"assessments:{name}", kwargs={"case_id": closed.public_id}) not in content


def test_the_services_raise_case_closed(personas, closed, mapping):
    worker, before = personas["worker"], _state()
    calls = [
        lambda: services.start_mapping(
            closed, by=worker, held_on=dt.date(2026, 2, 20), held_by=worker
        ),
        lambda: services.add_statement(closed, mapping, by=worker, category="harm", text="x"),
        lambda: services.add_rating(
            closed,
            by=worker,
            role="worker",
            person=None,
            name="Anna Lind",
            value=5,
            rated_on=dt.date(2026, 2, 20),
        ),
    ]
    for call in calls:
        with pytest.raises(CaseClosed):
            call()
    assert _state() == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()
