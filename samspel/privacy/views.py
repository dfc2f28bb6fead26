"""A person's register extract (GDPR art. 15) as JSON and as PDF, for the workers who may change
one of the family's cases (404 for outsiders, 403 for readers); every extract is audited."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.family_access import (
    get_family_for_write,
    get_person_for_user,
    require_family_worker,
)
from samspel.plans.pdf import render_pdf
from samspel.privacy.export import person_extract


def _extract(request: HttpRequest, family_id, person_id, form: str):
    require_family_worker(request.user)
    family = get_family_for_write(request, family_id)
    person = get_person_for_user(request, family, person_id)
    extract = person_extract(person)
    record(
        request,
        Action.EXPORT,
        person,
        cases=list(family.cases.all()),
        format=form,
        extract="gdpr_art_15",
    )
    return person, extract


def _attachment(response: HttpResponse, person, suffix: str) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="extract-{person.public_id}-{stamp}.{suffix}"'
    )
    return response


@require_GET
@login_required
def extract_json(request: HttpRequest, family_id, person_id) -> HttpResponse:
    person, extract = _extract(request, family_id, person_id, "json")
    body = json.dumps(extract, ensure_ascii=False, indent=2)
    return _attachment(
        HttpResponse(body, content_type="application/json; charset=utf-8"), person, "json"
    )


@require_GET
@login_required
def extract_pdf(request: HttpRequest, family_id, person_id) -> HttpResponse:
    person, extract = _extract(request, family_id, person_id, "pdf")
    html = render_to_string(
        "privacy/extract_pdf.html",
        {
            "extract": extract,
            "language": translation.get_language(),
            "printed_by": str(request.user),
        },
        request=request,
    )
    return _attachment(
        HttpResponse(render_pdf(html), content_type="application/pdf"), person, "pdf"
    )
