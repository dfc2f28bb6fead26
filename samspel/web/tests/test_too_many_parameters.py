"""More parameters than Django parses (DATA_UPLOAD_MAX_NUMBER_FIELDS, 1,000) is a bad request:
Samspel's translated 400 page, never a server error, and nothing is changed."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from conftest import translated
from samspel.cases.models import CaseStatus

TOO_MANY = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1


def _client(user) -> Client:
    """A client that checks CSRF as a browser's request is checked, and holds a CSRF cookie
    (the error pages' own CSRF check is what turned the 400 into a 500)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("web:home"))
    return client


def _swedish(user):
    user.language = "sv"
    user.save(update_fields=["language"])
    return user


@pytest.mark.parametrize("path", ["/", "/cases/", "/calendar/", "/no-such-page/"])
def test_a_query_string_with_too_many_parameters_is_a_bad_request(personas, path):
    client = _client(_swedish(personas["worker"]))
    query = "&".join(f"p{n}=1" for n in range(TOO_MANY))
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert translated("Bad request", "sv") in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/cases/", "/no-such-page/", "/accounts/login/"])
def test_a_post_with_too_many_fields_is_a_bad_request(personas, path):
    client = _client(_swedish(personas["worker"]))
    response = client.post(path, {f"p{n}": "1" for n in range(TOO_MANY)})
    assert response.status_code == 400
    assert translated("The request could not be understood. Nothing was changed.", "sv") in (
        response.content.decode()
    )


def test_a_status_change_with_too_many_fields_changes_nothing(personas, case):
    client = Client()
    client.force_login(personas["worker"])
    data = {f"p{n}": "1" for n in range(TOO_MANY)}
    data.update(status=CaseStatus.ACTIVE, on="2026-01-05")
    response = client.post(reverse("cases:status", args=[case.public_id]), data)
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status != CaseStatus.ACTIVE


def test_a_thousand_parameters_are_still_read(personas):
    client = _client(personas["worker"])
    query = "&".join(f"p{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS))
    assert client.get(f"/cases/?{query}").status_code == 200
