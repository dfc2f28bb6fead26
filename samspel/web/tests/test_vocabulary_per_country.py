"""The activity kinds, plan kinds, agencies and legal paragraphs a Swedish and a Danish
organisation are offered, in every form that offers them (samspel.programmes.vocabulary): each
country's own choices, a value of the other country kept on a record that has it, a POST of the
other country's value refused with nothing changed, and no page of one country naming the other
country's term."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from conftest import make_danish_case, make_user, translated
from samspel.activities.models import Activity, ActivityStatus, AgencyKind, ExternalAppointment
from samspel.cases.models import Case, CaseStatus
from samspel.organisations.models import Team
from samspel.plans.models import Plan
from samspel.plans.versioning import create_plan
from samspel.programmes import vocabulary

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)

SWEDISH_KINDS = {"consideration"}
DANISH_KINDS = {"supervision_visit"}
SWEDISH_PLANS = ["care_plan", "implementation_plan"]
DANISH_PLANS = ["child_plan"]
SWEDISH_AGENCIES = {
    "psychiatry",
    "school",
    "social_insurance",
    "employment_service",
    "health_care",
    "habilitation",
    "other",
}
DANISH_AGENCIES = {
    "psychiatry",
    "school",
    "ppr",
    "employment_service",
    "municipality",
    "health_care",
    "habilitation",
    "other",
}
# The other country's words, as a page of an organisation must not show them.
DANISH_TERMS = ["makker", "tilsyn", "handleplan", "barnets plan", "samvær", "(PPR)", "Jobcenter"]
DANISH_TERMS += ["(kommune)", "Serviceloven", "before 2024"]
SWEDISH_TERMS = ["medansvarig", "vårdplan", "genomförandeplan", "umgänge", "övervägande"]
SWEDISH_TERMS += ["Försäkringskassan", "Arbetsförmedlingen", "(BUP)"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def danish(other_organisation, personas):
    """A Danish worker's active case: a family, a child, Barnets lov §30 as its basis."""
    team = Team.objects.create(
        organisation=other_organisation, name="Team Nord", programme="sammen-om-familien"
    )
    worker = make_user(other_organisation, "dk-worker", team=team)
    case = make_danish_case(
        other_organisation,
        worker,
        team,
        legal_basis=["BL §30"],
        number="2026-0101",
        status=CaseStatus.ACTIVE,
        referred_on=dt.date(2026, 1, 2),
        activated_on=dt.date(2026, 1, 5),
    )
    return case, worker


@pytest.fixture
def swedish(active_case, personas):
    return active_case, personas["worker"]


