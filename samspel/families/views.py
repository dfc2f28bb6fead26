"""Families and persons. Scoped through samspel.cases.family_access."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.family_access import (
    family_cases,
    family_relation,
    get_family_for_user,
    get_family_for_write,
    get_person_for_user,
    require_family_worker,
)
from samspel.families.forms import FamilyForm, PersonForm
from samspel.families.services import recompute_family_cases
from samspel.families.visibility import family_display, person_display


@require_http_methods(["GET", "POST"])
@login_required
def family_create(request: HttpRequest) -> HttpResponse:
    """Register a household together with its first person."""
    require_family_worker(request.user)
    jurisdiction = request.user.organisation.jurisdiction
    family_form = FamilyForm(request.POST or None, prefix="family")
    person_form = PersonForm(request.POST or None, prefix="person", jurisdiction=jurisdiction)
    if request.method == "POST" and family_form.is_valid() and person_form.is_valid():
        with transaction.atomic():
            family = family_form.save(commit=False)
            family.organisation = request.user.organisation
            family.created_by = request.user
            family.save()
            person = _save_person(person_form, family, request.user)
            record(request, Action.CREATE, family)
            record(request, Action.CREATE, person, family=str(family.public_id))
        messages.success(request, _("The family %(family)s is registered.") % {"family": family})
        return redirect("families:detail", public_id=family.public_id)
    context = {"family_form": family_form, "person_form": person_form}
    return render(request, "families/family_form.html", context)


def _save_person(form: PersonForm, family, user):
    person = form.save(commit=False)
    person.family = family
    person.birth_date = form.cleaned_data.get("birth_date")
    person.save()
    form.save_reminder_language(person)
    if person.protected_identity:
        # Whoever records a protected identity is authorised by name to see it.
        person.authorised_users.add(user)
    return person


@require_http_methods(["GET"])
@login_required
def family_detail(request: HttpRequest, public_id) -> HttpResponse:
    family = get_family_for_user(request, public_id)
    shown = family_display(request.user, family, family_relation(request.user, family))
    persons = [{"person": p, "shown": shown.of(p)} for p in family.persons.all()]
    context = {
        "family": family,
        "persons": persons,
        "cases": family_cases(request.user, family).select_related("responsible"),
    }
    return render(request, "families/family_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def person_add(request: HttpRequest, public_id) -> HttpResponse:
    family = get_family_for_write(request, public_id)
    form = PersonForm(request.POST or None, jurisdiction=family.organisation.jurisdiction)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            person = _save_person(form, family, request.user)
            record(request, Action.CREATE, person, family=str(family.public_id))
            recompute_family_cases(family)
        messages.success(request, _("%(person)s is added.") % {"person": person})
        return redirect("families:detail", public_id=family.public_id)
    return render(request, "families/person_form.html", {"form": form, "family": family})


@require_http_methods(["GET", "POST"])
@login_required
def person_edit(request: HttpRequest, public_id, person_id) -> HttpResponse:
    family = get_family_for_write(request, public_id)
    person = get_person_for_user(request, family, person_id)
    if not person_display(request.user, person, family_relation(request.user, family)).details:
        # Editing would reveal the protected details; only users granted by name may.
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    form = PersonForm(
        request.POST or None, instance=person, jurisdiction=family.organisation.jurisdiction
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            _save_person(form, family, request.user)
            record(request, Action.UPDATE, person, fields=sorted(form.changed_data))
            recompute_family_cases(family)
        messages.success(request, _("The changes to %(person)s are saved.") % {"person": person})
        return redirect("families:detail", public_id=family.public_id)
    context = {"form": form, "family": family, "person": person}
    return render(request, "families/person_form.html", context)
