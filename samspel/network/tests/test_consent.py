"""The Consent model: when it is valid, and what the database refuses."""

import datetime as dt

import pytest
import time_machine
from django.db import IntegrityError, transaction

from samspel.network.models import Consent


def test_valid_from_the_day_given_until_the_day_withdrawn(consent):
    consent.withdrawn_on = dt.date(2026, 3, 8)
    assert not consent.is_valid_on(dt.date(2026, 2, 28))
    assert consent.is_valid_on(dt.date(2026, 3, 1))
    assert consent.is_valid_on(dt.date(2026, 3, 7))
    assert not consent.is_valid_on(dt.date(2026, 3, 8))
    assert not consent.is_valid_on(dt.date(2026, 12, 1))


def test_validity_today_follows_the_calendar(actor, consent):
    with time_machine.travel(dt.date(2026, 2, 27)):
        assert not actor.has_valid_consent
        assert actor.consent_state == "none"
    with time_machine.travel(dt.date(2026, 3, 1)):
        assert actor.has_valid_consent
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=dt.date(2026, 4, 1))
    with time_machine.travel(dt.date(2026, 3, 31)):
        assert actor.has_valid_consent
    with time_machine.travel(dt.date(2026, 4, 1)):
        assert not actor.has_valid_consent
        assert actor.consent_state == "withdrawn"


def test_a_new_consent_after_a_withdrawal_is_valid_again(actor, consent, parent, personas):
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=dt.date(2026, 3, 3))
    assert actor.consent_state == "withdrawn"
    Consent.objects.create(
        case_actor=actor,
        given_by=parent,
        scope="Attendance only",
        given_on=dt.date(2026, 3, 9),
        recorded_by=personas["worker"],
    )
    assert actor.has_valid_consent and actor.consents.count() == 2


def test_the_database_refuses_a_withdrawal_before_the_consent(consent):
    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.filter(pk=consent.pk).update(withdrawn_on=dt.date(2026, 2, 1))


def test_a_consent_cannot_be_deleted_with_its_actor(actor, consent):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        actor.delete()
    assert Consent.objects.filter(pk=consent.pk).exists()
