"""samspel.network.consent: the rules other features call."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from samspel.network import consent as rules
from samspel.network.models import CaseActor, Consent, ExternalOrganisation

DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(given_on=DAYS, withdrawn_on=st.none() | DAYS, on=DAYS)
def test_valid_exactly_between_giving_and_withdrawing(given_on, withdrawn_on, on):
    valid = rules.is_valid(given_on, withdrawn_on, on)
    if on < given_on or (withdrawn_on is not None and on >= withdrawn_on):
        assert not valid
    else:
        assert valid


class _Given:
    def __init__(self, given_on, withdrawn_on=None):
        self.given_on, self.withdrawn_on = given_on, withdrawn_on


def test_consent_state_without_the_database():
    march = dt.date(2026, 3, 10)
    assert rules.consent_state([], march) == rules.NONE
    assert rules.consent_state([_Given(dt.date(2026, 4, 1))], march) == rules.NONE
    withdrawn = _Given(dt.date(2026, 1, 1), dt.date(2026, 2, 1))
    assert rules.consent_state([withdrawn], march) == rules.WITHDRAWN
    assert rules.consent_state([withdrawn, _Given(dt.date(2026, 3, 1))], march) == rules.VALID


def test_has_valid_consent_on_a_given_day(actor, consent):
    assert rules.has_valid_consent(actor)  # today, 10 March 2026
    assert rules.has_valid_consent(actor, on=dt.date(2026, 3, 1))
    assert not rules.has_valid_consent(actor, on=dt.date(2026, 2, 28))


def test_actors_without_consent(case, actor, consent, personas):
    ppr = CaseActor.objects.create(
        case=case,
        external_organisation=ExternalOrganisation.objects.create(
            organisation=case.organisation, kind="ppr", name="PPR"
        ),
        role="Psychologist",
        added_by=personas["worker"],
    )
    assert rules.actors_without_consent(case) == [ppr]
    assert set(rules.actors_without_consent(case, on=dt.date(2026, 2, 1))) == {actor, ppr}
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=dt.date(2026, 3, 10))
    assert set(rules.actors_without_consent(case)) == {actor, ppr}
