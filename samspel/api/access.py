"""Who sees and revokes which API tokens: a case worker or team leader the tokens that act as
them; the organisation's administrator every token of the organisation. Others get 404."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from samspel.api.models import ApiToken
from samspel.cases.access import require_case_worker
from samspel.organisations.access import organisation_for_admin


def own_tokens(request: HttpRequest) -> QuerySet[ApiToken]:
    require_case_worker(request.user)
    return ApiToken.objects.filter(user=request.user).select_related("created_by")


def organisation_tokens(request: HttpRequest) -> QuerySet[ApiToken]:
    organisation = organisation_for_admin(request)
    return ApiToken.objects.filter(organisation=organisation).select_related(
        "user", "created_by", "revoked_by"
    )


def get_token(tokens: QuerySet[ApiToken], public_id) -> ApiToken:
    token = tokens.filter(public_id=public_id).first()
    if token is None:
        raise Http404
    return token
