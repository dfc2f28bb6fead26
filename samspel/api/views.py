"""The API token pages: a worker's own tokens (make one, see when each was last used, revoke
it) and the organisation administrator's list of every token, with integration tokens made for
another system. A secret is shown once, on the page that made it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samspel.api import tokens
from samspel.api.access import get_token, organisation_tokens, own_tokens
from samspel.api.forms import IntegrationTokenForm, TokenForm
from samspel.api.models import ApiToken, TokenKind
from samspel.audit.log import record
from samspel.audit.models import Action

PAGE_SIZE = 50


def _issue(request: HttpRequest, user, form: TokenForm, kind: str) -> HttpResponse:
    with transaction.atomic():
        token, secret = tokens.issue(
            user, name=form.cleaned_data["name"], days=form.days, created_by=request.user, kind=kind
        )
        record(request, Action.CREATE, token, kind=kind, acts_as=str(user.public_id))
    back = "api_tokens:organisation" if kind == TokenKind.INTEGRATION else "api_tokens:mine"
    context = {"token": token, "secret": secret, "back": back}
    return render(request, "api/token_created.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    mine = own_tokens(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _issue(request, request.user, form, TokenKind.PERSONAL)
    context = {"tokens": mine, "form": form}
    response = render(request, "api/tokens.html", context)
    response.status_code = 400 if form.errors else 200
    return response


@require_http_methods(["GET", "POST"])
@login_required
def organisation(request: HttpRequest) -> HttpResponse:
    every = organisation_tokens(request)
    form = IntegrationTokenForm(request.POST or None, organisation=request.user.organisation)
    if request.method == "POST" and form.is_valid():
        return _issue(request, form.cleaned_data["acts_as"], form, TokenKind.INTEGRATION)
    page = Paginator(every.order_by("-created_at", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    response = render(request, "api/organisation_tokens.html", {"page": page, "form": form})
    response.status_code = 400 if form.errors else 200
    return response


def _revoke(request: HttpRequest, token: ApiToken) -> None:
    if token.revoked_at is None:
        with transaction.atomic():
            tokens.revoke(token, request.user)
            record(request, Action.UPDATE, token, revoked=True)
    messages.success(request, _("The token %(token)s is revoked.") % {"token": token.name})


@require_POST
@login_required
def revoke_mine(request: HttpRequest, token_id) -> HttpResponse:
    _revoke(request, get_token(own_tokens(request), token_id))
    return redirect("api_tokens:mine")


@require_POST
@login_required
def revoke_in_organisation(request: HttpRequest, token_id) -> HttpResponse:
    _revoke(request, get_token(organisation_tokens(request), token_id))
    return redirect("api_tokens:organisation")
