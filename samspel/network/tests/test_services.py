"""The network's write path refuses what the forms never offer: an organisation of another
Samspel organisation, a consent of another case or family, a second withdrawal."""

import datetime as dt

import pytest

from samspel.audit.models import AuditEvent
from samspel.cases.refusals import Refused
from samspel.network import services
from samspel.network.models import CaseActor, Consent


def test_an_organisation_of_another_samspel_organisation_is_refused(personas, case, foreign_school):
    with pytest.raises(Refused, match="Choose an organisation"):
        services.add_actor(case, by=personas["worker"], role="Rektor", organisation=foreign_school)
    assert not CaseActor.objects.exists() and not AuditEvent.objects.exists()


def test_a_consent_to_an_actor_of_another_case_is_refused(personas, case, open_case, actor):
    other_family_member = open_case.family.persons.get()
    for case_, given_by in ((open_case, other_family_member), (case, other_family_member)):
        with pytest.raises(Refused, match="actor on this case"):
            services.record_consent(
                case_,
                by=personas["worker"],
                case_actor=actor,
                given_by=given_by,
                scope="Närvaro",
                given_on=dt.date(2026, 3, 9),
            )
    assert not Consent.objects.exists() and not AuditEvent.objects.exists()


def test_a_second_withdrawal_changes_nothing(personas, case, consent):
    worker = personas["worker"]
    services.withdraw_consent(case, consent, by=worker, withdrawn_on=dt.date(2026, 3, 5))
    with pytest.raises(Refused, match="already withdrawn"):
        services.withdraw_consent(case, consent, by=worker, withdrawn_on=dt.date(2026, 3, 6))
    consent.refresh_from_db()
    assert consent.withdrawn_on == dt.date(2026, 3, 5)
    assert AuditEvent.objects.count() == 1
