"""A placement's home or unit is an entry of the organisation's network register (ISSUE10 item 3),
through the test client posting the case page's placement form: an existing family home or
unit is picked, or a new one is named and registered then; either joins the case's network as
an actor once; a home of another organisation (a forged POST) is refused with a translated
message and nothing changes; every row written is audited."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import make_danish_case, translated
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import Placement
from samspel.cases.refusals import Refused
from samspel.cases.services import NOT_A_HOME
from samspel.network.models import CaseActor, ExternalOrganisation, OrganisationKind
from samspel.network.placements import record_placement_in_home
from samspel.network.services import NewOrganisation


@pytest.fixture
def family_home(organisation):
    return ExternalOrganisation.objects.create(
        organisation=organisation, kind=OrganisationKind.FOSTER_HOME, name="Familjehemmet Lund"
    )


@pytest.fixture
def foreign_home(other_organisation):
    return ExternalOrganisation.objects.create(
        organisation=other_organisation, kind=OrganisationKind.FOSTER_HOME, name="Plejefamilien"
    )


def _url(case):
    return reverse("network:placement_add", args=[case.public_id])


def _posted(child, **fields):
    data = {
        "placement-child": str(child.public_id),
        "placement-started_on": "2026-02-01",
        "placement-form": "familjehem",
        "placement-legal_ground": "SoL 6:1",
    }
    return {**data, **{f"placement-{name}": value for name, value in fields.items()}}


def _state(case) -> tuple:
    return (
        sorted(Placement.objects.filter(case=case).values_list("pk", "home_id")),
        sorted(CaseActor.objects.filter(case=case).values_list("pk", flat=True)),
        sorted(ExternalOrganisation.objects.values_list("pk", flat=True)),
    )


def _created(model_object) -> bool:
    return AuditEvent.objects.filter(
        action=Action.CREATE, object_id=str(model_object.public_id)
    ).exists()


def test_an_existing_family_home_is_picked_and_joins_the_network(
    login, personas, case, child, family_home, school
):
    client = login(personas["worker"])
    page = client.get(reverse("cases:detail", args=[case.public_id])).text
    assert f'value="{family_home.public_id}"' in page
    assert "Family home (familjehem)" in page
    assert f'value="{school.public_id}"' not in page  # a school is no home
    response = client.post(_url(case), _posted(child, home=family_home.public_id))
    assert response.status_code == 302
    placement = Placement.objects.get(case=case)
    assert placement.home == family_home
    actor = CaseActor.objects.get(case=case)
    assert (actor.external_organisation, actor.role) == (family_home, "Placement home or unit")
    assert _created(placement) and _created(actor)
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(placement.public_id))
    assert event.detail["home"] == str(family_home.public_id)
    page = client.get(reverse("cases:detail", args=[case.public_id])).text
    assert "Familjehemmet Lund" in page


@pytest.mark.parametrize(
    ("form", "kind"),
    [("familjehem", OrganisationKind.FOSTER_HOME), ("hvb", OrganisationKind.RESIDENTIAL_UNIT)],
)
def test_a_new_home_is_registered_inline(login, personas, case, child, form, kind):
    client = login(personas["worker"])
    response = client.post(_url(case), _posted(child, form=form, new_home="  Hemmet  Ek "))
    assert response.status_code == 302
    home = ExternalOrganisation.objects.get(name="Hemmet Ek")
    assert (home.organisation, home.kind) == (case.organisation, kind)
    assert Placement.objects.get(case=case).home == home
    assert CaseActor.objects.filter(case=case, external_organisation=home).count() == 1
    assert _created(home)


def test_the_home_is_linked_once_not_twice(login, personas, case, child, family_home):
    client = login(personas["worker"])
    client.post(_url(case), _posted(child, home=family_home.public_id))
    client.post(_url(case), _posted(child, home=family_home.public_id, started_on="2026-03-01"))
    assert Placement.objects.filter(case=case, home=family_home).count() == 2
    assert CaseActor.objects.filter(case=case, external_organisation=family_home).count() == 1


def test_a_home_already_on_the_case_in_another_role_is_not_linked_again(
    login, personas, case, child, family_home
):
    CaseActor.objects.create(
        case=case, external_organisation=family_home, role="Jourhem", added_by=personas["worker"]
    )
    login(personas["worker"]).post(_url(case), _posted(child, home=family_home.public_id))
    assert Placement.objects.get(case=case).home == family_home
    assert list(CaseActor.objects.filter(case=case).values_list("role", flat=True)) == ["Jourhem"]


def test_no_home_recorded_links_nothing(login, personas, case, child):
    response = login(personas["worker"]).post(_url(case), _posted(child))
    assert response.status_code == 302
    assert Placement.objects.get(case=case).home is None
    assert not CaseActor.objects.filter(case=case).exists()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_home_of_another_organisation_is_refused(
    login, personas, case, child, foreign_home, language
):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    before = _state(case)
    response = login(worker).post(
        _url(case), _posted(child, home=foreign_home.public_id), follow=True
    )
    with translation.override("en"):
        message = str(NOT_A_HOME)
    shown = translated(message, language) if language == "sv" else message.replace("'", "&#x27;")
    assert shown in response.text
    assert _state(case) == before


def test_a_home_of_another_organisation_is_refused_by_the_write_path(
    personas, case, child, foreign_home
):
    before = _state(case)
    with pytest.raises(Refused):
        record_placement_in_home(
            case,
            child,
            by=personas["worker"],
            started_on=dt.date(2026, 2, 1),
            form="familjehem",
            legal_ground="SoL 6:1",
            home=foreign_home,
        )
    assert _state(case) == before


def test_a_refused_placement_registers_no_new_home(personas, case, child):
    before = _state(case)
    with pytest.raises(Refused):
        record_placement_in_home(
            case,
            child,
            by=personas["worker"],
            started_on=dt.date(2026, 2, 1),
            form="plejefamilie",  # Danish: refused in a Swedish organisation
            legal_ground="SoL 6:1",
            home=NewOrganisation(kind=OrganisationKind.FOSTER_HOME, name="Hemmet Ek"),
        )
    assert _state(case) == before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"new_home": "familjehemmet lund"},
            "familjehemmet lund is already registered: choose it from the list.",
        ),
        (
            {"new_home": "Solbackaskolan"},
            "is registered in your organisation&#x27;s network as another kind",
        ),
        (
            {"new_home": "Hemmet Ek", "home": "PICKED"},
            "Choose a home from the list or name a new one, not both.",
        ),
    ],
)
def test_a_new_home_that_clashes_is_refused(
    login, personas, case, child, family_home, school, fields, message
):
    if fields.get("home") == "PICKED":
        fields = {**fields, "home": family_home.public_id}
    before = _state(case)
    response = login(personas["worker"]).post(_url(case), _posted(child, **fields), follow=True)
    assert message in response.text
    assert _state(case) == before


def test_the_danish_form_names_its_homes_in_danish_words(client, personas, other_organisation):
    stranger = personas["stranger"]
    dk_case = make_danish_case(other_organisation, stranger, legal_basis=["BL §32"])
    ExternalOrganisation.objects.create(
        organisation=other_organisation, kind=OrganisationKind.FOSTER_HOME, name="Familien Holst"
    )
    client.force_login(stranger)
    page = client.get(reverse("cases:detail", args=[dk_case.public_id])).text
    assert "Familien Holst (Foster family (plejefamilie))" in page
    assert "familjehem" not in page.lower()


def test_the_views_trio(client, login, personas, case, child, family_home):
    url = _url(case)
    assert login(personas["worker"]).get(url).status_code == 405
    before = _state(case)
    reader = personas["outsider"]
    assert login(reader).post(url, _posted(child, home=family_home.public_id)).status_code == 404
    assert _state(case) == before


def test_a_new_home_registered_meanwhile_is_refused_not_a_crash(personas, case, child, family_home):
    """The form checks the name; a colleague may have registered it between form and write."""
    before = _state(case)
    with pytest.raises(Refused) as refused:
        record_placement_in_home(
            case,
            child,
            by=personas["worker"],
            started_on=dt.date(2026, 2, 1),
            form="familjehem",
            legal_ground="SoL 6:1",
            home=NewOrganisation(kind=OrganisationKind.FOSTER_HOME, name=family_home.name),
        )
    assert "already registered" in str(refused.value)
    assert _state(case) == before
