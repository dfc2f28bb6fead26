"""Samspel's own error pages (404, 403, 500), in the reader's language."""

from unittest import mock

import pytest
from django.urls import reverse

from conftest import translated

LANGUAGES = ["sv", "da", "en"]


def _in(language: str, message: str) -> str:
    return message if language == "en" else translated(message, language)


def _speaking(user, language):
    user.language = language
    user.save()
    return user


@pytest.fixture
def failing_home(client):
    client.raise_request_exception = False
    with mock.patch("samspel.web.views.due_summary", side_effect=RuntimeError("broken")):
        yield client


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_is_samspels_own_page_in_the_readers_language(client, personas, language):
    client.force_login(_speaking(personas["worker"], language))
    response = client.get("/cases/no-such-case/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f"<h1>{_in(language, 'Not found')}</h1>" in page
    assert _in(language, "Go to the start page") in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_403_is_samspels_own_page_in_the_readers_language(client, case, reader, language):
    client.force_login(_speaking(reader, language))
    response = client.post(reverse("cases:edit", args=[case.public_id]), {"number": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert f"<h1>{_in(language, 'Not allowed')}</h1>" in page
    assert _in(language, "You can see this, but you may not change it.") in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_500_is_samspels_own_page_with_the_request_id(failing_home, personas, language):
    failing_home.force_login(_speaking(personas["worker"], language))
    response = failing_home.get(reverse("web:home"))
    assert response.status_code == 500
    page = response.content.decode()
    assert f"<h1>{_in(language, 'Something went wrong')}</h1>" in page
    assert _in(language, "Go to the start page") in page
    assert f'lang="{language}"' in page
    assert response["X-Request-ID"] in page
    assert "broken" not in page and "Traceback" not in page
    assert response["Cache-Control"] == "no-store"


def test_500_falls_back_to_plain_text_when_its_template_fails(failing_home, personas):
    failing_home.force_login(personas["worker"])
    with mock.patch("samspel.web.views.loader.get_template", side_effect=ValueError("manifest")):
        response = failing_home.get(reverse("web:home"))
    assert response.status_code == 500
    assert "Noget gik galt" in response.content.decode()
