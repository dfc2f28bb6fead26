import pytest
from django.urls import reverse
from django.utils import translation

from conftest import translated
from samspel.audit.models import Action, AuditEvent
from samspel.programmes.models import (
    OrganisationProgramme,
    ProgrammeSettings,
    ProgrammeSettingsChange,
)
from samspel.programmes.tests.conftest import NOT_ADMINS


def url(key):
    return reverse("programmes:settings", args=[key])


def current_values(response) -> dict[str, str]:
    """The form as the page shows it, ready to post back."""
    form = response.context["form"]
    return {name: str(field.initial) for name, field in form.fields.items()}


def names(response, path):
    return response.context["form"].names_for(path)


def stored(organisation, key):
    found = ProgrammeSettings.objects.filter(organisation=organisation, programme=key).first()
    return found.overrides if found else {}


def test_the_page_shows_every_rule_readably(admin):
    response = admin.get(url("sammen-om-familien"))
    assert response.status_code == 200
    text = response.text
    assert "Every 6 weeks when the case holds a child-professional investigation or measure" in text
    assert "BL §20, BL §32, SEL §50, SEL §52" in text
    assert "every 3 months when the case holds only compensation or support measures" in text
    assert "locked by the working model" in text
    assert "Once, within 14 days of the referral: startup talk" in text
    assert "When a focus child turns 17" in text
    assert "Stop-op team meeting" in text
    assert "Barnets lov §20" in text  # the statutory overlay, read-only


def test_locked_values_have_no_field_unlocked_ones_do(admin):
    response = admin.get(url("sammen-om-familien"))
    form = response.context["form"]
    amount, unit, _value = names(response, "follow-up.cadences[0].every")
    assert amount not in form.fields and unit not in form.fields
    amount, unit, _value = names(response, "startup-talk.within")
    assert form.fields[amount].initial == 14
    assert form.fields[unit].initial == "days"


def test_an_unlocked_value_is_saved_with_history_and_audit(admin, organisation, personas):
    page = admin.get(url("process-i-rorelse"))
    data = current_values(page)
    amount, unit, _value = names(page, "weekly-follow-up.every")
    data[amount], data[unit] = "10", "days"
    data[names(page, "places.group_talk")[2]] = "office"
    response = admin.post(url("process-i-rorelse"), data)
    assert response.status_code == 302
    assert stored(organisation, "process-i-rorelse") == {
        "weekly-follow-up.every": {"days": 10},
        "places.group_talk": "office",
    }
    change = ProgrammeSettingsChange.objects.get(organisation=organisation)
    assert (change.old, change.changed_by) == ({}, personas["admin"])
    event = AuditEvent.objects.get(action=Action.UPDATE)
    assert event.detail == {
        "programme": "process-i-rorelse",
        "settings": ["places.group_talk", "weekly-follow-up.every"],
    }
    shown = admin.get(url("process-i-rorelse")).text
    assert "Weekly follow-up: interval: 1 week → 10 days" in shown
    assert "Group talk: place: Neutral or public venue → At the office" in shown


def test_setting_a_value_back_keeps_the_history(admin, organisation):
    ProgrammeSettings.objects.create(
        organisation=organisation,
        programme="process-i-rorelse",
        overrides={"weekly-follow-up.every": {"days": 10}},
    )
    page = admin.get(url("process-i-rorelse"))
    data = current_values(page)
    amount, unit, _value = names(page, "weekly-follow-up.every")
    assert (data[amount], data[unit]) == ("10", "days")
    data[amount], data[unit] = "1", "weeks"
    assert admin.post(url("process-i-rorelse"), data).status_code == 302
    assert stored(organisation, "process-i-rorelse") == {}
    change = ProgrammeSettingsChange.objects.get()
    assert (change.old, change.new) == ({"weekly-follow-up.every": {"days": 10}}, {})


def test_saving_the_same_values_changes_nothing(admin, organisation):
    page = admin.get(url("bfamily"))
    response = admin.post(url("bfamily"), current_values(page))
    assert response.status_code == 302
    assert not ProgrammeSettingsChange.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


