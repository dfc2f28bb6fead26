"""Single sign-on with OpenID Connect (issue 11, item 2) against a real OpenID provider on
loopback (oidc-provider, tests/oidc/provider.mjs): the login finds its user in the right
organisation or makes one, takes the role from a claim, skips Samspel's second factor (the
provider did it), can switch local passwords off, and refuses what another organisation's
issuer sends."""

from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.urls import reverse

from samspel.accounts.models import Role, User
from samspel.audit.models import Action, AuditEvent
from samspel.organisations.models import MatchClaim, SingleSignOn, SsoIdentity
from samspel.organisations.sso import Backend, library_settings
from samspel.organisations.tests.oidc.running import log_in_at_provider, oidc_provider

CALLBACK = "http://testserver/organisation/sso/callback/"
ACCOUNTS = {
    "worker": {"email": "worker@testkommun.se", "samspel_role": "team_leader"},
    "newcomer": {
        "email": "ny@testkommun.se",
        "given_name": "Nina",
        "family_name": "Ny",
        "samspel_role": "leads",
    },
}


@pytest.fixture(scope="module")
def provider():
    with oidc_provider([CALLBACK], ACCOUNTS) as running:
        yield running


@pytest.fixture(scope="module")
def other_provider():
    with oidc_provider([CALLBACK], ACCOUNTS, client_id="other") as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_discovery():
    cache.clear()


@pytest.fixture
def sso(organisation, provider, personas):
    personas["worker"].email = "worker@testkommun.se"
    personas["worker"].save()
    return SingleSignOn.objects.create(
        organisation=organisation,
        issuer=provider.issuer,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        scopes="openid email profile samspel",
    )


def sso_login(client, organisation, login: str):
    start = client.get(reverse("sso:start", args=[organisation.public_id]))
    assert start.status_code == 302, start
    back = log_in_at_provider(start["Location"], login)
    assert back.startswith(CALLBACK)
    return client.get(back.removeprefix("http://testserver"))


def test_a_known_user_signs_in_and_needs_no_second_factor_here(client, sso, personas):
    assert sso.organisation.require_second_factor is False
    sso.organisation.require_second_factor = True
    sso.organisation.save()
    response = sso_login(client, sso.organisation, "worker")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session[SESSION_KEY] == str(personas["worker"].pk)
    assert client.get("/").status_code == 200  # not sent to enrol an authenticator
    assert SsoIdentity.objects.get(subject="worker").user == personas["worker"]
    assert AuditEvent.objects.filter(action=Action.LOGIN, actor_id=personas["worker"].pk).exists()
    assert personas["worker"].role == Role.WORKER  # no role claim configured: left alone


def test_an_unknown_user_is_refused_unless_the_organisation_makes_users(client, sso):
    response = sso_login(client, sso.organisation, "newcomer")
    assert response["Location"] == reverse("accounts:login") + "?sso=failed"
    assert not User.objects.filter(email="ny@testkommun.se").exists()
    failed = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert failed.organisation_id == sso.organisation_id and failed.detail["sso"] == sso.issuer
    page = client.get(response["Location"]).content.decode()
    assert "Signing in through your organisation did not work" in page


def test_a_made_user_belongs_to_the_organisation_with_the_role_of_the_claim(
    client, sso, organisation
):
    sso.provision, sso.role_claim = True, "samspel_role"
    sso.role_map = {"leads": Role.TEAM_LEADER}
    sso.save()
    sso_login(client, organisation, "newcomer")
    user = User.objects.get(email="ny@testkommun.se")
    assert (user.organisation, user.role, user.first_name) == (
        organisation,
        Role.TEAM_LEADER,
        "Nina",
    )
    assert not user.has_usable_password() and user.teams.count() == 0
    assert client.session[SESSION_KEY] == str(user.pk)


def test_the_role_follows_the_claim_at_each_login(client, sso, personas):
    sso.role_claim, sso.role_map = "samspel_role", {"team_leader": Role.TEAM_LEADER}
    sso.save()
    sso_login(client, sso.organisation, "worker")
    personas["worker"].refresh_from_db()
    assert personas["worker"].role == Role.TEAM_LEADER


def test_users_are_found_only_in_the_organisation_of_the_login(client, sso, personas):
    personas["stranger"].email = "worker@testkommun.se"  # the same address, elsewhere
    personas["stranger"].save()
    personas["worker"].email = "someone-else@testkommun.se"
    personas["worker"].save()
    sso_login(client, sso.organisation, "worker")
    assert SESSION_KEY not in client.session


def test_local_passwords_can_be_switched_off(client, sso, personas):
    from conftest import PASSWORD

    sso.password_login = False
    sso.save()
    login = reverse("accounts:login")
    response = client.post(login, {"username": "worker", "password": PASSWORD})
    assert response.status_code == 200 and SESSION_KEY not in client.session
    assert "signs in through its own login" in response.content.decode()
    # Other organisations' users still use their passwords.
    other = client.post(login, {"username": "stranger", "password": PASSWORD})
    assert other.status_code == 302
    client.logout()
    sso_login(client, sso.organisation, "worker")
    assert client.session[SESSION_KEY] == str(personas["worker"].pk)


