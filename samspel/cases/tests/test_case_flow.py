import pytest

from samspel.cases.models import Case
from samspel.families.models import Family


@pytest.mark.django_db
def test_smoke(personas, client, team):
    w = personas["worker"]
    client.force_login(w)
    r = client.post(
        "/families/new/",
        {
            "family-name": "Familjen Test",
            "person-role": "child",
            "person-first_name": "Ada",
            "person-last_name": "Test",
            "person-personal_number": "20150101-0027",
            "person-protected_identity": "on",
            "person-address": "Hemliga gatan 1",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    f = Family.objects.get()
    r = client.get(f"/families/{f.public_id}/")
    assert r.status_code == 200
    child = f.persons.get()
    r = client.post(
        f"/cases/new/{f.public_id}/",
        {
            "focus_children": [child.pk],
            "programme": "fifa",
            "team": team.pk,
            "responsible": w.pk,
            "referred_on": "2026-11-01",
        },
    )
    assert r.status_code == 302, r.content.decode()[:6000]
    c = Case.objects.get()
    r = client.get(f"/cases/{c.public_id}/")
    assert r.status_code == 200
    assert "Hemliga" in r.content.decode()
    r = client.get("/cases/?q=Ada")
    assert c.number in r.content.decode()
    r = client.get("/cases/?q=20150101-0027")
    assert c.number in r.content.decode()
    client.force_login(personas["outsider"])
    assert client.get(f"/cases/{c.public_id}/").status_code == 404
    client.force_login(personas["leader"])
    r = client.get(f"/cases/{c.public_id}/")
    assert r.status_code == 200
    assert "Hemliga" not in r.content.decode()