def test_a_locked_value_is_refused_and_nothing_changes(admin, organisation):
    page = admin.get(url("sammen-om-familien"))
    data = current_values(page)
    amount, unit, _value = names(page, "follow-up.cadences[0].every")
    data[amount], data[unit] = "3", "months"
    startup = names(page, "startup-talk.within")
    data[startup[0]] = "7"
    response = admin.post(url("sammen-om-familien"), data)
    assert response.status_code == 200
    assert "is locked by the working model and cannot be changed" in response.text
    assert stored(organisation, "sammen-om-familien") == {}
    assert not ProgrammeSettingsChange.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        ("-3", "weeks", "The value must not be negative."),
        ("0", "weeks", "The value must be longer than 0."),
        ("often", "weeks", "Enter a whole number."),
        ("", "weeks", "This field is required."),
        ("2", "fortnights", "Choose days, weeks or months."),
        ("99999999999999999999", "months", "A duration can be at most ten years."),
        ("121", "months", "A duration can be at most 120 months."),
        ("521", "weeks", "A duration can be at most 520 weeks."),
    ],
)
def test_bad_durations_are_refused_with_a_message(admin, organisation, amount, unit, message):
    page = admin.get(url("process-i-rorelse"))
    data = current_values(page)
    names_ = names(page, "weekly-follow-up.every")
    data[names_[0]], data[names_[1]] = amount, unit
    response = admin.post(url("process-i-rorelse"), data)
    assert response.status_code == 200
    assert message in response.text
    assert stored(organisation, "process-i-rorelse") == {}
    assert not ProgrammeSettingsChange.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


@pytest.mark.parametrize("hours", ["745", "99999999999999999999"])
def test_hours_beyond_the_longest_month_are_refused(admin, organisation, hours):
    page = admin.get(url("bfamily"))
    data = current_values(page)
    data[names(page, "time_band.max_hours")[2]] = hours
    response = admin.post(url("bfamily"), data)
    assert response.status_code == 200
    assert "Enter a whole number of hours from 0 to 744." in response.text
    assert stored(organisation, "bfamily") == {}


@pytest.mark.parametrize("key", ["bfamily", "process-i-rorelse", "sammen-om-familien", "fifa"])
def test_a_huge_duration_is_refused_on_every_programme(admin, organisation, key):
    page = admin.get(url(key))
    data = current_values(page)
    form = page.context["form"]
    amounts = [name for name in form.fields if name.endswith("_amount")]
    data[amounts[0]] = "99999999999999999999"
    response = admin.post(url(key), data)
    assert response.status_code == 200
    assert "A duration can be at most ten years." in response.text
    assert stored(organisation, key) == {}


def test_a_time_band_upside_down_is_refused(admin, organisation):
    page = admin.get(url("bfamily"))
    data = current_values(page)
    data[names(page, "time_band.min_hours")[2]] = "70"
    response = admin.post(url("bfamily"), data)
    assert response.status_code == 200
    assert "The fewest hours must not exceed the most hours." in response.text
    assert stored(organisation, "bfamily") == {}


def test_the_refusal_is_translated(admin, personas):
    personas["admin"].language = "sv"
    personas["admin"].save()
    page = admin.get(url("process-i-rorelse"))
    data = current_values(page)
    data[names(page, "weekly-follow-up.every")[0]] = "-1"
    with translation.override("sv"):
        response = admin.post(url("process-i-rorelse"), data, HTTP_ACCEPT_LANGUAGE="sv")
    assert translated("The value must not be negative.", "sv") in response.text


def test_own_programme_is_saved_on_itself(admin, organisation, own_programme):
    page = admin.get(url(own_programme.key))
    assert page.status_code == 200
    assert "Your own programme, based on" in page.text
    data = current_values(page)
    amount, unit, _value = names(page, "weekly-follow-up.every")
    assert (data[amount], data[unit]) == ("10", "days")
    data[amount] = "12"
    assert admin.post(url(own_programme.key), data).status_code == 302
    own_programme.refresh_from_db()
    assert own_programme.overrides == {"weekly-follow-up.every": {"days": 12}}
    assert not ProgrammeSettings.objects.exists()
    change = ProgrammeSettingsChange.objects.get(programme=own_programme.key)
    assert change.old == {"weekly-follow-up.every": {"days": 10}}
    event = AuditEvent.objects.get(action=Action.UPDATE)
    assert event.object_id == str(own_programme.public_id)


def test_unknown_programme_is_not_found(admin):
    assert admin.get(url("no-such-programme")).status_code == 404


def test_rejects_other_methods(admin):
    assert admin.put(url("fifa")).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, organisation, own_programme, persona):
    login(personas[persona])
    for key in ("process-i-rorelse", own_programme.key):
        assert client.get(url(key)).status_code == 404
        data = {"s0_amount": "2", "s0_unit": "weeks"}
        assert client.post(url(key), data).status_code == 404
    assert not ProgrammeSettings.objects.exists()
    own_programme.refresh_from_db()
    assert own_programme.overrides == {"weekly-follow-up.every": {"days": 10}}


def test_programme_of_another_organisation_is_not_found(admin, foreign_programme):
    assert admin.get(url(foreign_programme.key)).status_code == 404
    assert admin.post(url(foreign_programme.key), {"s2_amount": "7"}).status_code == 404
    foreign_programme.refresh_from_db()
    assert foreign_programme.overrides == {}
    assert OrganisationProgramme.objects.count() == 1