def test_a_code_of_another_organisations_issuer_is_refused(client, sso, other_provider):
    """The callback carries a code from the other provider: the organisation's own token
    endpoint does not know it, and nobody is signed in."""
    start = client.get(reverse("sso:start", args=[sso.organisation.public_id]))
    ours = parse_qs(urlparse(start["Location"]).query)
    document = requests.get(f"{other_provider.issuer}/.well-known/openid-configuration").json()
    theirs = (
        document["authorization_endpoint"]
        + "?"
        + urlencode(
            {
                "client_id": other_provider.client_id,
                "response_type": "code",
                "scope": "openid email",
                "redirect_uri": CALLBACK,
                "state": ours["state"][0],
                "nonce": ours["nonce"][0],
            }
        )
    )
    back = log_in_at_provider(theirs, "worker")
    response = client.get(back.removeprefix("http://testserver"))
    assert response["Location"].endswith("?sso=failed") and SESSION_KEY not in client.session


def test_an_id_token_of_another_issuer_is_refused(sso, other_provider):
    """An ID token the other organisation's provider signed is not accepted for this one."""
    document = requests.get(f"{other_provider.issuer}/.well-known/openid-configuration").json()
    authorize = (
        document["authorization_endpoint"]
        + "?"
        + urlencode(
            {
                "client_id": other_provider.client_id,
                "response_type": "code",
                "scope": "openid email",
                "redirect_uri": CALLBACK,
                "state": "s",
                "nonce": "n",
            }
        )
    )
    code = parse_qs(urlparse(log_in_at_provider(authorize, "worker")).query)["code"][0]
    tokens = requests.post(
        document["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "client_id": other_provider.client_id,
            "client_secret": other_provider.client_secret,
        },
        timeout=10,
    ).json()
    backend = Backend()
    backend.sso, backend.sso_settings = sso, library_settings(sso)
    backend.OIDC_RP_SIGN_ALGO, backend.OIDC_RP_IDP_SIGN_KEY = "RS256", None
    backend.OIDC_OP_JWKS_ENDPOINT = backend.sso_settings["OIDC_OP_JWKS_ENDPOINT"]
    backend.request = RequestFactory().get("/")
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(tokens["id_token"], nonce="n")


def test_the_login_page_offers_each_organisations_login(client, sso):
    page = client.get(reverse("accounts:login")).content.decode()
    assert f"Log in with {sso.organisation.name}" in page
    assert reverse("sso:start", args=[sso.organisation.public_id]) in page
    sso.enabled = False
    sso.save()
    assert "Log in with" not in client.get(reverse("accounts:login")).content.decode()
    start = client.get(reverse("sso:start", args=[sso.organisation.public_id]))
    assert start.status_code == 404


def test_a_provider_that_does_not_answer_gets_a_message_not_an_error(client, sso):
    sso.issuer = "http://127.0.0.1:9"  # nothing listens there
    sso.save()
    start = client.get(reverse("sso:start", args=[sso.organisation.public_id]))
    assert start.status_code == 302 and start["Location"].endswith("?sso=failed")


@pytest.mark.parametrize("claim", [MatchClaim.USERNAME])
def test_users_can_be_found_by_username(client, sso, personas, claim):
    sso.match_claim = claim
    sso.save()
    # The provider sends no preferred_username for "worker": nobody is found.
    sso_login(client, sso.organisation, "worker")
    assert SESSION_KEY not in client.session


SETTINGS = reverse("organisations:single_sign_on")


def settings_data(provider, **changes):
    data = {
        "enabled": "on",
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "scopes": "openid email profile",
        "match_claim": "email",
        "role_claim": "groups",
        "role_lines": "samspel-leads = team_leader\nsamspel-workers = worker",
        "password_login": "on",
    }
    return {**data, **changes}


def test_the_administrator_sets_the_provider_up(client, login, personas, provider, organisation):
    login(personas["admin"])
    response = client.post(SETTINGS, settings_data(provider))
    assert response.status_code == 302
    sso = SingleSignOn.objects.get(organisation=organisation)
    assert sso.role_map == {"samspel-leads": "team_leader", "samspel-workers": "worker"}
    assert AuditEvent.objects.filter(
        action=Action.CREATE, object_type="organisations.singlesignon"
    ).exists()
    page = client.get(SETTINGS).content.decode()
    assert provider.client_secret not in page and "/organisation/sso/callback/" in page
    # Left empty, the stored secret stays.
    client.post(SETTINGS, settings_data(provider, client_secret="", password_login=""))
    sso.refresh_from_db()
    assert sso.client_secret == provider.client_secret and sso.password_login is False


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"issuer": "http://127.0.0.1:9"}, "issuer"),
        ({"issuer": "not a url"}, "issuer"),
        ({"role_lines": "samspel-leads = boss"}, "role_lines"),
        ({"client_secret": ""}, "client_secret"),
    ],
)
def test_a_provider_setting_with_a_problem_changes_nothing(
    client, login, personas, provider, changes, field
):
    login(personas["admin"])
    response = client.post(SETTINGS, settings_data(provider, **changes))
    assert response.status_code == 400 and field in response.context["form"].errors
    assert not SingleSignOn.objects.exists()


@pytest.mark.parametrize("persona", ["worker", "leader", "auditor"])
def test_the_settings_are_for_the_administrator(client, login, personas, provider, persona):
    login(personas[persona])
    assert client.get(SETTINGS).status_code == 404
    assert client.post(SETTINGS, settings_data(provider)).status_code == 404
