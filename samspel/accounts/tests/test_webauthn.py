"""WebAuthn endpoints with bad input: a clear, translated message and nothing changed (the
Chromium journey with a virtual authenticator is web/tests/browser/test_webauthn.py)."""

import json

import pytest
from django.urls import reverse

from samspel.accounts.models import WebAuthnDevice
from samspel.accounts.webauthn import CHALLENGE


def post_json(client, name, body):
    return client.post(reverse(name), body, content_type="application/json")


def test_options_keep_a_one_use_challenge(client, login, personas):
    login(personas["worker"])
    response = client.post(reverse("accounts:webauthn_register_options"))
    options = response.json()
    assert options["rp"]["id"] == "testserver" and options["challenge"]
    assert client.session[CHALLENGE]["purpose"] == "register"


@pytest.mark.parametrize(
    "body",
    ["not json", json.dumps([1, 2]), json.dumps({"credential": {"id": "x"}}), json.dumps({})],
)
def test_a_registration_that_is_no_answer_adds_nothing(client, login, personas, body):
    login(personas["worker"])
    client.post(reverse("accounts:webauthn_register_options"))
    response = post_json(client, "accounts:webauthn_register", body)
    assert response.status_code == 400
    assert response.json() == {"error": "The security key could not be added. Nothing was saved."}
    assert not WebAuthnDevice.objects.exists()
    # The challenge was used up: sending again needs new options.
    assert CHALLENGE not in client.session


def test_an_answer_without_a_challenge_is_refused(client, login, personas):
    login(personas["worker"])
    response = post_json(client, "accounts:webauthn_login", json.dumps({"credential": {}}))
    assert response.status_code == 400
    assert response.json()["error"] == "That security key was not accepted. Try again."


def test_a_user_with_a_second_factor_verifies_before_adding_a_key(client, personas):
    WebAuthnDevice.objects.create(
        user=personas["worker"], name="k", confirmed=True, credential_id=b"1", public_key=b"2"
    )
    client.force_login(personas["worker"])  # signed in, second factor not yet verified
    response = client.post(reverse("accounts:webauthn_register_options"))
    assert response.status_code == 403
    options = client.post(reverse("accounts:webauthn_login_options")).json()
    assert [c["id"] for c in options["allowCredentials"]] == ["MQ"]
    # The verify page offers the key and no code form.
    page = client.get(reverse("accounts:verify")).content.decode()
    assert 'data-webauthn="authenticate"' in page and 'id="id_code"' not in page


def test_no_key_no_options(client, login, personas):
    login(personas["worker"])
    assert client.post(reverse("accounts:webauthn_login_options")).status_code == 404
