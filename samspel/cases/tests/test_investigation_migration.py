"""Migration 0008: a Swedish case whose investigation had started gets its decision to open it,
dated the start day, so the decision item stays closed now that the decision closes it; a case
without a start, a Danish case and a recorded decision are left alone."""

import datetime as dt
import importlib

from django.apps import apps

from conftest import set_legal_basis
from samspel.cases.models import Case
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case

fill = importlib.import_module("samspel.cases.migrations.0008_fill_investigation_decision").fill
STARTED = dt.date(2026, 2, 1)


def _fresh(case) -> Case:
    return Case.objects.get(pk=case.pk)


def test_a_started_swedish_investigation_gets_its_decision(case, open_case):
    Case.objects.filter(pk=case.pk).update(
        referred_on=dt.date(2026, 1, 20), investigation_started_on=STARTED
    )
    set_legal_basis(case, ["SoL 11:1"], starts_on=dt.date(2026, 1, 20))
    Case.objects.filter(pk=open_case.pk).update(
        investigation_decided_on=dt.date(2026, 1, 25), investigation_opened=False
    )
    fill(apps, None)
    started, other = _fresh(case), _fresh(open_case)
    assert (started.investigation_decided_on, started.investigation_opened) == (STARTED, True)
    assert (other.investigation_decided_on, other.investigation_opened) == (
        dt.date(2026, 1, 25),
        False,
    )
    recompute_case(started)
    assert not DueItem.objects.filter(case=started, rule="law-se:investigation-decision").exists()
    assert DueItem.objects.filter(case=started, rule="law-se:investigation").exists()


def test_danish_cases_get_no_decision(case, other_organisation):
    Case.objects.filter(pk=case.pk).update(
        organisation=other_organisation, investigation_started_on=STARTED
    )
    fill(apps, None)
    assert _fresh(case).investigation_opened is None
