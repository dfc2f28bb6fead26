"""network/_consent_warning.html, the warning the plan shows before an actor without valid
consent is given a responsibility."""

import datetime as dt

from django.template.loader import render_to_string

from samspel.network.models import Consent

TEMPLATE = "network/_consent_warning.html"


def test_warns_when_the_family_has_not_consented(actor):
    html = render_to_string(TEMPLATE, {"actor": actor})
    assert "No valid consent." in html
    assert "has not given consent to share information with Anna Lind, Solbackaskolan" in html
    assert f"/cases/{actor.case.public_id}/network/" in html


def test_warns_when_the_consent_is_withdrawn(actor, consent):
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=dt.date(2026, 3, 9))
    html = render_to_string(TEMPLATE, {"actor": actor})
    assert "has withdrawn its consent" in html


def test_silent_with_valid_consent_or_no_actor(actor, consent):
    assert render_to_string(TEMPLATE, {"actor": actor}).strip() == ""
    assert render_to_string(TEMPLATE, {"actor": None}).strip() == ""
