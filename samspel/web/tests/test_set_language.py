import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from conftest import translated

URL = reverse("web:set_language")
COOKIE = django_settings.LANGUAGE_COOKIE_NAME


def test_rejects_get(client, db):
    assert client.get(URL, {"language": "da"}).status_code == 405


@pytest.mark.parametrize("code", ["sv", "da", "en"])
def test_signed_in_user_keeps_the_choice(client, personas, login, code):
    worker = personas["worker"]
    login(worker)
    response = client.post(URL, {"language": code, "next": "/audit/"})
    assert response.status_code == 302
    assert response.url == "/audit/"
    assert response.cookies[COOKIE].value == code
    worker.refresh_from_db()
    assert worker.language == code


def test_choice_applies_to_the_next_page(client, personas, login):
    login(personas["worker"])
    client.post(URL, {"language": "da", "next": "/"})
    assert '<html lang="da">' in client.get("/").text


def test_anonymous_visitor_gets_the_cookie(client, db):
    response = client.post(URL, {"language": "da", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == "da"
    assert response.cookies[COOKIE]["samesite"] == "Lax"
    assert '<html lang="da">' in client.get("/accounts/login/").text


@pytest.mark.parametrize("code", ["xx", "", "de", "sv-SE' OR 1=1", "EN"])
def test_unknown_code_changes_nothing_and_says_so(client, personas, login, code):
    worker = personas["worker"]
    login(worker)
    response = client.post(URL, {"language": code, "next": "/"}, follow=True)
    assert response.status_code == 200
    assert "That language is not available." in response.text
    assert COOKIE not in client.cookies
    worker.refresh_from_db()
    assert worker.language == "en"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example", "javascript:alert(1)", ""]
)
def test_next_is_validated(client, db, target):
    response = client.post(URL, {"language": "sv", "next": target})
    assert response.status_code == 302
    assert response.url == "/"


def test_unknown_code_message_is_in_the_users_language(client, personas, login):
    worker = personas["worker"]
    worker.language = "sv"
    worker.save(update_fields=["language"])
    login(worker)
    response = client.post(URL, {"language": "xx", "next": "/"}, follow=True)
    assert translated("That language is not available.", "sv") in response.text
