"""The demo's placements, recorded through the case write path: every active case of the Swedish
family-home team has a placed child with its övervägande item, one placement is about two
years old so its custody-transfer consideration is due within the week or overdue by weeks, and a
Danish placement has its supervision visits. Seeded as on a fixed day and on today."""

import pytest
from django.utils import timezone

from samspel.activities.models import Activity, ActivityKind, Context
from samspel.activities.services import record_held
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import Case, CaseStatus, Placement
from samspel.demo.tests.conftest import MONTH_END, seeded_demo
from samspel.demo.world import DANISH_ORG, SWEDISH_ORG
from samspel.followup.models import DueItem
from samspel.organisations import programmes
from samspel.programmes.definitions import Duration

CONSIDERATION, CUSTODY = "law-se:consideration", "law-se:custody-transfer"


@pytest.fixture(
    scope="module",
    params=[None, MONTH_END],
    ids=["today", "month-end"],
)
def seeded_on(request, django_db_setup, django_db_blocker):
    with seeded_demo(django_db_blocker, request.param):
        yield


def _items(rule: str, cases) -> dict[int, DueItem]:
    return {item.case_id: item for item in DueItem.objects.filter(rule=rule, case__in=cases)}


def test_every_active_family_home_case_has_a_placed_child_and_its_consideration(db, seeded_on):
    cases = Case.objects.filter(
        organisation__name=SWEDISH_ORG,
        programme=programmes.FOSTER_HOME_PROCESS,
        status=CaseStatus.ACTIVE,
    )
    placed = Placement.objects.filter(case__in=cases, ended_on=None)
    assert set(placed.values_list("case_id", flat=True)) == set(cases.values_list("pk", flat=True))
    assert set(placed.values_list("form", flat=True)) <= {"familjehem", "natverkshem"}
    assert set(_items(CONSIDERATION, cases)) == set(cases.values_list("pk", flat=True))
    # Recorded as the placement form records them: audited, with the child and the start.
    for placement in placed:
        event = AuditEvent.objects.get(
            action=Action.CREATE, object_type="cases.placement", object_id=str(placement.public_id)
        )
        assert event.detail["started_on"] == placement.started_on.isoformat()


def test_the_consideration_is_counted_from_the_last_one_held(db, seeded_on):
    today = timezone.localdate()
    for item in DueItem.objects.filter(rule=CONSIDERATION):
        held = Activity.objects.filter(case_id=item.case_id, kind=ActivityKind.CONSIDERATION)
        last = held.order_by("-held_on").values_list("held_on", flat=True).first()
        placed = Placement.objects.get(case_id=item.case_id).started_on
        assert item.counts_from == (last or placed)
        assert item.explanation_params["law"] == "SoL 6:8, LVU 13 §"
        assert (today - item.due_on).days <= 60


def test_a_two_year_placement_has_its_custody_transfer_item_due_now(db, seeded_on):
    today = timezone.localdate()
    cases = Case.objects.filter(organisation__name=SWEDISH_ORG)
    custody = _items(CUSTODY, cases)
    placements = {p.case_id: p for p in Placement.objects.filter(case__in=cases)}
    due_now = [
        item
        for item in custody.values()
        if -60 <= (item.due_on - today).days <= 7
        and (item.due_on - placements[item.case_id].started_on).days in (730, 731)
    ]
    assert due_now, sorted((item.due_on, item.case_id) for item in custody.values())
    assert {item.case.responsible.username for item in due_now} & {"konsulent", "stranger"}
    # The next övervägande, due just before it, is the one that considers the transfer.
    considerations = _items(CONSIDERATION, cases)
    for item in due_now:
        assert considerations[item.case_id].due_on <= item.due_on


def test_a_danish_placement_with_its_supervision_visits(db, seeded_on):
    placements = Placement.objects.filter(case__organisation__name=DANISH_ORG)
    assert placements.exists()
    for placement in placements:
        assert placement.form == "dogninstitution" and placement.legal_ground == "BL §32"
        visits = Activity.objects.filter(
            case=placement.case, kind=ActivityKind.SUPERVISION_VISIT, held_on__isnull=False
        )
        assert visits.count() >= 1
        item = DueItem.objects.get(case=placement.case, rule="law-dk:supervision-visit")
        assert item.counts_from == max(visits.values_list("held_on", flat=True))


def test_holding_the_two_year_consideration_moves_both_items_on(db, seeded_on):
    """README: record a held övervägande on konsulent's two-year placement."""
    today = timezone.localdate()
    case = Case.objects.get(family__name="Familjen Ahmed")
    record_held(
        case,
        by=case.responsible,
        kind=ActivityKind.CONSIDERATION,
        held_on=today,
        context=Context.OFFICE,
        minutes=60,
    )
    consideration = DueItem.objects.get(case=case, rule=CONSIDERATION)
    custody = DueItem.objects.get(case=case, rule=CUSTODY)
    assert consideration.counts_from == today
    assert (consideration.due_on - today).days > 180
    started = Placement.objects.get(case=case).started_on
    assert custody.due_on == Duration(3, "years").after(started)
