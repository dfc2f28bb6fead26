import pytest

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import Case


def _data(child, team, worker, **changes):
    data = {
        "focus_children": [child.pk],
        "programme": team.programme,
        "team": team.pk,
        "responsible": worker.pk,
        "referred_on": "2026-11-01",
    }
    data.update(changes)
    return data


@pytest.fixture
def url(family):
    return f"/cases/new/{family.public_id}/"


def test_opens_a_case_with_a_number_and_audit(client, personas, family, child, team, url):
    client.force_login(personas["worker"])
    response = client.post(url, _data(child, team, personas["worker"]))
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.number == "2026-0001"
    assert not case.measures.exists()  # the legal basis is added as measures on the case page
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(case.public_id)).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"focus_children": []}, "Choose at least one focus child"),
        ({"programme": "bfamily"}, "This team does not run the chosen working model."),
        ({"programme": "familjelotsen"}, "Select a valid choice"),
        ({"referred_on": "2026-02-30"}, "Enter a valid date"),
        ({"referred_on": "9999-12-31"}, "The date cannot be more than a year from today."),
        ({"referred_on": "0001-01-01"}, "The date cannot be before 1900."),
    ],
)
def test_bad_input_changes_nothing(client, personas, child, team, url, changes, message):
    client.force_login(personas["worker"])
    response = client.post(url, _data(child, team, personas["worker"], **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Case.objects.exists()


def test_buddy_must_differ_and_responsible_must_be_in_team(client, personas, child, team, url):
    client.force_login(personas["worker"])
    data = _data(child, team, personas["outsider"], buddy=personas["outsider"].pk)
    content = client.post(url, data).content.decode()
    assert "The buddy must be someone other than the responsible." in content
    assert "The responsible worker must belong to the team." in content
    assert not Case.objects.exists()


def test_outsider_cannot_open_a_case_on_someone_elses_family(client, personas, url, child, team):
    client.force_login(personas["stranger"])
    assert client.post(url, _data(child, team, personas["stranger"])).status_code == 404
    assert not Case.objects.exists()


def test_wrong_method(client, personas, url):
    client.force_login(personas["worker"])
    assert client.put(url).status_code == 405
