"""Scoping for organisation administration: one helper per object, outsiders get 404."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from samspel.accounts.models import User
from samspel.organisations.models import Organisation, Team


def organisation_for_admin(request: HttpRequest) -> Organisation:
    """The organisation the signed-in org admin administers."""
    user = request.user
    if not (user.is_authenticated and user.is_org_admin and user.organisation_id):
        raise Http404
    return user.organisation


def get_user_for_admin(request: HttpRequest, public_id) -> User:
    organisation = organisation_for_admin(request)
    return get_object_or_404(User, organisation=organisation, public_id=public_id)


def get_team_for_admin(request: HttpRequest, public_id) -> Team:
    organisation = organisation_for_admin(request)
    return get_object_or_404(Team, organisation=organisation, public_id=public_id)
