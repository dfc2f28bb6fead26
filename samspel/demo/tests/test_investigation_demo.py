"""The demo's investigations are a mix a newcomer believes: Swedish cases still waiting for the
decision whether to open one, decided not to, and opened (some finished); Danish §20 cases
with their investigation under way. Every recorded decision closed its 14-day item."""

import pytest

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import Case
from samspel.demo.legal_basis import legal_basis_of
from samspel.followup.models import DueItem
from samspel.organisations.models import Jurisdiction


@pytest.fixture
def demo(db, demo_world):
    """The module's demo world (conftest.demo_world), in the test's savepoint."""


def _with_item(rule: str) -> set[int]:
    return set(DueItem.objects.filter(rule=rule).values_list("case_id", flat=True))


def test_swedish_investigations_are_a_mix(demo):
    swedish = Case.objects.filter(organisation__jurisdiction=Jurisdiction.SWEDEN)
    cases = swedish.filter(pk__in=[c.pk for c in swedish if "SoL 11:1" in legal_basis_of(c)])
    undecided = set(cases.filter(investigation_opened__isnull=True).values_list("pk", flat=True))
    not_opened = cases.filter(investigation_opened=False)
    opened = cases.filter(investigation_opened=True)
    assert undecided and not_opened.exists() and opened.exists()
    decision_items = _with_item("law-se:investigation-decision")
    assert undecided <= decision_items
    assert not decision_items & set(cases.exclude(pk__in=undecided).values_list("pk", flat=True))
    assert not not_opened.filter(investigation_started_on__isnull=False).exists()
    assert not opened.filter(investigation_started_on__isnull=True).exists()
    assert not opened.filter(investigation_decided_by__isnull=True).exists()
    under_way = set(
        opened.filter(investigation_finished_on__isnull=True).values_list("pk", flat=True)
    )
    assert under_way == _with_item("law-se:investigation") & set(
        opened.values_list("pk", flat=True)
    )


def test_a_danish_paragraph_20_investigation_is_under_way(demo):
    danish = Case.objects.filter(organisation__jurisdiction=Jurisdiction.DENMARK)
    open_ones = danish.filter(
        investigation_started_on__isnull=False, investigation_finished_on__isnull=True
    )
    assert open_ones.exists()
    items = DueItem.objects.filter(rule="law-dk:investigation", case__in=open_ones)
    assert set(items.values_list("case_id", flat=True)) == set(
        open_ones.values_list("pk", flat=True)
    )
    for item in items.select_related("case"):
        # Barnets lov §20: finished within 4 months of its start.
        assert item.counts_from == item.case.investigation_started_on
        assert item.explanation_params["law"] == "Barnets lov §20"
        assert item.explanation_params["interval"] == "4 months"
    # Started through the investigation form's write path: audited with its start.
    case = open_ones.first()
    assert AuditEvent.objects.filter(
        action=Action.UPDATE,
        object_id=str(case.public_id),
        detail__investigation_started_on=case.investigation_started_on.isoformat(),
    ).exists()
