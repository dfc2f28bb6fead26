"""Adding a statement to a mapping: a category and a text."""

import pytest
from django.urls import reverse

from samspel.assessments.models import Statement, StatementCategory
from samspel.audit.models import Action, AuditEvent


def url(case):
    return reverse("assessments:statement_add", kwargs={"case_id": case.public_id})


def post(client, case, **data):
    return client.post(url(case), {f"statement-{k}": v for k, v in data.items()}, follow=True)


def test_is_post_only(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_people_not_on_the_case_get_404(client, personas, case, mapping, persona):
    client.force_login(personas[persona])
    data = {"statement-mapping": mapping.public_id, "statement-category": "harm"}
    assert client.post(url(case), {**data, "statement-text": "x"}).status_code == 404
    assert not Statement.objects.exists()


def test_read_only_user_gets_403(client, case, mapping, reader):
    client.force_login(reader)
    data = {"statement-mapping": mapping.public_id, "statement-category": "harm"}
    assert client.post(url(case), {**data, "statement-text": "x"}).status_code == 403
    assert not Statement.objects.exists()


@pytest.mark.parametrize("category", StatementCategory.values)
def test_adds_a_statement_in_each_category(client, personas, case, mapping, category):
    client.force_login(personas["leader"])
    response = post(
        client, case, mapping=mapping.public_id, category=category, text="  Mormor hjälper  "
    )
    statement = Statement.objects.get()
    assert (statement.mapping, statement.category, statement.text) == (
        mapping,
        category,
        "Mormor hjälper",
    )
    assert statement.created_by == personas["leader"]
    assert response.redirect_chain[-1][0].endswith(f"#category-{category}")
    page = response.content.decode()
    block = page.index(f'data-category="{category}"')
    assert block < page.index("<li>Mormor hjälper</li>")


def test_several_statements_per_category_keep_their_order(client, personas, case, mapping):
    client.force_login(personas["worker"])
    for text in ["Första", "Andra", "Tredje"]:
        post(client, case, mapping=mapping.public_id, category="next_steps", text=text)
    assert list(Statement.objects.values_list("text", flat=True)) == ["Första", "Andra", "Tredje"]


def test_every_statement_is_audited_without_its_text(client, personas, case, mapping):
    client.force_login(personas["worker"])
    post(client, case, mapping=mapping.public_id, category="harm", text="Känslig uppgift")
    statement = Statement.objects.get()
    event = AuditEvent.objects.get(action=Action.CREATE)
    assert event.object_id == str(statement.public_id)
    assert event.detail["category"] == "harm"
    assert event.detail["mapping"] == str(mapping.public_id)
    assert "Känslig" not in str(event.detail)


@pytest.mark.parametrize(
    ("category", "text", "message"),
    [
        ("harm", "", "Write the statement."),
        ("harm", "   \n ", "Write the statement."),
        ("worries", "Text", "Choose one of the categories in the list."),
        ("", "Text", "Choose a category."),
        ("harm", "x" * 2001, "Ensure this value has at most 2000 characters"),
    ],
)
def test_bad_input_changes_nothing(client, personas, case, mapping, category, text, message):
    client.force_login(personas["worker"])
    response = post(client, case, mapping=mapping.public_id, category=category, text=text)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'id="error-summary"' in page
    assert not Statement.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_the_text_is_kept_when_the_category_is_wrong(client, personas, case, mapping):
    client.force_login(personas["worker"])
    response = post(client, case, mapping=mapping.public_id, category="", text="Behåll mig")
    assert "Behåll mig</textarea>" in response.content.decode()


def test_a_mapping_of_another_case_changes_nothing(client, personas, case, other_case):
    foreign = other_case.safety_mappings.create(
        held_on="2026-02-01", held_by=personas["worker"], created_by=personas["worker"]
    )
    client.force_login(personas["worker"])
    response = post(client, case, mapping=foreign.public_id, category="harm", text="Text")
    assert "That mapping is not on this case." in response.content.decode()
    assert not Statement.objects.exists()


def test_without_a_mapping_says_to_start_one(client, personas, case):
    client.force_login(personas["worker"])
    response = post(client, case, category="harm", text="Text")
    assert "Start a mapping before adding statements." in response.content.decode()
    assert not Statement.objects.exists()
