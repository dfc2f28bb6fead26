from samspel.plans.tests.helpers import assert_outsiders_get_404, url


def test_lists_every_version_with_its_snapshot(client, personas, case, full_plan):
    client.force_login(personas["buddy"])
    response = client.get(url("history", case, full_plan))
    assert response.status_code == 200
    page = response.content.decode()
    assert full_plan.revisions.count() == full_plan.version
    for version in range(1, full_plan.version + 1):
        assert f'id="revision-{version}"' in page
        assert f'id="version-{version}"' in page
    assert "Plan written" in page
    assert "Sub-goal added" in page
    assert "Ekens skola, mentor" in page  # from the snapshot


def test_an_old_version_shows_the_plan_as_it_was(client, personas, case, full_plan):
    client.force_login(personas["worker"])
    page = client.get(url("history", case, full_plan)).content.decode()
    first = page[page.index('id="version-1"') :]
    first = first[: first.index("</details>")]
    assert "No goals." in first
    second = page[page.index('id="version-2"') :]
    assert "No goals." not in second[: second.index("</details>")]


def test_read_only_users_may_read_it(client, case, full_plan, reader):
    client.force_login(reader)
    assert client.get(url("history", case, full_plan)).status_code == 200


def test_rejects_post(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.post(url("history", case, plan)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("history", case, plan))
