"""The SafetyRating model: who rated, and the scale enforced by the database too."""

import datetime as dt

import pytest
from django.db import IntegrityError

from samspel.assessments.models import SafetyRating


def make(case, **fields):
    defaults = {"role": "worker", "name": "Anna", "value": 5, "rated_on": dt.date(2026, 2, 1)}
    return SafetyRating.objects.create(
        case=case, created_by=case.responsible, **{**defaults, **fields}
    )


@pytest.mark.parametrize("value", [-1, 11])
def test_the_database_refuses_values_off_the_scale(case, value):
    with pytest.raises(IntegrityError):
        make(case, value=value)


def test_the_database_refuses_a_rating_by_nobody(case):
    with pytest.raises(IntegrityError):
        make(case, name="")


def test_a_participant_is_the_same_across_dates_and_spelling(case, parent):
    assert make(case, name="Anna").participant_key == make(case, name="anna").participant_key
    assert make(case, name="Anna").participant_key != make(case, role="network").participant_key
    by_person = make(case, role="parent", person=parent, name="")
    assert by_person.participant_key == f"parent|person:{parent.pk}"
    assert by_person.participant_label == "Lena Berg (Parent)"