def _options(page: str, name: str) -> list[str]:
    """The values of the options of the select (or the checkboxes) named `name`."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    if select:
        return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]
    return re.findall(rf'name="{name}" value="([^"]*)"', page)


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _urls(case: Case) -> dict[str, str]:
    case_id = {"case_id": case.public_id}
    return {
        "case": reverse("cases:detail", args=[case.public_id]),
        "case_edit": reverse("cases:edit", args=[case.public_id]),
        "activity_plan": reverse("activities:plan", kwargs=case_id),
        "plan_create": reverse("plans:create", kwargs=case_id),
        "appointment": reverse(
            "family_calendar:appointment_add", kwargs={"family_id": case.family.public_id}
        ),
    }


# -- the rule ---------------------------------------------------------------------------------


def test_the_rule_offers_each_countrys_own_values():
    def kinds(country, keep=""):
        return {
            v for v, _l in vocabulary.activity_kind_choices(country, [(k, k) for k in ALL], keep)
        }

    ALL = ["home_visit", "contact_visit", "supervision_visit", "consideration"]
    assert kinds("SE") == {"home_visit", "contact_visit", "consideration"}
    assert kinds("DK") == {"home_visit", "contact_visit", "supervision_visit"}
    assert "supervision_visit" in kinds("SE", keep="supervision_visit")
    plans = [(k, k) for k in ["care_plan", "implementation_plan", "child_plan"]]
    assert [v for v, _l in vocabulary.plan_kind_choices("SE", plans)] == SWEDISH_PLANS
    assert [v for v, _l in vocabulary.plan_kind_choices("DK", plans)] == DANISH_PLANS
    agencies = AgencyKind.choices
    assert {v for v, _l in vocabulary.agency_choices("SE", agencies)} == SWEDISH_AGENCIES
    assert {v for v, _l in vocabulary.agency_choices("DK", agencies)} == DANISH_AGENCIES


def test_the_legal_basis_lists_the_law_in_force_first_and_marks_the_repealed():
    choices = vocabulary.legal_basis_choices("DK")
    codes = [code for code, _label in choices]
    first_old = codes.index("SEL §11")
    assert all(code.startswith("BL ") for code in codes[:first_old])
    assert all(code.startswith("SEL ") for code in codes[first_old:])
    labels = dict(choices)
    assert str(labels["SEL §11"]).endswith("(before 2024)")
    assert "before" not in str(labels["BL §30"])
    assert not any("before" in str(label) for _c, label in vocabulary.legal_basis_choices("SE"))


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_country_labels_are_translated(language):
    for message in [
        "Co-responsible worker (medansvarig)",
        "Buddy (makker)",
        "Contact visit (umgänge)",
        "Contact visit (samvær)",
        "Child and adolescent psychiatry (BUP)",
        "Employment service (Arbetsförmedlingen)",
        "Educational psychology service (PPR)",
        "Other municipal service (kommune)",
        "Region (health care)",
        "%(code)s – %(title)s (before %(year)s)",
    ]:
        translated(message, language)


# -- the forms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "own_kinds", "other_kinds", "plans", "agencies", "basis"),
    [
        ("swedish", SWEDISH_KINDS, DANISH_KINDS, SWEDISH_PLANS, SWEDISH_AGENCIES, "SoL 4:1"),
        ("danish", DANISH_KINDS, SWEDISH_KINDS, DANISH_PLANS, DANISH_AGENCIES, "BL §30"),
    ],
)
def test_each_form_offers_the_countrys_choices(
    request, login, country, own_kinds, other_kinds, plans, agencies, basis
):
    case, worker = request.getfixturevalue(country)
    client = login(worker)
    urls = _urls(case)
    planned = _options(_page(client, urls["activity_plan"]), "kind")
    held = _options(_page(client, urls["case"]), "held-kind")
    for offered in [planned, held]:
        assert own_kinds <= set(offered)
        assert not other_kinds & set(offered)
        assert "home_visit" in offered
    assert _options(_page(client, urls["plan_create"]), "kind") == plans
    assert set(_options(_page(client, urls["appointment"]), "agency_kind")) == agencies
    legal = _options(_page(client, urls["case"]), "measure-paragraph")
    assert basis in legal
    country_code = case.organisation.jurisdiction
    assert legal == [code for code, _l in vocabulary.legal_basis_choices(country_code)]


def test_a_record_of_the_other_country_keeps_its_value_when_edited(login, swedish):
    case, worker = swedish
    client = login(worker)
    start = dt.datetime(2026, 3, 12, 9, tzinfo=dt.UTC)
    activity = Activity.objects.create(
        case=case,
        kind="supervision_visit",
        status=ActivityStatus.PLANNED,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        created_by=worker,
    )
    edit = reverse("activities:edit", args=[case.public_id, activity.public_id])
    assert "supervision_visit" in _options(_page(client, edit), "kind")
    plan = create_plan(case, worker, kind="child_plan", title="Gammal plan", starts_on=NOW.date())
    plan_edit = reverse("plans:edit", args=[case.public_id, plan.public_id])
    assert _options(_page(client, plan_edit), "kind") == [*SWEDISH_PLANS, "child_plan"]
    appointment = ExternalAppointment.objects.create(
        family=case.family,
        agency_kind="ppr",
        title="Möte",
        start=start,
        end=start + dt.timedelta(hours=1),
        created_by=worker,
    )
    appointment_edit = reverse(
        "family_calendar:appointment_edit",
        kwargs={"family_id": case.family.public_id, "appointment_id": appointment.public_id},
    )
    assert "ppr" in _options(_page(client, appointment_edit), "agency_kind")


# -- the refusals -----------------------------------------------------------------------------


def test_the_other_countrys_values_are_refused_and_nothing_changes(login, swedish):
    case, worker = swedish
    client = login(worker)
    urls = _urls(case)
    refused = "is not a kind used in your organisation"
    response = client.post(
        urls["activity_plan"],
        {
            "kind": "supervision_visit",
            "context": "home",
            "planned_start": "2026-03-12T10:00",
            "planned_end": "2026-03-12T11:00",
        },
    )
    assert response.status_code == 200
    assert refused in response.content.decode().replace("&#x27;", "'")
    held = reverse("activities:record_held", kwargs={"case_id": case.public_id})
    response = client.post(
        held, {"held-kind": "supervision_visit", "held-held_on": "2026-03-09", "held-minutes": "30"}
    )
    assert refused in response.content.decode().replace("&#x27;", "'")
    assert not Activity.objects.filter(case=case).exists()
    response = client.post(
        urls["plan_create"], {"kind": "child_plan", "title": "Plan", "starts_on": "2026-03-09"}
    )
    assert response.status_code == 200
    assert refused in response.content.decode().replace("&#x27;", "'")
    assert not Plan.objects.filter(case=case).exists()
    response = client.post(
        urls["appointment"],
        {
            "agency_kind": "ppr",
            "title": "Möte",
            "start": "2026-03-12T13:00",
            "end": "2026-03-12T14:00",
        },
    )
    assert response.status_code == 200
    assert "Choose one of the agencies in the list." in response.content.decode()
    assert not ExternalAppointment.objects.exists()


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_refusal_is_in_the_users_language(login, swedish, language):
    case, worker = swedish
    worker.language = language
    worker.save(update_fields=["language"])
    data = {"kind": "child_plan", "title": "Plan", "starts_on": "2026-03-09"}
    response = login(worker).post(_urls(case)["plan_create"], data)
    message = translated(
        "%(value)s is not a kind used in your organisation's country. Choose one from the list.",
        language,
    )
    assert message % {"value": "child_plan"} in response.content.decode()
    assert not Plan.objects.filter(case=case).exists()


# -- the pages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "foreign"), [("swedish", DANISH_TERMS), ("danish", SWEDISH_TERMS)]
)
def test_no_page_names_the_other_countrys_terms(request, login, country, foreign):
    case, worker = request.getfixturevalue(country)
    client = login(worker)
    urls = _urls(case)
    for name in ["case", "case_edit", "activity_plan", "plan_create", "appointment"]:
        page = _page(client, urls[name]).lower()
        for term in foreign:
            assert term.lower() not in page, f"{term!r} on the {country} {name} page"
