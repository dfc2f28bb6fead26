"""The Signs of Safety page of a case: who may see it, what it shows, what it audits."""

import datetime as dt

import pytest
from django.urls import reverse

from samspel.assessments.models import SafetyRating, Statement, StatementCategory
from samspel.audit.models import Action, AuditEvent


def url(case):
    return reverse("assessments:safety", kwargs={"case_id": case.public_id})


def test_is_get_only(client, personas, case):
    client.force_login(personas["worker"])
    assert client.post(url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_people_not_on_the_case_get_404(client, personas, case, persona):
    client.force_login(personas[persona])
    assert client.get(url(case)).status_code == 404


def test_anonymous_is_sent_to_login(client, case):
    response = client.get(url(case))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


@pytest.mark.parametrize("persona", ["worker", "buddy", "leader"])
def test_people_on_the_case_see_the_forms(client, personas, case, mapping, persona):
    client.force_login(personas[persona])
    page = client.get(url(case)).content.decode()
    assert 'id="add-statement-form"' in page
    assert 'id="add-rating-form"' in page
    assert 'id="start-mapping-form"' in page


def test_read_only_user_sees_the_mapping_but_no_forms(client, reader, case, mapping):
    Statement.objects.create(
        mapping=mapping, category="harm", text="Ensam hemma", created_by=case.responsible
    )
    client.force_login(reader)
    response = client.get(url(case))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ensam hemma" in page
    assert "add-statement-form" not in page
    assert "add-rating-form" not in page
    assert "start-mapping-form" not in page


def test_one_view_event_per_read_and_nothing_else(client, personas, case, mapping):
    client.force_login(personas["worker"])
    before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    client.get(url(case))
    events = AuditEvent.objects.filter(id__gt=before)
    assert list(events.values_list("action", "object_id")) == [(Action.VIEW, str(case.public_id))]


def test_shows_the_three_columns_with_statements_in_place(client, personas, case, mapping):
    for category, text in [
        (StatementCategory.HARM, "Blåmärken i mars"),
        (StatementCategory.EXISTING_SAFETY, "Mormor hämtar på fredagar"),
        (StatementCategory.NEXT_STEPS, "Nätverksmöte inom två veckor"),
    ]:
        Statement.objects.create(
            mapping=mapping, category=category, text=text, created_by=case.responsible
        )
    client.force_login(personas["worker"])
    page = client.get(url(case)).content.decode()
    worries = page.index('id="column-worries"')
    working = page.index('id="column-working-well"')
    needs = page.index('id="column-needs-to-happen"')
    assert worries < page.index("Blåmärken i mars") < working
    assert working < page.index("Mormor hämtar på fredagar") < needs
    assert needs < page.index("Nätverksmöte inom två veckor")
    for heading in ["What are we worried about?", "What&#x27;s working well?", "What needs to"]:
        assert heading in page


def test_without_a_mapping_says_so_and_offers_to_start_one(client, personas, case):
    client.force_login(personas["worker"])
    page = client.get(url(case)).content.decode()
    assert 'id="no-mapping"' in page
    assert 'id="start-mapping"' in page
    assert "add-statement-form" not in page


def test_older_mapping_can_be_chosen(client, personas, case, mapping):
    newer = mapping.__class__.objects.create(
        case=case, held_on=dt.date(2026, 3, 2), held_by=mapping.held_by, created_by=mapping.held_by
    )
    Statement.objects.create(mapping=mapping, category="harm", text="Old", created_by=newer.held_by)
    Statement.objects.create(mapping=newer, category="harm", text="New", created_by=newer.held_by)
    client.force_login(personas["worker"])
    latest = client.get(url(case)).content.decode()
    assert f'data-mapping="{newer.public_id}"' in latest
    older = client.get(url(case), {"mapping": str(mapping.public_id)}).content.decode()
    assert f'data-mapping="{mapping.public_id}"' in older
    assert "<li>Old</li>" in older and "<li>New</li>" not in older


def test_a_mapping_of_another_case_is_not_found(client, personas, case, other_case):
    foreign = other_case.safety_mappings.create(
        held_on=dt.date(2026, 2, 1), held_by=personas["worker"], created_by=personas["worker"]
    )
    client.force_login(personas["worker"])
    assert client.get(url(case), {"mapping": str(foreign.public_id)}).status_code == 404
    assert client.get(url(case), {"mapping": "not-a-uuid"}).status_code == 404


def test_shows_the_scale_legend(client, personas, case):
    client.force_login(personas["worker"])
    page = client.get(url(case)).content.decode()
    assert "Safe enough to close the case" in page
    assert "The child cannot stay" in page


def test_the_section_link_is_current(client, personas, case):
    client.force_login(personas["worker"])
    page = client.get(url(case)).content.decode()
    assert f'href="{url(case)}" aria-current="page"' in page


def test_query_count_does_not_grow_with_ratings(
    client, personas, case, mapping, parent, django_assert_max_num_queries
):
    for day in range(1, 21):
        SafetyRating.objects.create(
            case=case,
            role="parent",
            person=parent,
            value=day % 11,
            rated_on=dt.date(2026, 2, day),
            created_by=case.responsible,
        )
        Statement.objects.create(
            mapping=mapping, category="harm", text=f"S{day}", created_by=case.responsible
        )
    client.force_login(personas["worker"])
    with django_assert_max_num_queries(20):
        assert client.get(url(case)).status_code == 200
