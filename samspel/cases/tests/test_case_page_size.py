"""The case page lists no colleague: its size and its query count do not grow with the number of
users in the organisation (the access form and the other colleague fields are search fields)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samspel.accounts.models import Role, User


def _add_colleagues(organisation, how_many: int) -> None:
    User.objects.bulk_create(
        User(
            username=f"colleague-{number}",
            first_name="Kollega",
            last_name=f"Nummer{number}",
            organisation=organisation,
            role=Role.WORKER if number % 5 else Role.TEAM_LEADER,
            password="!",
        )
        for number in range(how_many)
    )


def _page(client, case) -> tuple[int, int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:detail", args=[case.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    return len(queries), len(html.encode()), html


def test_the_case_page_does_not_grow_with_the_organisations_users(
    client, personas, active_case, organisation
):
    client.force_login(personas["worker"])
    assert User.objects.filter(organisation=organisation).count() <= 6  # the personas
    client.get(reverse("cases:detail", args=[active_case.public_id]))  # warm the caches
    few_queries, few_bytes, few_html = _page(client, active_case)
    _add_colleagues(organisation, 200 - User.objects.filter(organisation=organisation).count())
    many_queries, many_bytes, many_html = _page(client, active_case)
    assert User.objects.filter(organisation=organisation).count() == 200
    assert many_queries == few_queries
    # The same page but for the CSRF token and the times: not a byte per colleague.
    assert abs(many_bytes - few_bytes) < 200
    assert "colleague-1" not in many_html
    assert 'list="user-suggestions"' in many_html
