"""Organisation administration: an org admin manages the users and teams of their own
organisation. Every view scopes through `samspel.organisations.access`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.organisations.access import (
    get_team_for_admin,
    get_user_for_admin,
    organisation_for_admin,
)
from samspel.organisations.forms import (
    AddMemberForm,
    SingleSignOnForm,
    TeamFilterForm,
    TeamForm,
    UserFilterForm,
    UserForm,
)
from samspel.organisations.models import Membership, SingleSignOn

PAGE_SIZE = 25


@require_GET
@login_required
def users(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    people = organisation.users.prefetch_related("teams").order_by("last_name", "first_name")
    form = UserFilterForm(request.GET or None)
    if form.is_valid():
        people = form.filter(people)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "organisations/users.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    form = UserForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save_for_organisation()
            record(request, Action.CREATE, user, role=user.role)
        messages.success(
            request,
            _("%(user)s was created. Give them a set-password link.") % {"user": user},
        )
        return redirect("organisations:user_edit", public_id=user.public_id)
    return render(request, "organisations/user_form.html", {"form": form, "creating": True})


@require_http_methods(["GET", "POST"])
@login_required
def user_edit(request: HttpRequest, public_id) -> HttpResponse:
    person = get_user_for_admin(request, public_id)
    organisation = organisation_for_admin(request)
    form = UserForm(request.POST or None, instance=person, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save_for_organisation()
            record(request, Action.UPDATE, person, fields=sorted(form.changed_data))
        messages.success(request, _("The changes to %(user)s are saved.") % {"user": person})
        return redirect("organisations:users")
    context = {
        "form": form,
        "person": person,
        "has_second_factor": TOTPDevice.objects.filter(user=person, confirmed=True).exists(),
    }
    return render(request, "organisations/user_form.html", context)


@require_POST
@login_required
def user_set_active(request: HttpRequest, public_id) -> HttpResponse:
    """Deactivate or reactivate a user. Users are never deleted: their history stays."""
    person = get_user_for_admin(request, public_id)
    if person == request.user:
        messages.error(request, _("You cannot deactivate yourself."))
        return redirect("organisations:user_edit", public_id=person.public_id)
    person.is_active = request.POST.get("active") == "yes"
    person.save(update_fields=["is_active"])
    record(request, Action.UPDATE, person, is_active=person.is_active)
    if person.is_active:
        messages.success(request, _("%(user)s can log in again.") % {"user": person})
    else:
        messages.success(request, _("%(user)s can no longer log in.") % {"user": person})
    return redirect("organisations:users")


@require_POST
@login_required
def user_password_link(request: HttpRequest, public_id) -> HttpResponse:
    """Make a one-time link with which the user sets a new password."""
    person = get_user_for_admin(request, public_id)
    path = reverse(
        "accounts:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    record(request, Action.UPDATE, person, password_link=True)
    context = {"person": person, "link": request.build_absolute_uri(path)}
    return render(request, "organisations/password_link.html", context)


@require_POST
@login_required
def user_reset_second_factor(request: HttpRequest, public_id) -> HttpResponse:
    """For a lost phone: the user enrols a new authenticator at the next login."""
    person = get_user_for_admin(request, public_id)
    removed, _details = TOTPDevice.objects.filter(user=person).delete()
    record(request, Action.UPDATE, person, second_factor_reset=True)
    messages.success(
        request,
        _("%(user)s will set up a new authenticator app at the next login.") % {"user": person},
    )
    return redirect("organisations:user_edit", public_id=person.public_id)


@require_GET
@login_required
def teams(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    team_list = organisation.teams.prefetch_related("membership_set__user").order_by("name")
    filters = TeamFilterForm(request.GET or None, organisation=organisation)
    team_list = filters.filter(team_list)
    return render(request, "organisations/teams.html", {"teams": team_list, "filters": filters})


@require_http_methods(["GET", "POST"])
@login_required
def team_create(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    form = TeamForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        team = form.save_for_organisation()
        record(request, Action.CREATE, team)
        messages.success(request, _("The team %(team)s was created.") % {"team": team})
        return redirect("organisations:team_edit", public_id=team.public_id)
    return render(request, "organisations/team_form.html", {"form": form, "creating": True})


@require_http_methods(["GET", "POST"])
@login_required
def team_edit(request: HttpRequest, public_id) -> HttpResponse:
    team = get_team_for_admin(request, public_id)
    form = TeamForm(request.POST or None, instance=team, organisation=team.organisation)
    if request.method == "POST" and form.is_valid():
        form.save_for_organisation()
        record(request, Action.UPDATE, team, fields=sorted(form.changed_data))
        messages.success(request, _("The changes to %(team)s are saved.") % {"team": team})
        return redirect("organisations:team_edit", public_id=team.public_id)
    context = {
        "form": form,
        "team": team,
        "memberships": team.membership_set.select_related("user").order_by("user__last_name"),
        "add_form": AddMemberForm(team=team),
    }
    return render(request, "organisations/team_form.html", context)


@require_POST
@login_required
def team_add_member(request: HttpRequest, public_id) -> HttpResponse:
    team = get_team_for_admin(request, public_id)
    form = AddMemberForm(request.POST, team=team)
    if form.is_valid():
        person = form.cleaned_data["user"]
        Membership.objects.create(team=team, user=person, is_leader=form.cleaned_data["is_leader"])
        record(request, Action.UPDATE, team, added_member=str(person.public_id))
        messages.success(request, _("%(user)s joined %(team)s.") % {"user": person, "team": team})
    else:
        messages.error(request, _("Choose an active user of your organisation."))
    return redirect("organisations:team_edit", public_id=team.public_id)


@require_POST
@login_required
def team_change_member(request: HttpRequest, public_id, user_id) -> HttpResponse:
    """Make a member leader or member, or remove them from the team."""
    team = get_team_for_admin(request, public_id)
    membership = get_object_or_404(Membership, team=team, user__public_id=user_id)
    change = request.POST.get("change")
    if change == "remove":
        membership.delete()
        messages.success(request, _("%(user)s left the team.") % {"user": membership.user})
    elif change in ("leader", "member"):
        membership.is_leader = change == "leader"
        membership.save(update_fields=["is_leader"])
        messages.success(request, _("The change is saved."))
    else:
        messages.error(request, _("Unknown change. Nothing was saved."))
        return redirect("organisations:team_edit", public_id=team.public_id)
    record(request, Action.UPDATE, team, member=str(user_id), change=change)
    return redirect("organisations:team_edit", public_id=team.public_id)


@require_http_methods(["GET", "POST"])
@login_required
def single_sign_on(request: HttpRequest) -> HttpResponse:
    """The organisation's OpenID provider, and whether local passwords still work."""
    organisation = organisation_for_admin(request)
    current = SingleSignOn.objects.filter(organisation=organisation).first()
    form = SingleSignOnForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.organisation = organisation
            saved.save()
            changed = sorted(name for name in form.changed_data if name != "client_secret")
            record(request, Action.UPDATE if current else Action.CREATE, saved, fields=changed)
        messages.success(request, _("The single sign-on settings are saved."))
        return redirect("organisations:single_sign_on")
    callback = request.build_absolute_uri(reverse("sso:callback"))
    context = {"form": form, "callback": callback, "sso": current}
    response = render(request, "organisations/single_sign_on.html", context)
    response.status_code = 400 if form.errors else 200
    return response
