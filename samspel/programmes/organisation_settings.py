"""Reading and saving an organisation's programme settings: the scoping helper every view uses,
and the save that keeps the history and recomputes the affected open cases in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from samspel.followup.recompute import recompute_open_cases
from samspel.organisations.access import organisation_for_admin
from samspel.organisations.models import Organisation
from samspel.organisations.programmes import PROGRAMME_CHOICES
from samspel.programmes.definitions import Programme
from samspel.programmes.loader import programmes
from samspel.programmes.models import (
    OrganisationProgramme,
    ProgrammeSettings,
    ProgrammeSettingsChange,
)


@dataclass
class OrganisationView:
    """A programme as one organisation runs it: a built-in one with the organisation's values,
    or one of its own programmes."""

    organisation: Organisation
    key: str
    name: str
    base: Programme  # the built-in programme the engine runs
    own: OrganisationProgramme | None = None
    settings: ProgrammeSettings | None = None

    @property
    def overrides(self) -> dict[str, Any]:
        if self.own is not None:
            return dict(self.own.overrides)
        return dict(self.settings.overrides) if self.settings else {}


def builtin_name(key: str) -> str:
    return str(dict(PROGRAMME_CHOICES).get(key, key))


def get_programme_for_admin(request: HttpRequest, key: str) -> OrganisationView:
    """The programme with `key` as the signed-in org admin's organisation runs it; 404 for
    anyone else and for another organisation's own programmes."""
    organisation = organisation_for_admin(request)
    built_in = programmes().get(key)
    if built_in is not None:
        settings = ProgrammeSettings.objects.filter(organisation=organisation, programme=key)
        return OrganisationView(
            organisation, key, builtin_name(key), built_in, settings=settings.first()
        )
    own = get_object_or_404(OrganisationProgramme, organisation=organisation, key=key)
    base = programmes().get(own.based_on)
    if base is None:
        raise Http404
    return OrganisationView(organisation, key, own.name, base, own=own)


def save_overrides(view: OrganisationView, new: dict[str, Any], user) -> ProgrammeSettingsChange:
    """Store the new values with a history row and recompute the organisation's open cases on
    the programme. Call inside `transaction.atomic()`."""
    old = view.overrides
    if view.own is not None:
        own = OrganisationProgramme.objects.select_for_update().get(pk=view.own.pk)
        old = dict(own.overrides)
        own.overrides = new
        own.save(update_fields=["overrides", "updated_at"])
    else:
        settings, _created = ProgrammeSettings.objects.select_for_update().get_or_create(
            organisation=view.organisation, programme=view.key
        )
        old = dict(settings.overrides)
        settings.overrides = new
        settings.updated_by = user
        settings.save(update_fields=["overrides", "updated_by", "updated_at"])
        view.settings = settings
    change = ProgrammeSettingsChange.objects.create(
        organisation=view.organisation, programme=view.key, old=old, new=new, changed_by=user
    )
    recompute_open_cases(view.organisation.pk, view.key)
    return change


def create_own_programme(
    organisation: Organisation, key: str, name: str, based_on: str, user
) -> OrganisationProgramme:
    """A named copy of a built-in programme, starting from the organisation's current values
    for it. Call inside `transaction.atomic()`."""
    current = ProgrammeSettings.objects.filter(organisation=organisation, programme=based_on)
    overrides = dict(current.values_list("overrides", flat=True).first() or {})
    own = OrganisationProgramme.objects.create(
        organisation=organisation,
        key=key,
        name=name,
        based_on=based_on,
        overrides=overrides,
        created_by=user,
    )
    ProgrammeSettingsChange.objects.create(
        organisation=organisation, programme=key, old={}, new=overrides, changed_by=user
    )
    return own
