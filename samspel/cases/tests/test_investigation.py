"""The investigation panel of the case page, through the test client posting its real forms:
the Swedish decision whether to open an investigation (SoL 11 kap. 1 a §) closes its 14-day
item on the worker's worklist; the investigation's start opens the 4-month item (SoL 11 kap. 2 §;
Barnets lov §20 in Denmark) with its explanation, and its end closes it. Bad input is refused
with a translated message and changes nothing; the views have the trio (wrong method, write
access, outsider 404) and a closed case refuses."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from conftest import make_danish_case, set_legal_basis, translated
from samspel.audit.models import Action, AuditEvent
from samspel.cases import services
from samspel.cases.models import CaseStatus
from samspel.cases.refusals import CASE_CLOSED
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case

DECISION_RULE = "law-se:investigation-decision"
SE_RULE = "law-se:investigation"
DK_RULE = "law-dk:investigation"
TODAY = timezone.localdate()
REFERRED = TODAY - dt.timedelta(days=60)


def _decision_url(case):
    return reverse("cases:investigation_decision", kwargs={"public_id": case.public_id})


def _investigation_url(case):
    return reverse("cases:investigation", kwargs={"public_id": case.public_id})


def _detail_url(case):
    return reverse("cases:detail", kwargs={"public_id": case.public_id})


def _day(days_after_referral: int) -> str:
    return (REFERRED + dt.timedelta(days=days_after_referral)).isoformat()


@pytest.fixture
def se_case(active_case):
    """The shared Swedish FIFA case, referred 60 days ago for an investigation (SoL 11:1)."""
    active_case.referred_on = REFERRED
    active_case.activated_on = REFERRED
    active_case.save()
    set_legal_basis(active_case, ["SoL 11:1"])
    recompute_case(active_case)
    return active_case


@pytest.fixture
def dk_worker(personas):
    return personas["stranger"]


@pytest.fixture
def dk_case(other_organisation, dk_worker):
    """A Danish case under Barnets lov §20, its worker the Danish persona."""
    return make_danish_case(
        other_organisation,
        dk_worker,
        legal_basis=["BL §20"],
        status=CaseStatus.ACTIVE,
        referred_on=REFERRED,
        activated_on=REFERRED,
    )


def _rules(case) -> set[str]:
    return set(DueItem.objects.filter(case=case).values_list("rule", flat=True))


def _state(case) -> tuple:
    case.refresh_from_db()
    return (
        case.investigation_decided_on,
        case.investigation_opened,
        case.investigation_decided_by_id,
        case.investigation_started_on,
        case.investigation_finished_on,
        sorted(DueItem.objects.filter(case=case).values_list("rule", "due_on")),
    )


def _on_worklist(client, rule: str) -> bool:
    return f'data-rule="{rule}"' in client.get(reverse("worklists:mine")).text


def _panel(text: str) -> str:
    start = text.index('class="investigation"')
    return text[start : text.index("</section>", start)]


def _msgid(message) -> str:
    """The English message id of a (lazy) message, whatever language is active."""
    with translation.override("en"):
        return str(message)


def _decide(client, case, days: int, opened: str = "yes"):
    return client.post(_decision_url(case), {"opened": opened, "decided_on": _day(days)})


# Sweden: the decision -------------------------------------------------------------------------


def test_recording_the_decision_takes_the_14_day_item_off_the_worklist(login, personas, se_case):
    client = login(personas["worker"])
    assert _on_worklist(client, DECISION_RULE)
    response = _decide(client, se_case, 9)
    assert response.status_code == 302 and response.url == _detail_url(se_case)
    assert not _on_worklist(client, DECISION_RULE)
    se_case.refresh_from_db()
    assert se_case.investigation_decided_on == REFERRED + dt.timedelta(days=9)
    assert se_case.investigation_opened is True
    assert se_case.investigation_decided_by == personas["worker"]
    assert AuditEvent.objects.filter(
        action=Action.UPDATE,
        object_id=str(se_case.public_id),
        detail__investigation_opened=True,
    ).exists()
    page = _panel(client.get(_detail_url(se_case)).text)
    assert "Opened" in page and "recorded by Worker Testsson" in page


def test_a_decision_not_to_open_closes_the_item_and_offers_no_investigation(
    login, personas, se_case
):
    client = login(personas["worker"])
    _decide(client, se_case, 3, opened="no")
    assert not _on_worklist(client, DECISION_RULE)
    assert not {DECISION_RULE, SE_RULE} & _rules(se_case)
    page = _panel(client.get(_detail_url(se_case)).text)
    assert "Not opened" in page
    assert f'action="{_investigation_url(se_case)}"' not in page
    # ... and a start cannot be recorded behind it.
    before = _state(se_case)
    client.post(_investigation_url(se_case), {"started_on": _day(5)})
    assert _state(se_case) == before


def test_the_start_opens_a_4_month_item_with_its_why_and_the_end_closes_it(
    login, personas, se_case
):
    client = login(personas["worker"])
    _decide(client, se_case, 2)
    started = REFERRED + dt.timedelta(days=4)
    response = client.post(_investigation_url(se_case), {"started_on": started.isoformat()})
    assert response.status_code == 302
    item = DueItem.objects.get(case=se_case, rule=SE_RULE)
    months = started.month + 3
    assert item.due_on.month == months % 12 + 1 and item.counts_from == started
    worklist = client.get(reverse("worklists:mine")).text
    assert f'data-rule="{SE_RULE}"' in worklist
    assert "SoL 11:2: within 4 months of the investigation&#x27;s start on" in worklist
    client.post(
        _investigation_url(se_case),
        {"started_on": started.isoformat(), "finished_on": _day(40)},
    )
    assert not _on_worklist(client, SE_RULE)
    se_case.refresh_from_db()
    assert se_case.investigation_finished_on == REFERRED + dt.timedelta(days=40)


# Denmark: §20 -----------------------------------------------------------------------------------


def test_dk_start_and_end_of_the_paragraph_20_investigation(client, dk_worker, dk_case):
    client.force_login(dk_worker)
    page = _panel(client.get(_detail_url(dk_case)).text)
    assert "Barnets lov §20" in page
    assert "SoL" not in page and "aktualisering" not in page
    assert _decision_url(dk_case) not in page
    client.post(_investigation_url(dk_case), {"started_on": _day(1)})
    item = DueItem.objects.get(case=dk_case, rule=DK_RULE)
    assert item.counts_from == REFERRED + dt.timedelta(days=1)
    worklist = client.get(reverse("worklists:mine")).text
    assert "Barnets lov §20: within 4 months of the investigation&#x27;s start on" in worklist
    client.post(_investigation_url(dk_case), {"started_on": _day(1), "finished_on": _day(30)})
    assert DK_RULE not in _rules(dk_case)


def test_dk_has_no_swedish_decision(client, dk_worker, dk_case):
    client.force_login(dk_worker)
    before = _state(dk_case)
    assert _decide(client, dk_case, 3).status_code == 404
    assert _state(dk_case) == before


def test_se_panel_has_no_danish_terms(login, personas, se_case):
    page = _panel(login(personas["worker"]).get(_detail_url(se_case)).text)
    assert "Barnets lov" not in page and "SoL 11 kap. 1 a §" in page


# Bad input ---------------------------------------------------------------------------------------

SE_BAD = [
    ("decision", {"opened": "yes", "decided_on": _day(-1)}, services.DECISION_BEFORE_REFERRAL),
    (
        "decision",
        {"opened": "yes", "decided_on": (TODAY + dt.timedelta(days=1)).isoformat()},
        "The date cannot be in the future.",
    ),
    (
        "decision",
        {"opened": "yes", "decided_on": (TODAY + dt.timedelta(days=3 * 365)).isoformat()},
        "The date cannot be in the future.",
    ),
    ("investigation", {"started_on": _day(1)}, services.START_BEFORE_DECISION),
    ("investigation", {"started_on": _day(10), "finished_on": _day(9)}, services.END_BEFORE_START),
    (
        "investigation",
        {"started_on": _day(10), "finished_on": (TODAY + dt.timedelta(days=1)).isoformat()},
        "The date cannot be in the future.",
    ),
]


@pytest.mark.parametrize("language", ["sv", "da"])
@pytest.mark.parametrize(("form", "data", "message"), SE_BAD)
def test_bad_input_is_refused_translated_and_changes_nothing(
    login, personas, se_case, language, form, data, message
):
    worker = personas["worker"]
    services.record_investigation_decision(
        se_case, by=worker, decided_on=REFERRED + dt.timedelta(days=5), opened=True
    )
    worker.language = language
    worker.save(update_fields=["language"])
    client = login(worker)
    before = _state(se_case)
    url = _decision_url(se_case) if form == "decision" else _investigation_url(se_case)
    response = client.post(url, data, follow=True)
    assert translated(_msgid(message), language) in response.text
    assert _state(se_case) == before


def test_the_start_needs_a_decision_to_open_first(login, personas, se_case):
    client = login(personas["worker"])
    before = _state(se_case)
    response = client.post(_investigation_url(se_case), {"started_on": _day(3)}, follow=True)
    assert str(services.DECIDE_FIRST) in response.text
    assert _state(se_case) == before


def test_a_started_investigation_cannot_be_decided_not_opened(login, personas, se_case):
    client = login(personas["worker"])
    _decide(client, se_case, 2)
    client.post(_investigation_url(se_case), {"started_on": _day(4)})
    before = _state(se_case)
    response = client.post(
        _decision_url(se_case), {"opened": "no", "decided_on": _day(2)}, follow=True
    )
    assert str(services.STARTED_NOT_OPENED) in response.text
    assert _state(se_case) == before


@pytest.mark.parametrize("language", ["da", "sv"])
def test_dk_end_before_start_is_refused_translated(client, dk_worker, dk_case, language):
    dk_worker.language = language
    dk_worker.save(update_fields=["language"])
    client.force_login(dk_worker)
    before = _state(dk_case)
    response = client.post(
        _investigation_url(dk_case), {"started_on": _day(10), "finished_on": _day(2)}, follow=True
    )
    assert translated(_msgid(services.END_BEFORE_START), language) in response.text
    assert _state(dk_case) == before


def test_another_organisations_case_is_not_found(login, personas, se_case, dk_case):
    """A worker posting another case's id (here one of another organisation) gets 404."""
    client = login(personas["worker"])
    before = _state(dk_case)
    assert client.post(_investigation_url(dk_case), {"started_on": _day(1)}).status_code == 404
    assert _decide(client, dk_case, 1).status_code == 404
    assert _state(dk_case) == before


