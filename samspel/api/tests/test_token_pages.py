"""The API token pages (issue 11, item 3): a worker makes, sees and revokes the tokens that act
as them; the organisation's administrator sees every token of the organisation, revokes any and
makes integration tokens acting as a case worker. The secret is shown once, kept as a hash."""

import re

import pytest
from django.urls import reverse

from conftest import translated
from samspel.api.models import ApiToken, TokenKind
from samspel.api.tests.calls import get
from samspel.api.tokens import issue
from samspel.audit.models import Action, AuditEvent

MINE = reverse("api_tokens:mine")
ORGANISATION = reverse("api_tokens:organisation")
SECRET = re.compile(r'value="(sps_[^"]+)"')


def make_token(client, url=MINE, **fields):
    data = {"name": "Weekly report", "lifetime": "90", **fields}
    return client.post(url, data)


def test_a_worker_makes_a_token_that_works_once_shown(client, login, personas, case):
    login(personas["worker"])
    response = make_token(client)
    assert response.status_code == 200
    [secret] = SECRET.findall(response.content.decode())
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get()
    assert (token.user, token.kind, token.name) == (personas["worker"], "personal", "Weekly report")
    assert (token.expires_at - token.created_at).days in (89, 90)
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="api.apitoken")
    assert event.object_id == str(token.public_id) and secret not in str(event.detail)
    client.logout()
    assert get(client, "/cases", secret).json()["count"] == 1
    login(personas["worker"])
    listing = client.get(MINE).content.decode()
    assert "Weekly report" in listing and secret not in listing and token.prefix in listing


@pytest.mark.parametrize(
    "fields", [{"name": ""}, {"lifetime": "3650"}, {"lifetime": "x"}, {"name": "x" * 101}]
)
def test_a_token_form_with_a_problem_makes_nothing(client, login, personas, fields):
    login(personas["worker"])
    response = make_token(client, **fields)
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_worker_revokes_their_token_and_only_theirs(client, login, personas, case):
    worker_token, worker_secret = issue(
        personas["worker"], name="w", days=30, created_by=personas["worker"]
    )
    buddy_token, _secret = issue(personas["buddy"], name="b", days=30, created_by=personas["buddy"])
    login(personas["worker"])
    other = client.post(reverse("api_tokens:revoke", args=[buddy_token.public_id]))
    assert other.status_code == 404
    response = client.post(reverse("api_tokens:revoke", args=[worker_token.public_id]))
    assert response.status_code == 302
    worker_token.refresh_from_db()
    buddy_token.refresh_from_db()
    assert worker_token.revoked_by == personas["worker"] and buddy_token.revoked_at is None
    assert AuditEvent.objects.filter(
        action=Action.UPDATE, object_id=str(worker_token.public_id), detail__revoked=True
    ).exists()
    client.logout()
    assert get(client, "/cases", worker_secret).status_code == 401
    login(personas["worker"])
    assert "b" not in {t.name for t in client.get(MINE).context["tokens"]}


@pytest.mark.parametrize("persona", ["auditor", "admin"])
def test_the_personal_page_is_for_case_workers(client, login, personas, persona):
    login(personas[persona])
    assert client.get(MINE).status_code == 404
    assert make_token(client).status_code == 404
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("persona", ["worker", "leader", "auditor", "stranger"])
def test_the_organisation_page_is_for_its_administrator(client, login, personas, persona):
    token, _secret = issue(personas["worker"], name="w", days=30, created_by=personas["worker"])
    login(personas[persona])
    assert client.get(ORGANISATION).status_code == 404
    revoke = reverse("api_tokens:organisation_revoke", args=[token.public_id])
    assert client.post(revoke).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_administrator_sees_and_revokes_every_token_of_the_organisation(
    client, login, personas
):
    ours, secret = issue(personas["worker"], name="ours", days=30, created_by=personas["worker"])
    theirs, _ = issue(personas["stranger"], name="theirs", days=30, created_by=personas["stranger"])
    login(personas["admin"])
    page = client.get(ORGANISATION)
    assert [t.name for t in page.context["page"].object_list] == ["ours"]
    other = client.post(reverse("api_tokens:organisation_revoke", args=[theirs.public_id]))
    assert other.status_code == 404
    response = client.post(reverse("api_tokens:organisation_revoke", args=[ours.public_id]))
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.revoked_by == personas["admin"]
    client.logout()
    assert get(client, "/cases", secret).status_code == 401


def test_an_integration_token_acts_as_a_case_worker_of_the_organisation(
    client, login, personas, case
):
    login(personas["admin"])
    response = make_token(client, ORGANISATION, acts_as=personas["worker"].public_id)
    [secret] = SECRET.findall(response.content.decode())
    token = ApiToken.objects.get()
    assert (token.kind, token.user, token.created_by) == (
        TokenKind.INTEGRATION,
        personas["worker"],
        personas["admin"],
    )
    # The worker sees the token that acts as them, and may revoke it.
    login(personas["worker"])
    assert [t.kind for t in client.get(MINE).context["tokens"]] == ["integration"]
    client.logout()
    assert get(client, "/cases", secret).json()["count"] == 1


@pytest.mark.parametrize("persona", ["stranger", "auditor", "admin"])
def test_an_integration_token_cannot_act_as_someone_outside_the_case_work(
    client, login, personas, persona
):
    login(personas["admin"])
    response = make_token(client, ORGANISATION, acts_as=personas[persona].public_id)
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_token_pages_are_translated(client, login, personas, language):
    for persona, url, heading in (
        ("worker", MINE, "API tokens"),
        ("admin", ORGANISATION, "API tokens of the organisation"),
    ):
        user = personas[persona]
        user.language = language
        user.save(update_fields=["language"])
        login(user)
        page = client.get(url).content.decode()
        assert f"<h1>{translated(heading, language)}</h1>" in page
