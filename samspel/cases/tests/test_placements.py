"""Placements on the case page (ISSUE10 item 3), through the test client posting the real forms:
a Swedish family-home placement puts the övervägande (SoL 6:8, LVU 13 §, every 6 months) and the
custody-transfer consideration (2 years, then yearly) on the worker's worklist, counted from the
placement's start; ending it as unplanned with a reason takes them off. A Danish placement gets
the supervision visit (at most 6 months apart). Bad input is refused with a translated message
and changes nothing; the views have the trio and a closed case refuses."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from conftest import make_danish_case, translated
from samspel.cases import services
from samspel.cases.models import CaseStatus, Placement
from samspel.cases.refusals import CASE_CLOSED
from samspel.followup.models import DueItem
from samspel.followup.recompute import facts_for_case, recompute_case

NOW = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)
CONSIDERATION, CUSTODY = "law-se:consideration", "law-se:custody-transfer"
SUPERVISION = "law-dk:supervision-visit"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def se_case(active_case, child):
    child.birth_date = dt.date(2015, 4, 1)
    child.save(update_fields=["birth_date"])
    recompute_case(active_case)
    return active_case


@pytest.fixture
def dk_worker(personas):
    return personas["stranger"]


@pytest.fixture
def dk_case(other_organisation, dk_worker):
    return make_danish_case(
        other_organisation,
        dk_worker,
        legal_basis=["BL §32"],
        status=CaseStatus.ACTIVE,
        referred_on=dt.date(2026, 1, 2),
        activated_on=dt.date(2026, 1, 5),
    )


def _add_url(case):
    return reverse("network:placement_add", args=[case.public_id])


def _end_url(placement):
    return reverse("cases:placement_end", args=[placement.case.public_id, placement.public_id])


def _placement(child, started="2025-08-31", form="familjehem", ground="SoL 6:1", home=""):
    return {
        "placement-child": str(child.public_id),
        "placement-started_on": started,
        "placement-form": form,
        "placement-legal_ground": ground,
        "placement-new_home": home or "Familjehemmet Lund",
    }


def _end(ended="2026-03-10", kind="unplanned", reason="child_behaviour"):
    return {"end-ended_on": ended, "end-end_kind": kind, "end-end_reason": reason}


def _msgid(message) -> str:
    """The English message id of a (lazy) message, whatever language is active."""
    with translation.override("en"):
        return str(message)


def _items(case) -> dict[str, dt.date]:
    return dict(DueItem.objects.filter(case=case).values_list("rule", "due_on"))


def _state(case) -> tuple:
    return (
        sorted(Placement.objects.filter(case=case).values_list("started_on", "ended_on", "form")),
        sorted(_items(case).items()),
    )


# The statutes' numbers, counted from the placement's start -----------------------------------


@pytest.mark.parametrize(
    ("started", "consideration", "custody"),
    [
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28), dt.date(2027, 8, 31)),  # a month's end
        (dt.date(2024, 2, 29), dt.date(2024, 8, 29), dt.date(2026, 2, 28)),  # a leap day
        (dt.date(2026, 1, 10), dt.date(2026, 7, 10), dt.date(2028, 1, 10)),
    ],
)
def test_se_consideration_every_6_months_custody_at_2_years(
    personas, se_case, child, started, consideration, custody
):
    services.record_placement(
        se_case,
        child,
        by=personas["worker"],
        started_on=started,
        form="familjehem",
        legal_ground="LVU 2 §",
    )
    items = _items(se_case)
    assert items[CONSIDERATION] == consideration
    assert items[CUSTODY] == custody


def test_dk_supervision_visit_within_6_months(dk_worker, dk_case):
    child = dk_case.focus_children.get()
    services.record_placement(
        dk_case,
        child,
        by=dk_worker,
        started_on=dt.date(2026, 1, 15),
        form="plejefamilie",
        legal_ground="BL §32",
    )
    assert _items(dk_case)[SUPERVISION] == dt.date(2026, 7, 15)


def test_the_earliest_current_placement_counts_and_an_ended_one_stops(personas, se_case, child):
    worker = personas["worker"]
    first = services.record_placement(
        se_case,
        child,
        by=worker,
        started_on=dt.date(2025, 1, 10),
        form="hvb",
        legal_ground="SoL 6:1",
    )
    assert facts_for_case(se_case).placement_started_on == dt.date(2025, 1, 10)
    services.end_placement(first, by=worker, ended_on=dt.date(2025, 6, 1), end_kind="planned")
    assert facts_for_case(se_case).placement_started_on is None
    assert CONSIDERATION not in _items(se_case)
    services.record_placement(
        se_case,
        child,
        by=worker,
        started_on=dt.date(2025, 6, 1),
        form="familjehem",
        legal_ground="SoL 6:1",
    )
    assert _items(se_case)[CONSIDERATION] == dt.date(2025, 12, 1)


# Through the views -----------------------------------------------------------------------------


def test_a_family_home_placement_puts_its_items_on_the_worklist_and_an_unplanned_end_takes_them(
    login, personas, se_case, child
):
    client = login(personas["worker"])
    page = client.get(reverse("cases:detail", args=[se_case.public_id])).text
    assert "Familjehem" in page or "familjehem" in page
    assert "plejefamilie" not in page
    response = client.post(_add_url(se_case), _placement(child))
    assert response.status_code == 302
    placement = Placement.objects.get(case=se_case)
    assert (placement.form, placement.legal_ground) == ("familjehem", "SoL 6:1")
    worklist = client.get(reverse("worklists:mine")).text
    assert f'data-rule="{CONSIDERATION}"' in worklist
    assert f'data-rule="{CUSTODY}"' in worklist
    assert (
        "Familjehemmet Lund" in client.get(reverse("cases:detail", args=[se_case.public_id])).text
    )
    response = client.post(_end_url(placement), _end())
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.ended_on, placement.end_kind, placement.end_reason) == (
        dt.date(2026, 3, 10),
        "unplanned",
        "child_behaviour",
    )
    worklist = client.get(reverse("worklists:mine")).text
    assert f'data-rule="{CONSIDERATION}"' not in worklist
    assert f'data-rule="{CUSTODY}"' not in worklist


def test_the_danish_page_offers_no_swedish_form(client, dk_worker, dk_case):
    client.force_login(dk_worker)
    page = client.get(reverse("cases:detail", args=[dk_case.public_id])).text
    assert 'value="plejefamilie"' in page
    assert 'value="familjehem"' not in page
    assert "LVU" not in page


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"placement-started_on": "2027-01-01"}, "A placement cannot be dated in the future."),
        ({"placement-form": "plejefamilie"}, services.NOT_THIS_COUNTRY),
        ({"placement-legal_ground": "BL §32"}, services.NOT_THIS_COUNTRY),
        ({"placement-started_on": "2014-01-01"}, services.PLACED_BEFORE_BIRTH),
    ],
)
def test_bad_placements_are_refused_translated(
    login, personas, se_case, child, data, message, language
):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    client = login(worker)
    before = _state(se_case)
    response = client.post(_add_url(se_case), {**_placement(child), **data}, follow=True)
    text = escape(_msgid(message)) if language == "en" else translated(_msgid(message), language)
    assert text in response.text
    assert _state(se_case) == before


def test_a_child_of_another_family_is_refused(login, personas, se_case, dk_case):
    other_child = dk_case.focus_children.get()
    before = _state(se_case)
    response = login(personas["worker"]).post(
        _add_url(se_case), _placement(other_child), follow=True
    )
    assert str(services.NOT_A_FOCUS_CHILD) in response.text
    assert _state(se_case) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_end(ended="2025-08-01"), services.PLACEMENT_END_BEFORE_START),
        (_end(ended="2027-01-01"), "A placement cannot be dated in the future."),
        (_end(reason=""), services.UNPLANNED_NEEDS_REASON),
    ],
)
def test_bad_ends_are_refused_and_change_nothing(login, personas, se_case, child, data, message):
    placement = services.record_placement(
        se_case,
        child,
        by=personas["worker"],
        started_on=dt.date(2025, 8, 31),
        form="familjehem",
        legal_ground="SoL 6:1",
    )
    before = _state(se_case)
    worker = personas["worker"]
    client = login(worker)
    assert _msgid(message) in client.post(_end_url(placement), data, follow=True).text
    worker.language = "sv"
    worker.save(update_fields=["language"])
    sv = login(worker).post(_end_url(placement), data, follow=True).text
    assert translated(_msgid(message), "sv") in sv
    assert _state(se_case) == before


# The trio and the closed case -------------------------------------------------------------------


@pytest.fixture
def placement(personas, se_case, child):
    return services.record_placement(
        se_case,
        child,
        by=personas["worker"],
        started_on=dt.date(2025, 8, 31),
        form="familjehem",
        legal_ground="SoL 6:1",
    )


def _urls(placement):
    return [_add_url(placement.case), _end_url(placement)]


def _data(child):
    return {**_placement(child, started="2025-09-01"), **_end()}


@pytest.mark.parametrize("which", [0, 1])
def test_wrong_method(login, personas, placement, which):
    assert login(personas["worker"]).get(_urls(placement)[which]).status_code == 405


@pytest.mark.parametrize("which", [0, 1])
def test_read_only_access_is_refused(login, reader, placement, child, which):
    before = _state(placement.case)
    assert login(reader).post(_urls(placement)[which], _data(child)).status_code == 403
    assert _state(placement.case) == before


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_outsiders_get_404(login, personas, placement, child, which, persona):
    before = _state(placement.case)
    response = login(personas[persona]).post(_urls(placement)[which], _data(child))
    assert response.status_code == 404
    assert _state(placement.case) == before


@pytest.mark.parametrize("which", [0, 1])
def test_a_closed_case_refuses(login, personas, placement, child, which):
    case = placement.case
    case.status = CaseStatus.CLOSED
    case.closed_on = dt.date(2026, 3, 19)
    case.save(update_fields=["status", "closed_on"])
    before = _state(case)
    response = login(personas["worker"]).post(_urls(placement)[which], _data(child), follow=True)
    assert str(CASE_CLOSED) in response.text
    assert _state(case) == before
    assert "Record a placement" not in response.text
    with pytest.raises(services.Refused):
        services.end_placement(
            placement, by=personas["worker"], ended_on=dt.date(2026, 3, 1), end_kind="planned"
        )
