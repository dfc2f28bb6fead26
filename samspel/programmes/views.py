"""Programme settings for org admins (DOMAIN.md §3): the built-in programmes with the
organisation's values for their unlocked settings, and the organisation's own programmes.
Every view scopes through `organisation_for_admin` / `get_programme_for_admin`: others get 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.organisations.access import organisation_for_admin
from samspel.programmes import describe
from samspel.programmes.effective import resolve
from samspel.programmes.forms import OwnProgrammeForm, ProgrammeSettingsForm
from samspel.programmes.loader import law, programmes
from samspel.programmes.models import (
    OrganisationProgramme,
    ProgrammeSettings,
    ProgrammeSettingsChange,
)
from samspel.programmes.organisation_settings import (
    OrganisationView,
    builtin_name,
    create_own_programme,
    get_programme_for_admin,
    save_overrides,
)

HISTORY_SIZE = 20


@require_GET
@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    changed = dict(
        ProgrammeSettings.objects.filter(organisation=organisation).values_list(
            "programme", "overrides"
        )
    )
    built_in = [
        {
            "key": key,
            "name": builtin_name(key),
            "changed": len(changed.get(key) or {}),
            "stale": _stale_count(key, changed.get(key)),
        }
        for key in programmes()
    ]
    built_in.sort(key=lambda row: row["name"])
    own = list(OrganisationProgramme.objects.filter(organisation=organisation))
    for programme in own:
        programme.stale = _stale_count(programme.based_on, programme.overrides)
    context = {"built_in": built_in, "own": own}
    return render(request, "programmes/list.html", context)


def _stale_count(base_key: str, overrides: dict | None) -> int:
    """How many of the stored values no longer apply (shown in full on the settings page)."""
    base = programmes().get(base_key)
    return len(resolve(base, overrides).stale) if base is not None else 0


def _rows_with_fields(form: ProgrammeSettingsForm):
    """The page's sections, each row's settings paired with their form fields."""
    found = []
    for title, rows in describe.sections(form.programme):
        for row in rows:
            row.fields = [
                (setting, [form[name] for name in form.field_names(setting)])
                for setting in row.settings
            ]
        found.append((title, rows))
    return found


def _history(view: OrganisationView):
    changes = ProgrammeSettingsChange.objects.filter(
        organisation=view.organisation, programme=view.key
    ).select_related("changed_by")[:HISTORY_SIZE]
    return [
        (change, describe.change_lines(view.base, change.old, change.new)) for change in changes
    ]


@require_http_methods(["GET", "POST"])
@login_required
def programme_settings(request: HttpRequest, key: str) -> HttpResponse:
    view = get_programme_for_admin(request, key)
    form = ProgrammeSettingsForm(request.POST or None, base=view.base, current=view.overrides)
    if request.method == "POST" and form.is_valid():
        new = form.cleaned_data["overrides"]
        if new == view.overrides:
            messages.info(request, _("Nothing was changed."))
            return redirect("programmes:settings", key=view.key)
        with transaction.atomic():
            change = save_overrides(view, new, request.user)
            target = view.own or view.settings
            changed = _items(change.old) ^ _items(change.new)
            record(request, Action.UPDATE, target, programme=view.key, settings=_paths(changed))
        messages.success(
            request, _("The settings of %(programme)s are saved.") % {"programme": view.name}
        )
        return redirect("programmes:settings", key=view.key)
    context = {
        "view": view,
        "form": form,
        "sections": _rows_with_fields(form),
        "stale": describe.stale_lines(view.base, form.current, form.stale),
        "features": describe.feature_texts(view.base),
        "law_rows": _law_rows(view),
        "history": _history(view),
    }
    return render(request, "programmes/settings.html", context)


def _items(overrides: dict) -> set:
    return {(path, repr(value)) for path, value in overrides.items()}


def _paths(changed) -> list[str]:
    return sorted({path for path, _value in changed})


def _law_rows(view: OrganisationView) -> list[describe.Row]:
    statutory = law(view.base.jurisdiction)
    return [
        describe.Row(
            f"{_(rule.title)} ({rule.law})", describe.rule_text(rule, statutory.jurisdiction)
        )
        for rule in statutory.rules
    ]


@require_http_methods(["GET", "POST"])
@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    form = OwnProgrammeForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            own = create_own_programme(
                organisation, data["key"], data["name"], data["based_on"], request.user
            )
            record(request, Action.CREATE, own, key=own.key, based_on=own.based_on)
        messages.success(
            request, _("The programme %(programme)s was created.") % {"programme": own.name}
        )
        return redirect("programmes:settings", key=own.key)
    return render(request, "programmes/create.html", {"form": form})