# The trio and the closed case -------------------------------------------------------------------

URLS = [_decision_url, _investigation_url]


@pytest.mark.parametrize("url", URLS)
def test_wrong_method(login, personas, se_case, url):
    assert login(personas["worker"]).get(url(se_case)).status_code == 405


@pytest.mark.parametrize("url", URLS)
def test_read_only_access_is_refused(login, reader, se_case, url):
    before = _state(se_case)
    data = {"opened": "yes", "decided_on": _day(2), "started_on": _day(3)}
    assert login(reader).post(url(se_case), data).status_code == 403
    assert _state(se_case) == before


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_outsiders_get_404(login, personas, se_case, url, persona):
    before = _state(se_case)
    data = {"opened": "yes", "decided_on": _day(2), "started_on": _day(3)}
    assert login(personas[persona]).post(url(se_case), data).status_code == 404
    assert _state(se_case) == before


@pytest.mark.parametrize("url", URLS)
def test_a_closed_case_refuses(login, personas, se_case, url):
    services.record_investigation_decision(
        se_case, by=personas["worker"], decided_on=REFERRED + dt.timedelta(days=2), opened=True
    )
    se_case.status = CaseStatus.CLOSED
    se_case.closed_on = TODAY
    se_case.save(update_fields=["status", "closed_on"])
    before = _state(se_case)
    data = {"opened": "no", "decided_on": _day(3), "started_on": _day(4)}
    response = login(personas["worker"]).post(url(se_case), data, follow=True)
    assert str(CASE_CLOSED) in response.text
    assert _state(se_case) == before
    assert "Record the decision" not in _panel(response.text)


def test_services_refuse_a_closed_case(personas, se_case):
    se_case.status = CaseStatus.CLOSED
    se_case.closed_on = TODAY
    se_case.save(update_fields=["status", "closed_on"])
    with pytest.raises(services.Refused):
        services.record_investigation_decision(
            se_case, by=personas["worker"], decided_on=REFERRED, opened=True
        )
    with pytest.raises(services.Refused):
        services.record_investigation(se_case, by=personas["worker"], started_on=REFERRED)
